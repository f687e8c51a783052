package nl.rekenblad.winst;

import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Target;
import nl.rekenblad.internal.workbook.Grid;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.internal.workbook.SheetSetup;
import nl.rekenblad.internal.workbook.Styles;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;

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
        SheetSetup.fixProperties(wb.poi());
        Styles st = new Styles(wb.poi());
        XSSFSheet sh = wb.poi().createSheet(SHEET);
        Grid c = Grid.of(sh, st);
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
            XSSFCell v = Grid.cell(sh, row, 1);
            boolean text = WinstInput.TEKSTVELDEN.contains(f) && !f.equals("winst");
            boolean count = WinstInput.AANTALLEN.contains(f);
            v.setCellStyle(st.get(
                    text ? Styles.Kind.TEXT_INPUT : count ? Styles.Kind.INTEGER_INPUT : Styles.Kind.MONEY_INPUT));
            Object val = values.get(f);
            if (val instanceof java.math.BigDecimal d) {
                v.setCellValue(d.doubleValue());
            } else if (val instanceof String s && !s.isEmpty()) {
                Grid.inlineText(v, s);
            }
            c.text(row, 2, help(f), Styles.Kind.NOTE);
        }
        Name n = wb.poi().createName();
        n.setNameName(N_INVOER);
        n.setRefersToFormula(new AreaReference(
                        new CellReference(SHEET, HEADER_ROW, 0, true, true),
                        new CellReference(SHEET, HEADER_ROW + fields.size(), 1, true, true),
                        SpreadsheetVersion.EXCEL2007)
                .formatAsString());
        sh.setColumnWidth(0, 22 * 256);
        sh.setColumnWidth(1, 40 * 256);
        sh.setColumnWidth(2, 80 * 256);
        sh.createFreezePane(0, HEADER_ROW + 1);
        SheetSetup.pageSetup(sh);
        return wb;
    }

    /** The value cell of every field found in {@code WINST_Invoer}, by field name. */
    public static Optional<Map<String, Target.Cell>> locate(OutputWorkbook wb, List<Problem> problems, String bron) {
        Name name = wb.poi().getName(N_INVOER);
        if (name == null) {
            problems.add(Problem.error(
                    bron,
                    "dit is geen werkboek van het rekenblad winst-sjabloon: de gedefinieerde naam " + N_INVOER
                            + " ontbreekt; maak een nieuw sjabloon met 'rekenblad template winst'"));
            return Optional.empty();
        }
        AreaReference a;
        try {
            a = new AreaReference(name.getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
        } catch (RuntimeException e) {
            problems.add(Problem.error(bron, "de gedefinieerde naam " + N_INVOER + " wijst niet naar cellen"));
            return Optional.empty();
        }
        String sheet = a.getFirstCell().getSheetName();
        Sheet sh = sheet == null ? null : wb.poi().getSheet(sheet);
        if (sh == null) {
            problems.add(
                    Problem.error(bron, "de gedefinieerde naam " + N_INVOER + " wijst niet naar een bestaand blad"));
            return Optional.empty();
        }
        Map<String, Target.Cell> cells = new LinkedHashMap<>();
        int col = a.getFirstCell().getCol();
        for (int r = a.getFirstCell().getRow() + 1; r <= a.getLastCell().getRow(); r++) {
            Row row = sh.getRow(r);
            Cell key = row == null ? null : row.getCell(col);
            if (key == null
                    || key.getCellType() != CellType.STRING
                    || key.getStringCellValue().isBlank()) {
                continue;
            }
            String k = key.getStringCellValue().trim();
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
