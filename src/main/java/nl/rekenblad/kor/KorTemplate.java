package nl.rekenblad.kor;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Rechtsvorm;
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
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The KOR input sheet ("Aangiften"): writes it, empty as a template or filled from a CSV, and
 * finds its parts again through defined names, so a bookkeeper may restyle and move them.
 *
 * <p>Defined names: {@code KOR_Jaar} (the year), {@code KOR_Perioden} (the row of period labels,
 * each over its omzet column, the btw column to its right), {@code KOR_Rubrieken} (the column of
 * rubriek codes), {@code KOR_Invoer} (the grid of amounts), and the optional {@code
 * KOR_Rechtsvorm} and {@code KOR_OmzetVorigJaar}.
 */
final class KorTemplate {
    public static final String SHEET = "Aangiften";
    public static final String N_JAAR = "KOR_Jaar";
    public static final String N_PERIODEN = "KOR_Perioden";
    public static final String N_RUBRIEKEN = "KOR_Rubrieken";
    public static final String N_INVOER = "KOR_Invoer";
    public static final String N_RECHTSVORM = "KOR_Rechtsvorm";
    public static final String N_VORIG_JAAR = "KOR_OmzetVorigJaar";
    /** The names that belong to the input; every other {@code KOR_} name is rekenblad's output. */
    public static final List<String> INPUT_NAMES =
            List.of(N_JAAR, N_PERIODEN, N_RUBRIEKEN, N_INVOER, N_RECHTSVORM, N_VORIG_JAAR);

    private static final String[] MONTHS = {
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"
    };
    private static final int FIRST_GRID_ROW = 9;
    private static final int FIRST_GRID_COL = 2;

    private KorTemplate() {}

    /** An empty template for periods of {@code kind}; {@code year} may be null (the bookkeeper fills it in). */
    public static OutputWorkbook create(Period.Kind kind, Integer year) {
        return build(kind, year, null, true);
    }

    /** The input sheet filled with {@code input}, its cells in POI's model (to be read or changed before it is saved). */
    public static OutputWorkbook filled(KorInput input) {
        return build(input.periods().get(0).kind(), input.year(), input, false);
    }

    /**
     * The same sheet as {@link #filled}, its cells kept as {@link SheetCells} (written when saved):
     * how the output of a CSV run starts, several times cheaper than POI's model.
     */
    public static OutputWorkbook forOutput(KorInput input) {
        return build(input.periods().get(0).kind(), input.year(), input, true);
    }

    /** Adds the input sheet, filled with {@code input}, to an existing workbook (the btw-opstelling with --kor). */
    public static void addTo(OutputWorkbook wb, KorInput input) {
        addTo(wb, input.periods().get(0).kind(), input.year(), input);
    }

    /**
     * A workbook with the input sheet: its cells kept as {@link SheetCells} and written straight to the package when
     * {@code generated}, else in POI's model.
     */
    private static OutputWorkbook build(Period.Kind kind, Integer year, KorInput input, boolean generated) {
        if (generated) {
            OutputWorkbook wb = OutputWorkbook.create();
            addTo(wb, kind, year, input);
            return wb;
        }
        OutputWorkbook wb = OutputWorkbook.createInObjectModel();
        XSSFSheet sh = wb.poi().createSheet(SHEET);
        fill(wb, wb.settings(SHEET).orElseThrow(), Grid.of(sh, wb.styles()), kind, year, input);
        return wb;
    }

    private static void addTo(OutputWorkbook wb, Period.Kind kind, Integer year, KorInput input) {
        SheetCells cells = wb.createGeneratedSheet(SHEET);
        fill(wb, cells.settings(), Grid.of(cells, wb.styles()), kind, year, input);
    }

    private static void fill(
            OutputWorkbook wb, SheetSettings sh, Grid c, Period.Kind kind, Integer year, KorInput input) {
        int n = switch (kind) {
            case JAAR -> 1;
            case KWARTAAL -> 4;
            case MAAND -> 12;
        };
        c.text(0, 0, "KOR jaaropstelling: invoer van de btw-aangiften", Styles.Kind.TITLE);
        c.text(
                1,
                0,
                "Vul de gele cellen in met de bedragen uit de aangiften (omzet en btw per rubriek)."
                        + " Rubriek 1e, kolom btw: de btw die u zonder verlegging zou berekenen (fictieve btw)."
                        + " Rubriek 5b, kolom btw: de voorbelasting. Lege cellen tellen als 0.",
                Styles.Kind.NOTE);
        c.text(3, 0, "Jaar", Styles.Kind.LABEL);
        c.number(3, FIRST_GRID_COL, year == null ? null : BigDecimal.valueOf(year), Styles.Kind.INTEGER_INPUT);
        c.text(4, 0, "Rechtsvorm", Styles.Kind.LABEL);
        c.text(
                4,
                FIRST_GRID_COL,
                input == null ? Rechtsvorm.STANDAARD.word() : input.rechtsvorm().word(),
                Styles.Kind.TEXT_INPUT);
        c.text(4, FIRST_GRID_COL + 2, Rechtsvorm.words(), Styles.Kind.NOTE);
        c.text(5, 0, "Omzet vorig jaar voor de omzetgrens (vanaf 2025; leeg = onbekend)", Styles.Kind.LABEL);
        c.number(
                5,
                FIRST_GRID_COL,
                input == null ? null : input.omzetVorigJaar().map(Money::amount).orElse(null),
                Styles.Kind.MONEY_INPUT);

        int headerRow = FIRST_GRID_ROW - 2;
        c.text(headerRow, 0, "Rubriek", Styles.Kind.HEADER);
        c.text(headerRow, 1, "Omschrijving", Styles.Kind.HEADER);
        c.text(headerRow + 1, 0, "", Styles.Kind.HEADER);
        c.text(headerRow + 1, 1, "", Styles.Kind.HEADER);
        for (int i = 0; i < n; i++) {
            int col = FIRST_GRID_COL + 2 * i;
            c.text(headerRow, col, shortLabel(kind, i + 1), Styles.Kind.HEADER_RIGHT);
            c.text(headerRow, col + 1, "", Styles.Kind.HEADER_RIGHT);
            sh.merge(headerRow, headerRow, col, col + 1);
            c.text(headerRow + 1, col, "Omzet", Styles.Kind.HEADER_RIGHT);
            c.text(headerRow + 1, col + 1, "Btw", Styles.Kind.HEADER_RIGHT);
        }
        Rubriek[] rubrieken = Rubriek.values();
        for (int i = 0; i < rubrieken.length; i++) {
            Rubriek r = rubrieken[i];
            int row = FIRST_GRID_ROW + i;
            c.text(row, 0, r.code(), Styles.Kind.LABEL);
            c.text(row, 1, r.omschrijving(), Styles.Kind.LABEL);
            for (int p = 0; p < n; p++) {
                int col = FIRST_GRID_COL + 2 * p;
                KorInput.Bedragen b =
                        input == null ? null : input.get(input.periods().get(p), r);
                c.number(
                        row,
                        col,
                        b == null || b.omzet() == null ? null : b.omzet().amount(),
                        r.hasOmzet() ? Styles.Kind.MONEY_INPUT : Styles.Kind.DISABLED);
                c.number(
                        row,
                        col + 1,
                        b == null || b.btw() == null ? null : b.btw().amount(),
                        r.hasBtw() ? Styles.Kind.MONEY_INPUT : Styles.Kind.DISABLED);
            }
        }
        int lastRow = FIRST_GRID_ROW + rubrieken.length - 1;
        int lastCol = FIRST_GRID_COL + 2 * n - 1;
        wb.defineName(N_JAAR, SHEET, new CellRangeAddress(3, 3, FIRST_GRID_COL, FIRST_GRID_COL));
        wb.defineName(N_RECHTSVORM, SHEET, new CellRangeAddress(4, 4, FIRST_GRID_COL, FIRST_GRID_COL));
        wb.defineName(N_VORIG_JAAR, SHEET, new CellRangeAddress(5, 5, FIRST_GRID_COL, FIRST_GRID_COL));
        wb.defineName(N_PERIODEN, SHEET, new CellRangeAddress(headerRow, headerRow, FIRST_GRID_COL, lastCol));
        wb.defineName(N_RUBRIEKEN, SHEET, new CellRangeAddress(FIRST_GRID_ROW, lastRow, 0, 0));
        wb.defineName(N_INVOER, SHEET, new CellRangeAddress(FIRST_GRID_ROW, lastRow, FIRST_GRID_COL, lastCol));

        sh.choices(
                4,
                4,
                FIRST_GRID_COL,
                FIRST_GRID_COL,
                java.util.Arrays.stream(Rechtsvorm.values())
                        .map(Rechtsvorm::word)
                        .toList());

        sh.width(0, 9);
        sh.width(1, 62);
        for (int col = FIRST_GRID_COL; col <= lastCol; col++) {
            sh.width(col, 13);
        }
        sh.freeze(2, FIRST_GRID_ROW);
        sh.pageSetup();
    }

    /** Q1 … Q4, jan … dec or Jaar: the label a template shows over a period's columns. */
    public static String shortLabel(Period.Kind kind, int index) {
        return switch (kind) {
            case JAAR -> "Jaar";
            case KWARTAAL -> "Q" + index;
            case MAAND -> MONTHS[index - 1];
        };
    }

    /**
     * Reads a period label from the template: a short label (Q3, mrt, Jaar) in {@code
     * year}, or a full one ("2017-Q3"). Empty if it is neither.
     */
    public static Optional<Period> parseLabel(String label, int year) {
        String t = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        if (t.matches("q[1-4]")) {
            return Optional.of(Period.quarter(year, t.charAt(1) - '0'));
        }
        for (int i = 0; i < MONTHS.length; i++) {
            if (t.equals(MONTHS[i])) {
                return Optional.of(Period.month(year, i + 1));
            }
        }
        if (t.equals("jaar")) {
            return Optional.of(Period.year(year));
        }
        try {
            return Optional.of(Period.parse(t.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ---- finding the parts again -------------------------------------------------------------

    /** Where the parts of a KOR input sheet are, as found through its defined names. */
    public record Located(
            Target.Cell year,
            Optional<Target.Cell> rechtsvorm,
            Optional<Target.Cell> omzetVorigJaar,
            CellRangeAddress periods,
            CellRangeAddress rubrieken,
            CellRangeAddress grid,
            String sheet) {

        /** The label cells of the period row that hold text, in order. */
        public List<Target.Cell> periodLabelCells(OutputWorkbook wb) {
            List<Target.Cell> cells = new ArrayList<>();
            for (int col = periods.getFirstColumn(); col <= periods.getLastColumn(); col++) {
                String label = textAt(wb, periods.getFirstRow(), col);
                if (label != null && !label.isBlank()) {
                    cells.add(new Target.Cell(sheet, periods.getFirstRow(), col));
                }
            }
            return cells;
        }

        private String textAt(OutputWorkbook wb, int row, int col) {
            return SheetText.text(wb, sheet, row, col);
        }

        /**
         * The omzet column of each period, from the labels over the grid (Q1 or 2017-Q1); the
         * btw column is the one to its right. Adds a problem for a label that is no period, a
         * period of another year, a repeated period or periods of different lengths.
         */
        public Map<Period, Integer> periodColumns(OutputWorkbook wb, int year, List<Problem> problems, String bron) {
            Map<Period, Integer> cols = new LinkedHashMap<>();
            for (Target.Cell c : periodLabelCells(wb)) {
                String where = bron + " › " + c.a1("");
                String label = textAt(wb, c.row(), c.col()).trim();
                Optional<Period> p = parseLabel(label, year);
                if (p.isEmpty()) {
                    problems.add(Problem.error(
                            where,
                            "onbekende periode \"" + label + "\"; verwacht Q1 … Q4, jan … dec,"
                                    + " Jaar of een volledige periode als 2017-Q1"));
                } else if (p.get().year() != year) {
                    problems.add(
                            Problem.error(where, "periode " + p.get().label() + " hoort niet bij het jaar " + year));
                } else if (cols.containsKey(p.get())) {
                    problems.add(
                            Problem.error(where, "periode " + p.get().label() + " staat twee keer in de kopregel"));
                } else if (!cols.isEmpty()
                        && cols.keySet().iterator().next().kind() != p.get().kind()) {
                    problems.add(Problem.error(
                            where,
                            "perioden van verschillende lengte in één opstelling ("
                                    + cols.keySet().iterator().next().label() + " en "
                                    + p.get().label() + ")"));
                } else if (c.col() < grid.getFirstColumn() || c.col() + 1 > grid.getLastColumn()) {
                    problems.add(Problem.error(
                            where,
                            "de kolommen van periode " + p.get().label() + " vallen buiten het invoerbereik "
                                    + N_INVOER));
                } else {
                    cols.put(p.get(), c.col());
                }
            }
            if (cols.isEmpty() && problems.stream().noneMatch(Problem::isError)) {
                problems.add(Problem.error(bron, "geen perioden gevonden in de kopregel " + N_PERIODEN));
            }
            return cols;
        }

        /** The row of each rubriek code in the rubriek column. */
        public Map<Rubriek, Integer> rubriekRows(OutputWorkbook wb, List<Problem> problems, String bron) {
            Map<Rubriek, Integer> rows = new LinkedHashMap<>();
            for (int row = rubrieken.getFirstRow(); row <= rubrieken.getLastRow(); row++) {
                String code = SheetText.display(wb, sheet, row, rubrieken.getFirstColumn())
                        .trim();
                if (code.isEmpty()) {
                    continue;
                }
                String where = bron + " › " + new Target.Cell(sheet, row, rubrieken.getFirstColumn()).a1("");
                Optional<Rubriek> rub = Rubriek.ofCode(code);
                if (rub.isEmpty()) {
                    problems.add(Problem.error(
                            where, "onbekende rubriek \"" + code + "\"; verwacht een van: " + Rubriek.codes()));
                } else if (rows.containsKey(rub.get())) {
                    problems.add(Problem.error(where, "rubriek " + code + " staat twee keer in de lijst"));
                } else {
                    rows.put(rub.get(), row);
                }
            }
            return rows;
        }

        /** The input cells of every period and rubriek, keyed as the KOR calculation names them. */
        public Map<String, Target.Cell> inputCells(
                Map<Period, Integer> periodColumns, Map<Rubriek, Integer> rubriekRows) {
            Map<String, Target.Cell> cells = new LinkedHashMap<>();
            periodColumns.forEach((p, col) -> rubriekRows.forEach((r, row) -> {
                cells.put(KorKeys.input(p, r, false), new Target.Cell(sheet, row, col));
                cells.put(KorKeys.input(p, r, true), new Target.Cell(sheet, row, col + 1));
            }));
            return cells;
        }
    }

    /**
     * Finds the parts of a KOR input sheet through its defined names; adds a problem for each
     * missing or broken name.
     */
    public static Optional<Located> locate(OutputWorkbook wb, List<Problem> problems, String bron) {
        List<String> missing = new ArrayList<>();
        Map<String, AreaReference> areas = new LinkedHashMap<>();
        for (String n : INPUT_NAMES) {
            String refersTo = wb.refersTo(n).orElse(null);
            if (refersTo == null) {
                if (!n.equals(N_RECHTSVORM) && !n.equals(N_VORIG_JAAR)) {
                    missing.add(n);
                }
                continue;
            }
            try {
                AreaReference a = new AreaReference(refersTo, SpreadsheetVersion.EXCEL2007);
                String sheetName = a.getFirstCell().getSheetName();
                if (sheetName == null || wb.sheetIndex(sheetName) < 0) {
                    problems.add(Problem.error(
                            bron,
                            "de gedefinieerde naam " + n + " wijst niet naar een bestaand blad (" + refersTo + ")"));
                    continue;
                }
                areas.put(n, a);
            } catch (RuntimeException e) {
                problems.add(Problem.error(
                        bron, "de gedefinieerde naam " + n + " wijst niet naar cellen (" + refersTo + ")"));
            }
        }
        if (!missing.isEmpty()) {
            problems.add(Problem.error(
                    bron,
                    "dit is geen werkboek van het rekenblad KOR-sjabloon: de gedefinieerde "
                            + (missing.size() == 1 ? "naam " : "namen ") + String.join(", ", missing) + " ontbreken;"
                            + " maak een nieuw sjabloon met 'rekenblad template kor'"));
            return Optional.empty();
        }
        if (areas.size() < 4 || !areas.keySet().containsAll(List.of(N_JAAR, N_PERIODEN, N_RUBRIEKEN, N_INVOER))) {
            return Optional.empty();
        }
        String sheet = areas.get(N_INVOER).getFirstCell().getSheetName();
        for (String n : List.of(N_PERIODEN, N_RUBRIEKEN)) {
            if (!sheet.equals(areas.get(n).getFirstCell().getSheetName())) {
                problems.add(Problem.error(
                        bron,
                        "de namen " + N_INVOER + ", " + N_PERIODEN + " en " + N_RUBRIEKEN
                                + " moeten op hetzelfde blad staan"));
                return Optional.empty();
            }
        }
        CellRangeAddress grid = range(areas.get(N_INVOER));
        CellRangeAddress periods = range(areas.get(N_PERIODEN));
        CellRangeAddress rubrieken = range(areas.get(N_RUBRIEKEN));
        return Optional.of(new Located(
                cell(areas.get(N_JAAR)),
                Optional.ofNullable(areas.get(N_RECHTSVORM)).map(KorTemplate::cell),
                Optional.ofNullable(areas.get(N_VORIG_JAAR)).map(KorTemplate::cell),
                periods,
                rubrieken,
                grid,
                sheet));
    }

    private static CellRangeAddress range(AreaReference a) {
        CellReference f = a.getFirstCell();
        CellReference l = a.getLastCell();
        return new CellRangeAddress(f.getRow(), l.getRow(), f.getCol(), l.getCol());
    }

    private static Target.Cell cell(AreaReference a) {
        CellReference f = a.getFirstCell();
        return new Target.Cell(f.getSheetName(), f.getRow(), f.getCol());
    }
}
