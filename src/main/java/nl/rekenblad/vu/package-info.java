/**
 * Verworpen uitgaven: the Belgian vennootschapsbelasting worksheet (WIB 92 art. 49 and the articles that limit it),
 * per code of the aangifte (form 275.1.A), with the car costs per car by CO2, fuel and purchase date.
 *
 * <p>The calculation ({@link nl.rekenblad.vu.VuBerekening} with {@link nl.rekenblad.vu.VuInput} and
 * {@link nl.rekenblad.vu.Soort}) is pure: it may use {@code core} and {@code rules} only. Beside it the adapters (the
 * CSV and template readers, the workbook, JSON, command, {@link nl.rekenblad.vu.VuRegulation}), which may also use
 * {@code api}, the internal packages, POI, Commons CSV and picocli.
 */
package nl.rekenblad.vu;
