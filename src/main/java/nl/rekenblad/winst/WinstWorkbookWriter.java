package nl.rekenblad.winst;

import nl.rekenblad.core.InvalidInputException;
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

/** Adds "Winstberekening", "Parameters" and "Toelichting" to a workbook holding the winst input sheet. */
public final class WinstWorkbookWriter {
    public static final String PARAMETERS = "Parameters";
    public static final String TOELICHTING = "Toelichting";
    static final String MARKER = "rekenblad-winst";
    static final List<String> SHEETS = List.of(Winstberekening.SHEET, PARAMETERS, TOELICHTING);

    public void write(OutputWorkbook wb, WinstResult result) throws InvalidInputException {
        String bron = result.input().bron();
        List<String> paramNames = result.parameters().stream().map(p -> p.key()).toList();
        ResultSheets.removeEarlierOutput(
                wb,
                MARKER,
                SHEETS,
                List.of("WINST_", "MKB_", "ZA_", "SA_", "MWA_", "STA_", "GK_", "Urencriterium"),
                List.of(WinstTemplate.N_INVOER),
                bron);
        paramNames.forEach(wb::removeName);
        List<Problem> problems = new ArrayList<>();
        Map<String, Target.Cell> cells =
                WinstTemplate.locate(wb, problems, bron).orElseThrow(() -> new InvalidInputException(problems));
        Map<String, Target> targets = new HashMap<>();
        cells.forEach((f, c) -> targets.put(Winstberekening.input(f), c));
        ResultSheets out = new ResultSheets(wb, targets);
        out.place(Winstberekening.SHEET, result.layout());
        out.checkPlaced(result.calculation());
        wb.reserveSheet(Winstberekening.SHEET);
        SheetCells params = out.parameters(
                PARAMETERS,
                "Parameters winstberekening " + result.input().jaar(),
                "De bedragen en percentages van " + result.input().jaar() + " met hun bron.",
                result.parameters());
        int row = params.lastRow() + 2;
        for (String f : WinstInput.VELDEN) {
            if (!cells.containsKey(f)) {
                // A field the bookkeeper removed from the input counts as blank: point the formulas at an empty cell.
                out.text(params, row, 0, f + " (niet in de invoer)", Styles.Kind.NOTE);
                targets.put(Winstberekening.input(f), new Target.Cell(PARAMETERS, row, 2));
                row++;
            }
        }
        out.write(
                Winstberekening.SHEET,
                "Winstberekening " + result.input().jaar(),
                "Van winst naar belastbare winst uit" + " onderneming · invoer: " + bron
                        + " · alle bedragen zijn formules; zie het blad " + TOELICHTING,
                result.layout(),
                result.calculation(),
                60);
        out.toelichting(
                TOELICHTING,
                "Toelichting winstberekening " + result.input().jaar(),
                result.calculation(),
                result.input().warnings());
        out.finish(Winstberekening.SHEET, MARKER, SHEETS);
    }
}
