package nl.rekenblad.kia;

import nl.rekenblad.core.Problem;
import nl.rekenblad.internal.workbook.Grid;
import nl.rekenblad.internal.workbook.NamedTable;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.internal.workbook.ResultSheets;
import nl.rekenblad.internal.workbook.SheetCells;
import nl.rekenblad.internal.workbook.SheetSettings;
import nl.rekenblad.internal.workbook.Styles;
import org.apache.poi.ss.util.CellRangeAddress;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The investment register sheet ("Register"): one row per asset under a header row, the whole
 * table under the defined name {@code KIA_Register}. Columns are found by their header text, so
 * a bookkeeper may reorder, restyle or move them.
 */
final class KiaTemplate {
    public static final String SHEET = "Register";
    public static final String N_REGISTER = "KIA_Register";
    public static final List<String> REQUIRED = List.of("id", "omschrijving", "datum", "bedrag", "soort");
    static final int HEADER_ROW = 3;
    static final int EMPTY_ROWS = 100;

    private KiaTemplate() {}

    public static OutputWorkbook create() {
        return build(null, true);
    }

    /** The register filled with {@code input}, its cells in POI's model (to be read or changed before it is saved). */
    public static OutputWorkbook filled(KiaInput input) {
        return build(input, false);
    }

    /** The same sheet as {@link #filled}, its cells kept as {@link SheetCells}: how the output of a CSV run starts. */
    public static OutputWorkbook forOutput(KiaInput input) {
        return build(input, true);
    }

    private static OutputWorkbook build(KiaInput input, boolean generated) {
        OutputWorkbook wb = generated ? OutputWorkbook.create() : OutputWorkbook.createInObjectModel();
        Styles st = wb.styles();
        Grid c;
        if (generated) {
            c = Grid.of(wb.createGeneratedSheet(SHEET), st);
        } else {
            c = Grid.of(wb.poi().createSheet(SHEET), st);
        }
        SheetSettings sh = wb.settings(SHEET).orElseThrow();
        c.text(0, 0, "Investeringsregister", Styles.Kind.TITLE);
        c.text(
                1,
                0,
                "Eén regel per bedrijfsmiddel. datum = datum van de investeringsverplichting; bedrag excl. aftrekbare"
                        + " btw; soort: " + Soort.words() + "; regeling: " + Regeling.words() + " (leeg = geen).",
                Styles.Kind.NOTE);
        String[] fields = KiaKeys.FIELDS;
        int[] widths = {8, 34, 12, 14, 15, 13, 13, 13, 11, 13, 14, 10};
        Styles.Kind[] kinds = {
            Styles.Kind.TEXT_INPUT,
            Styles.Kind.TEXT_INPUT,
            Styles.Kind.DATE_INPUT,
            Styles.Kind.MONEY_INPUT,
            Styles.Kind.TEXT_INPUT,
            Styles.Kind.DATE_INPUT,
            Styles.Kind.MONEY_INPUT,
            Styles.Kind.MONEY_INPUT,
            Styles.Kind.NUMBER_INPUT,
            Styles.Kind.DATE_INPUT,
            Styles.Kind.MONEY_INPUT,
            Styles.Kind.TEXT_INPUT
        };
        for (int i = 0; i < fields.length; i++) {
            c.text(HEADER_ROW, i, fields[i], Styles.Kind.HEADER);
            sh.width(i, widths[i]);
        }
        int n = input == null ? 0 : input.activa().size();
        int rows = n + (input == null ? EMPTY_ROWS : 20);
        if (generated) {
            // Written row by row when the workbook is saved: a register of 60.000 assets is never all in memory twice.
            // Its styles are made now: the style table is written before the sheets.
            java.util.Arrays.stream(kinds).forEach(st::get);
            wb.generated(SHEET)
                    .orElseThrow()
                    .block(
                            HEADER_ROW + 1,
                            rows,
                            0,
                            fields.length - 1,
                            (r, out) -> registerRow(
                                    Grid.of(out, st),
                                    HEADER_ROW + 1 + r,
                                    r < n ? input.activa().get(r) : null,
                                    kinds));
        } else {
            for (int r = 0; r < rows; r++) {
                registerRow(c, HEADER_ROW + 1 + r, r < n ? input.activa().get(r) : null, kinds);
            }
        }
        int last = HEADER_ROW + rows;
        wb.defineName(N_REGISTER, SHEET, new CellRangeAddress(HEADER_ROW, last, 0, fields.length - 1));
        sh.choices(
                HEADER_ROW + 1,
                last,
                4,
                4,
                java.util.Arrays.stream(Soort.values()).map(Soort::word).toList());
        sh.choices(
                HEADER_ROW + 1,
                last,
                11,
                11,
                java.util.Arrays.stream(Regeling.values()).map(Regeling::word).toList());
        sh.freeze(2, HEADER_ROW + 1);
        sh.pageSetup();
        return wb;
    }

    /** One register row: the cells of {@code a}, or empty input cells when there is no asset. */
    private static void registerRow(Grid g, int row, Activum a, Styles.Kind[] kinds) {
        for (KiaKeys.Veld v : KiaKeys.Veld.values()) {
            int col = v.ordinal();
            Object value = a == null ? null : a.cell(v);
            if (value instanceof String t) {
                g.text(row, col, t, kinds[col]);
            } else {
                g.number(row, col, (BigDecimal) value, kinds[col]);
            }
        }
    }

    /** Where the register is: its sheet, header row, last row and the column of each header. */
    public record Located(String sheet, int headerRow, int lastRow, Map<String, Integer> columns) {
        /** The rows that hold an asset (any cell filled), in order. */
        public List<Integer> assetRows(OutputWorkbook wb) {
            return new NamedTable(sheet, headerRow, lastRow, columns).filledRows(wb);
        }

        /** The input columns of the assets, keyed as the KIA calculation names them: asset {@code i} on {@code assetRows[i]}. */
        public Map<String, ResultSheets.ColumnPlace> inputColumns(List<Integer> assetRows) {
            int[] sheetRows = assetRows.stream().mapToInt(Integer::intValue).toArray();
            ResultSheets.ColumnPlace first =
                    ResultSheets.ColumnPlace.of(sheet, 0, nl.rekenblad.core.RowStep.all(sheetRows.length), sheetRows);
            Map<String, ResultSheets.ColumnPlace> cells = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : columns.entrySet()) {
                cells.put(KiaKeys.input(e.getKey()), first.at(e.getValue()));
            }
            return cells;
        }
    }

    /** Finds the register through {@code KIA_Register}; adds a problem when it is missing or incomplete. */
    public static Optional<Located> locate(OutputWorkbook wb, List<Problem> problems, String bron) {
        List<String> fields = java.util.Arrays.asList(KiaKeys.FIELDS);
        return NamedTable.locate(
                        wb,
                        new NamedTable.Beschrijving(
                                N_REGISTER,
                                "dit is geen werkboek van het rekenblad"
                                        + " KIA-sjabloon: de gedefinieerde naam " + N_REGISTER
                                        + " ontbreekt; maak een nieuw sjabloon met 'rekenblad"
                                        + " template kia'",
                                "het register"),
                        fields,
                        fields,
                        problems,
                        bron)
                .map(t -> new Located(t.sheet(), t.headerRow(), t.lastRow(), t.columns()));
    }
}
