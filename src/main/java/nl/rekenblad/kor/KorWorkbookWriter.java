package nl.rekenblad.kor;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Target;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.internal.workbook.ResultSheets;
import nl.rekenblad.internal.workbook.SheetCells;
import nl.rekenblad.internal.workbook.Styles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the KOR result sheets to a workbook that holds the input sheet: "Jaaropstelling" (every
 * figure a live formula with its cached value), "Parameters" (the year's figures with their
 * sources, as defined names) and "Toelichting" (one Dutch line per step). The bookkeeper's own
 * sheets are left as they are.
 */
final class KorWorkbookWriter {
    public static final String JAAROPSTELLING = "Jaaropstelling";
    public static final String PARAMETERS = "Parameters";
    public static final String TOELICHTING = "Toelichting";
    static final String MARKER = "rekenblad-kor";
    static final List<String> SHEETS = List.of(JAAROPSTELLING, PARAMETERS, TOELICHTING);

    /**
     * Writes the result sheets into {@code wb}, replacing those of an earlier rekenblad run.
     *
     * @throws InvalidInputException when the workbook already has a sheet of the same name that
     *                               rekenblad did not make
     */
    public void write(OutputWorkbook wb, KorResult result) throws InvalidInputException {
        String bron = result.input().bron();
        ResultSheets.removeEarlierOutput(wb, MARKER, SHEETS, List.of("KOR_"), KorTemplate.INPUT_NAMES, bron);
        List<Problem> problems = new ArrayList<>();
        KorTemplate.Located loc =
                KorTemplate.locate(wb, problems, bron).orElseThrow(() -> new InvalidInputException(problems));
        Map<Period, Integer> cols = loc.periodColumns(wb, result.year(), problems, bron);
        Map<Rubriek, Integer> rows = loc.rubriekRows(wb, problems, bron);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidInputException(problems);
        }
        Map<String, Target> targets = new HashMap<>(loc.inputCells(cols, rows));
        for (Period p : result.input().periods()) {
            for (Rubriek r : Rubriek.values()) {
                if (!rows.containsKey(r)) {
                    // A rubriek the bookkeeper removed from the sheet counts as blank.
                    targets.put(KorKeys.input(p, r, false), new Target.Name("0"));
                    targets.put(KorKeys.input(p, r, true), new Target.Name("0"));
                }
            }
        }
        ResultSheets out = new ResultSheets(wb, targets);
        out.place(JAAROPSTELLING, result.layout());
        out.checkPlaced(result.calculation());
        wb.reserveSheet(JAAROPSTELLING);
        SheetCells params = out.parameters(
                PARAMETERS,
                "Parameters kleineondernemersregeling " + result.year(),
                "De bedragen en keuzes waarmee het blad " + JAAROPSTELLING + " rekent, met hun bron."
                        + " De gele keuzes (ja/nee) mag u aanpassen; de formules volgen.",
                result.parameters());
        if (loc.omzetVorigJaar().isPresent()) {
            targets.put(KorKeys.IN_OMZET_VORIG_JAAR, loc.omzetVorigJaar().get());
        } else {
            // A workbook without the optional input: keep an empty input here so the formulas work.
            int row = params.lastRow() + 2;
            out.text(params, row, 0, "Omzet vorig jaar", Styles.Kind.LABEL);
            out.text(
                    params, row, 1, "Omzet van het vorige jaar voor de omzetgrens (leeg = onbekend)", Styles.Kind.WRAP);
            params.blank(row, 2, out.styles().get(Styles.Kind.MONEY_INPUT));
            targets.put(KorKeys.IN_OMZET_VORIG_JAAR, new Target.Cell(PARAMETERS, row, 2));
        }
        out.write(
                JAAROPSTELLING,
                "KOR jaaropstelling " + result.year(),
                (result.regime() == Regime.OUD
                                ? "Oude kleineondernemersregeling (vermindering)"
                                : "Kleineondernemersregeling: vrijstelling met omzetgrens")
                        + " · invoer: " + result.input().bron()
                        + " · rechtsvorm: " + result.input().rechtsvorm().word()
                        + " · alle bedragen zijn formules; zie het blad " + TOELICHTING,
                result.layout(),
                result.calculation(),
                70);
        out.toelichting(
                TOELICHTING,
                "Toelichting KOR jaaropstelling " + result.year(),
                result.calculation(),
                result.warnings());
        out.finish(JAAROPSTELLING, MARKER, SHEETS);
    }
}
