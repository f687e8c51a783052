/**
 * The btw-opstelling: from a bookkeeping journal to each period's rubrieken and on to the KOR.
 *
 * <p>The calculation ({@link nl.rekenblad.btw.BtwBerekening}, {@link nl.rekenblad.btw.BtwAangifte},
 * {@link nl.rekenblad.btw.Boeking}) is pure: it may use {@code core}, {@code rules} and {@code aangifte} only.
 * Beside it the adapters (the streaming journal reader, the workbook, JSON, command,
 * {@link nl.rekenblad.btw.BtwRegulation}), which may also use {@code api}, the internal packages, POI, Commons
 * CSV, picocli, the {@code kor} package (for {@code --kor}) and {@code auditfile} (the XAF reader; the pure
 * {@link nl.rekenblad.btw.XafBerekening} takes its records). API: the calculation and its types, and the
 * regulation.
 */
package nl.rekenblad.btw;
