/**
 * The winstberekening: KOR and KIA into profit, then ondernemersaftrek and MKB-winstvrijstelling.
 *
 * <p>The calculation ({@link nl.rekenblad.winst.Winstberekening}, {@link nl.rekenblad.winst.WinstInput},
 * {@link nl.rekenblad.winst.WinstResult}) is pure: it may use {@code core} and {@code rules} only. Beside it the
 * adapters (reader, template, writer, JSON, command, {@link nl.rekenblad.winst.WinstRegulation}), which may also
 * use {@code api}, the internal packages, POI, Commons CSV and picocli. KOR and KIA outputs are read by their
 * defined names and JSON keys, not through those packages. API: the calculation and its types, and the regulation.
 */
package nl.rekenblad.winst;
