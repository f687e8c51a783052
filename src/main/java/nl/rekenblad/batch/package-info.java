/**
 * Unattended intake: mails (.eml, .msg) and folders, each attachment recognised and run through the registry from
 * its bytes, in parallel with a time budget; the JSON lines report and overzicht.xlsx.
 *
 * <p>May use: the registry (root package), {@code api}, {@code core}, {@code rules}, the internal input toolkit and
 * workbook engine, Jakarta Mail and POI. Not a regulation: no regulation package is named here.
 */
package nl.rekenblad.batch;
