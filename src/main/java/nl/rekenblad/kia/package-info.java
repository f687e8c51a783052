/**
 * The KIA investeringsregister: kleinschaligheidsinvesteringsaftrek per year, EIA/MIA, desinvesteringsbijtelling
 * and depreciation.
 *
 * <p>The calculation ({@link nl.rekenblad.kia.KiaBerekening}, which orders one class per rule: Kwalificatie,
 * KiaTabel, EiaMia, Desinvestering, Afschrijving; with {@link nl.rekenblad.kia.KiaInput},
 * {@link nl.rekenblad.kia.KiaResult}, {@link nl.rekenblad.kia.KiaKeys}) is pure: it may use {@code core} and
 * {@code rules} only. Beside it the adapters (readers, template, writer, JSON, command,
 * {@link nl.rekenblad.kia.KiaRegulation}), which may also use {@code api}, the internal packages, POI, Commons CSV
 * and picocli. API: the calculation and its types, and the regulation.
 */
package nl.rekenblad.kia;
