package nl.rekenblad.winst;

import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Target;
import nl.rekenblad.internal.workbook.Grid;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.internal.workbook.SheetCells;
import nl.rekenblad.internal.workbook.SheetSettings;
import nl.rekenblad.internal.workbook.SheetText;
import nl.rekenblad.internal.workbook.Styles;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The winstberekening input sheet ("Invoer"): a two-column table veld | waarde under the defined
 * name {@code WINST_Invoer}; rows are found by the field name, so they may be reordered.
 */
public final class WinstTemplate {
    public static final String SHEET = "Invoer";
    public static final String N_INVOER = "WINST_Invoer";
    static final int HEADER_ROW = 3;

    /** What each field holds, with the figures of the rules data (the newest year). */
    private static String help(String field) {
        return WinstVeld.of(field)
                .map(v -> v.uitleg(nl.rekenblad.rules.RuleBook.load("winst")))
                .orElse("");
    }

    private WinstTemplate() {}

    /** The template, empty, or filled with the values of a CSV (text as text, numbers as numbers). */
    public static OutputWorkbook create(Map<String, Object> values) {
        OutputWorkbook wb = OutputWorkbook.create();
        SheetCells cells = wb.createGeneratedSheet(SHEET);
        Grid c = Grid.of(cells, wb.styles());
        c.text(0, 0, "Winstberekening: invoer", Styles.Kind.TITLE);
        c.text(1, 0, "Vul de gele cellen in; lege cellen tellen als 0 (of nee).", Styles.Kind.NOTE);
        c.text(HEADER_ROW, 0, "veld", Styles.Kind.HEADER);
        c.text(HEADER_ROW, 1, "waarde", Styles.Kind.HEADER);
        c.text(HEADER_ROW, 2, "toelichting", Styles.Kind.HEADER);
        List<String> fields = WinstInput.VELDEN;
        for (int i = 0; i < fields.size(); i++) {
            int row = HEADER_ROW + 1 + i;
            String f = fields.get(i);
            c.text(row, 0, f, Styles.Kind.LABEL);
            boolean text = WinstInput.TEKSTVELDEN.contains(f) && !f.equals("winst");
            boolean count = WinstInput.AANTALLEN.contains(f);
            Styles.Kind kind =
                    text ? Styles.Kind.TEXT_INPUT : count ? Styles.Kind.INTEGER_INPUT : Styles.Kind.MONEY_INPUT;
            Object val = values.get(f);
            if (val instanceof String s && !s.isEmpty()) {
                c.text(row, 1, s, kind);
            } else {
                c.number(row, 1, val instanceof java.math.BigDecimal d ? d : null, kind);
            }
            c.text(row, 2, help(f), Styles.Kind.NOTE);
        }
        wb.defineName(N_INVOER, SHEET, new CellRangeAddress(HEADER_ROW, HEADER_ROW + fields.size(), 0, 1));
        SheetSettings sh = cells.settings();
        sh.width(0, 22);
        sh.width(1, 40);
        sh.width(2, 80);
        sh.freeze(0, HEADER_ROW + 1);
        sh.pageSetup();
        return wb;
    }

    /** The value cell of every field found in {@code WINST_Invoer}, by field name. */
    public static Optional<Map<String, Target.Cell>> locate(OutputWorkbook wb, List<Problem> problems, String bron) {
        String refersTo = wb.refersTo(N_INVOER).orElse(null);
        if (refersTo == null) {
            problems.add(Problem.error(
                    bron,
                    "dit is geen werkboek van het rekenblad winst-sjabloon: de gedefinieerde naam " + N_INVOER
                            + " ontbreekt; maak een nieuw sjabloon met 'rekenblad template winst'"));
            return Optional.empty();
        }
        AreaReference a;
        try {
            a = new AreaReference(refersTo, SpreadsheetVersion.EXCEL2007);
        } catch (RuntimeException e) {
            problems.add(Problem.error(bron, "de gedefinieerde naam " + N_INVOER + " wijst niet naar cellen"));
            return Optional.empty();
        }
        String sheet = a.getFirstCell().getSheetName();
        if (sheet == null || wb.sheetIndex(sheet) < 0) {
            problems.add(
                    Problem.error(bron, "de gedefinieerde naam " + N_INVOER + " wijst niet naar een bestaand blad"));
            return Optional.empty();
        }
        Map<String, Target.Cell> cells = new LinkedHashMap<>();
        int col = a.getFirstCell().getCol();
        for (int r = a.getFirstCell().getRow() + 1; r <= a.getLastCell().getRow(); r++) {
            String key = SheetText.text(wb, sheet, r, col);
            if (key == null || key.isBlank()) {
                continue;
            }
            String k = key.trim();
            String field = WinstInput.VELDEN.stream()
                    .filter(f -> f.toLowerCase(Locale.ROOT).equals(k.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElse(null);
            Target.Cell valueCell = new Target.Cell(sheet, r, col + 1);
            if (field == null) {
                problems.add(Problem.error(
                        bron + " › " + Target.quoteSheet(sheet) + "!" + new Target.Cell(sheet, r, col).a1(sheet),
                        "onbekend veld \"" + k + "\"; verwacht een van: " + String.join(", ", WinstInput.VELDEN)));
            } else if (cells.putIfAbsent(field, valueCell) != null) {
                problems.add(Problem.error(
                        bron + " › " + Target.quoteSheet(sheet) + "!" + new Target.Cell(sheet, r, col).a1(sheet),
                        "veld " + field + " staat twee keer in de invoer"));
            }
        }
        return Optional.of(cells);
    }
}
