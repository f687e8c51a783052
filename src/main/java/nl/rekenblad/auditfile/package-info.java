/**
 * The XML Auditfile Financieel (XAF 3.2), read as a stream: header, ledger accounts, VAT codes and every
 * transaction, one at a time, with the file's own checks (control totals, known accounts and codes, the currency).
 * Shared by the regulations that take an auditfile ({@code btw}, {@code winst}). May use {@code core} only, and
 * Woodstox for the parsing. May use: core.
 */
package nl.rekenblad.auditfile;
