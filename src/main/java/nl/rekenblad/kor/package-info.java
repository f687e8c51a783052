/**
 * The KOR jaaropstelling (kleineondernemersregeling): the old reduction until 2019 and the exemption from 2020.
 *
 * <p>The calculation ({@link nl.rekenblad.kor.KorJaaropstelling} with {@link nl.rekenblad.kor.KorInput},
 * {@link nl.rekenblad.kor.KorResult}, {@link nl.rekenblad.kor.KorKeys}, {@link nl.rekenblad.kor.Regime}) is pure:
 * it may use {@code core}, {@code rules} and {@code aangifte} only. Beside it the adapters: the CSV and workbook
 * readers, the template, the workbook writer, the JSON, the command and {@link nl.rekenblad.kor.KorRegulation};
 * they may also use {@code api} and the internal packages (input toolkit, workbook engine, command parts), POI,
 * Commons CSV and picocli. API: the calculation and its types, and the regulation.
 */
package nl.rekenblad.kor;
