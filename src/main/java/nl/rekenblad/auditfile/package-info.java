/**
 * The XML Auditfile Financieel (XAF 3.1, 3.2, 3.2.1 and 4.0; see {@link nl.rekenblad.auditfile.Versie} for what
 * differs and the sources), read as a stream: header, ledger accounts (with their RGS code), VAT codes and every
 * transaction, one at a time, with the file's own checks (control totals, known accounts and codes, the currency).
 * {@link nl.rekenblad.auditfile.Grootboek} says what an account is (result or balance, revenue, cash, a VAT account)
 * from accTp, RGS code, the decimal chart and its description, each answer with its reason. Shared by the regulations
 * that take an auditfile ({@code btw}, {@code winst}). May use {@code core} only, and Woodstox for the parsing.
 * May use: core.
 */
package nl.rekenblad.auditfile;
