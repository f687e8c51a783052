package nl.rekenblad.vu;

import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Target;
import nl.rekenblad.internal.workbook.NamedTable;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.internal.workbook.ResultSheets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds "VU-opstelling", "Wagens", "Parameters VU" and "Toelichting VU" to a workbook holding the input sheets; every
 * figure is a formula on the input tables and the parameters, with the value Java computed.
 */
final class VuWorkbookWriter {
    static final String PARAMETERS = "Parameters VU";
    static final String TOELICHTING = "Toelichting VU";
    static final String MARKER = "rekenblad-vu";
    static final List<String> SHEETS = List.of(VuBerekening.OPSTELLING, VuBerekening.WAGENS, PARAMETERS, TOELICHTING);

    void write(OutputWorkbook wb, VuResult r) throws InvalidInputException {
        String bron = r.input().bron();
        ResultSheets.removeEarlierOutput(
                wb,
                MARKER,
                SHEETS,
                List.of("VU_"),
                List.of(VuTemplate.N_KOSTEN, VuTemplate.N_WAGENS, VuTemplate.N_AANSLAGJAAR),
                bron);
        List<Problem> problems = new ArrayList<>();
        Map<String, Target> targets = new HashMap<>();
        NamedTable kosten = VuTemplate.locate(
                        wb, VuTemplate.N_KOSTEN, VuTemplate.KOST_VELDEN, List.of(), problems, bron, true)
                .orElseThrow(() -> new InvalidInputException(problems));
        List<Integer> rows = kosten.filledRows(wb);
        for (int i = 0; i < r.input().kosten().size(); i++) {
            for (String f : VuTemplate.KOST_VELDEN) {
                Target.Cell c = kosten.cell(rows.get(i), f);
                if (c != null) {
                    targets.put(VuBerekening.kost(i, f), c);
                }
            }
        }
        if (!r.input().wagens().isEmpty()) {
            NamedTable wagens = VuTemplate.locate(
                            wb, VuTemplate.N_WAGENS, VuTemplate.WAGEN_VELDEN, List.of(), problems, bron, true)
                    .orElseThrow(() -> new InvalidInputException(problems));
            List<Integer> wrows = wagens.filledRows(wb);
            for (int j = 0; j < r.input().wagens().size(); j++) {
                for (String f : VuTemplate.WAGEN_VELDEN) {
                    Target.Cell c = wagens.cell(wrows.get(j), f);
                    if (c != null) {
                        targets.put(VuBerekening.wagen(j, f), c);
                    }
                }
            }
        }
        ResultSheets out = new ResultSheets(wb, targets);
        out.place(VuBerekening.OPSTELLING, r.opstelling());
        out.place(VuBerekening.WAGENS, r.wagens());
        out.checkPlaced(r.calculation());
        var params = out.parameters(
                PARAMETERS,
                "Parameters verworpen uitgaven, aanslagjaar " + r.input().aanslagjaar(),
                "De percentages en bedragen van dit aanslagjaar (de wagenpercentages naar het jaar van aankoop), met hun bron.",
                r.parameters());
        // Optional input columns a bookkeeper removed count as blank: point their formulas at an empty cell.
        int row = params.lastRow() + 2;
        for (int i = 0; i < r.input().kosten().size(); i++) {
            for (String f : List.of("aantal", "percentage", "waarde")) {
                if (!targets.containsKey(VuBerekening.kost(i, f))) {
                    targets.put(VuBerekening.kost(i, f), new Target.Cell(PARAMETERS, row, 3));
                }
            }
        }
        for (int j = 0; j < r.input().wagens().size(); j++) {
            for (String f : VuTemplate.WAGEN_VELDEN) {
                if (!targets.containsKey(VuBerekening.wagen(j, f))) {
                    targets.put(VuBerekening.wagen(j, f), new Target.Cell(PARAMETERS, row, 3));
                }
            }
        }
        wb.reserveSheet(VuBerekening.OPSTELLING);
        out.write(
                VuBerekening.OPSTELLING,
                "Verworpen uitgaven, aanslagjaar " + r.input().aanslagjaar(),
                "Uit " + bron + " · per code van de aangifte (275.1.A) · elk bedrag is een formule; zie " + TOELICHTING,
                r.opstelling(),
                r.calculation(),
                70);
        wb.reserveSheet(VuBerekening.WAGENS);
        out.write(
                VuBerekening.WAGENS,
                "Wagens: aftrekbaar percentage, aanslagjaar " + r.input().aanslagjaar(),
                r.input().wagens().isEmpty()
                        ? "Geen wagens opgegeven."
                        : "Per wagen de coëfficiënt, de gramformule, de"
                                + " grenzen van zijn regime en het percentage; daarmee code 1205 en 1206",
                r.wagens(),
                r.calculation(),
                40);
        out.toelichting(
                TOELICHTING,
                "Toelichting verworpen uitgaven, aanslagjaar " + r.input().aanslagjaar(),
                r.calculation(),
                r.warnings());
        out.finish(VuBerekening.OPSTELLING, MARKER, SHEETS);
    }
}
