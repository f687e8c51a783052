package nl.rekenblad.internal.workbook;

import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.Expr;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Refs;
import nl.rekenblad.core.RowStep;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Target;
import nl.rekenblad.rules.Parameter;
import nl.rekenblad.rules.UsedParameter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Calculation} into a workbook: places its {@link Layout}s on result sheets,
 * lists the parameters with their sources (each a defined name), writes every step as a live
 * formula with its cached value, and explains each step on a Toelichting sheet. Shared by every
 * capability; it knows no tax rule.
 *
 * <p>Use in order: {@link #place} every layout, {@link #parameters}, then {@link #write} every
 * layout and {@link #toelichting}, then {@link #finish}.
 */
public final class ResultSheets {
    /**
     * Where a table's column is: a sheet column, and per table row its sheet row ({@code -1} where the column has
     * no such row). A column whose rows follow each other on the sheet is also one range for SUM and SUMIFS.
     */
    public record ColumnPlace(String sheet, int col, int[] sheetRows, boolean contiguous) {
        /** A column whose table rows are {@code rows}, on the sheet rows {@code sheetRows} (by position). */
        public static ColumnPlace of(String sheet, int col, int[] rows, int[] sheetRows) {
            int size =
                    rows.length == 0 ? 0 : java.util.Arrays.stream(rows).max().getAsInt() + 1;
            int[] byRow = new int[size];
            java.util.Arrays.fill(byRow, -1);
            boolean contiguous = true;
            for (int k = 0; k < rows.length; k++) {
                byRow[rows[k]] = sheetRows[k];
                contiguous &= k == 0 || sheetRows[k] == sheetRows[k - 1] + 1;
            }
            return new ColumnPlace(sheet, col, byRow, contiguous);
        }

        /** The same rows in another column of the sheet (the sheet-row table is shared, not copied). */
        public ColumnPlace at(int column) {
            return new ColumnPlace(sheet, column, sheetRows, contiguous);
        }

        Target.Cell cell(String column, int row) {
            int r = row >= 0 && row < sheetRows.length ? sheetRows[row] : -1;
            if (r < 0) {
                throw new IllegalStateException("no cell for " + column + " on row " + row);
            }
            return new Target.Cell(sheet, r, col);
        }

        String range(String column, String fromSheet) {
            int first = -1;
            int last = -1;
            for (int r : sheetRows) {
                if (r >= 0) {
                    first = first < 0 ? r : Math.min(first, r);
                    last = Math.max(last, r);
                }
            }
            if (!contiguous || first < 0) {
                throw new IllegalStateException("column " + column + " is not one range");
            }
            return new Target.Cell(sheet, first, col).a1(fromSheet) + ":" + Target.columnLetters(col) + (last + 1);
        }
    }

    private final OutputWorkbook wb;
    private final Styles st;
    private final Map<String, Target> targets;
    private final Map<String, ColumnPlace> columns;

    /** @param targets where the inputs are; steps and parameters are added as they are placed */
    public ResultSheets(OutputWorkbook wb, Map<String, Target> targets) {
        this(wb, targets, new java.util.HashMap<>());
    }

    /**
     * @param targets where the inputs are; steps and parameters are added as they are placed
     * @param columns where the input columns of tables are; repeated steps are added as they are placed
     */
    public ResultSheets(OutputWorkbook wb, Map<String, Target> targets, Map<String, ColumnPlace> columns) {
        this.wb = wb;
        this.st = wb.styles();
        this.targets = targets;
        this.columns = columns;
    }

    public Styles styles() {
        return st;
    }

    /**
     * Removes the sheets and defined names of an earlier rekenblad run (recognised by {@code
     * marker} in the custom properties); refuses to touch a same-named sheet that is not ours.
     */
    public static void removeEarlierOutput(
            OutputWorkbook wb,
            String marker,
            List<String> sheets,
            List<String> namePrefixes,
            List<String> keepNames,
            String bron)
            throws InvalidInputException {
        boolean ours = wb.hasMarker(marker);
        for (String name : sheets) {
            if (wb.sheetIndex(name) < 0) {
                continue;
            }
            if (!ours) {
                throw InvalidInputException.of(
                        bron,
                        "het werkboek heeft al een blad \"" + name
                                + "\" dat niet door rekenblad is gemaakt; geef dat blad een andere naam");
            }
            wb.removeSheet(name);
        }
        if (ours) {
            for (String n : wb.nameNames()) {
                boolean output = namePrefixes.stream().anyMatch(n::startsWith);
                if (output && !keepNames.contains(n)) {
                    wb.removeName(n);
                }
            }
        }
    }

    /** The first row a layout's sections start on, below the title and subtitle. */
    static final int FIRST_SECTION_ROW = 3;

    /** Decides where every step of {@code layout} goes on {@code sheet}. */
    public void place(String sheet, Layout layout) {
        int row = FIRST_SECTION_ROW;
        for (Layout.Section s : layout.sections()) {
            row += 2;
            if (s.table() != null) {
                Layout.Table t = s.table();
                int[] sheetRows = new int[t.rows().length];
                for (int k = 0; k < sheetRows.length; k++) {
                    sheetRows[k] = row + k;
                }
                ColumnPlace first = ColumnPlace.of(sheet, 1, t.rows(), sheetRows);
                for (int j = 0; j < t.columns().size(); j++) {
                    columns.put(t.columns().get(j), first.at(j + 1));
                }
                row += sheetRows.length;
            }
            for (Layout.Row r : s.rows()) {
                for (int j = 0; j < r.keys().size(); j++) {
                    String key = r.keys().get(j);
                    if (key != null) {
                        targets.put(key, new Target.Cell(sheet, row, j + 1));
                    }
                }
                row++;
            }
            row++;
        }
    }

    /** Lists the parameters on a sheet of their own; each value cell becomes a defined name. */
    public SheetCells parameters(String sheetName, String title, String note, List<UsedParameter> params) {
        SheetCells c = wb.createGeneratedSheet(sheetName);
        SheetSettings sh = c.settings();
        text(c, 0, 0, title, Styles.Kind.TITLE);
        text(c, 1, 0, note, Styles.Kind.NOTE);
        int[] widths = {24, 48, 14, 9, 8, 11, 70, 10};
        for (int i = 0; i < widths.length; i++) {
            sh.width(i, widths[i]);
        }
        int row = 3;
        String[] headers = {"Naam", "Omschrijving", "Waarde", "Eenheid", "Jaar", "Geldt voor", "Bron", "Zekerheid"};
        for (int i = 0; i < headers.length; i++) {
            text(c, row, i, headers[i], Styles.Kind.HEADER);
        }
        row++;
        for (UsedParameter u : params) {
            Parameter p = u.parameter();
            text(c, row, 0, u.key(), Styles.Kind.LABEL);
            text(c, row, 1, p.label(), Styles.Kind.WRAP);
            if (p.value() instanceof BigDecimal d) {
                c.number(
                        row,
                        2,
                        d,
                        st.get(
                                p.unit().equals("EUR")
                                        ? Styles.Kind.MONEY
                                        : p.unit().equals("%") ? Styles.Kind.PERCENT : Styles.Kind.NUMBER));
            } else {
                text(c, row, 2, (String) p.value(), Styles.Kind.TEXT_INPUT);
                sh.choices(row, row, 2, 2, List.of("ja", "nee"));
            }
            text(c, row, 3, p.unit(), Styles.Kind.TEXT);
            c.number(row, 4, BigDecimal.valueOf(u.year()), null);
            text(c, row, 5, p.years(), Styles.Kind.TEXT);
            text(c, row, 6, p.source(), Styles.Kind.WRAP);
            text(c, row, 7, p.confidence(), Styles.Kind.TEXT);
            defineName(u.key(), new Target.Cell(sheetName, row, 2));
            targets.put(u.key(), new Target.Name(u.key()));
            c.fitRowHeight(row);
            row++;
        }
        sh.freeze(0, 4);
        sh.pageSetup();
        return c;
    }

    /** A text cell of one of rekenblad's kinds on a generated sheet. */
    public void text(SheetCells c, int row, int col, String text, Styles.Kind kind) {
        c.text(row, col, text, st.get(kind));
    }

    /** Writes a placed layout: labels, headers, and every step as a formula with its cached value. */
    public SheetCells write(
            String sheetName, String title, String subtitle, Layout layout, Calculation calc, int labelWidth) {
        SheetCells c = wb.createGeneratedSheet(sheetName);
        SheetSettings sh = c.settings();
        text(c, 0, 0, title, Styles.Kind.TITLE);
        text(c, 1, 0, subtitle, Styles.Kind.SUBTITLE);
        Refs refs = refs(sheetName);
        int row = FIRST_SECTION_ROW;
        int width = 1;
        for (Layout.Section s : layout.sections()) {
            text(c, row++, 0, s.title(), Styles.Kind.SECTION);
            text(c, row, 0, "", Styles.Kind.HEADER);
            for (int j = 0; j < s.headers().size(); j++) {
                text(c, row, j + 1, s.headers().get(j), Styles.Kind.HEADER_RIGHT);
            }
            if (s.headers().stream().anyMatch(h -> h.length() > 12)) {
                // Bold headers wrap in a 15-wide column from about 13 characters on.
                c.height(row, 2 * sh.defaultRowHeight() * 1.05f);
            }
            row++;
            if (s.table() != null) {
                table(c, row, s.table(), calc, refs);
                width = Math.max(width, s.table().columns().size());
                row += s.table().rows().length;
            }
            for (Layout.Row r : s.rows()) {
                text(c, row, 0, r.label(), r.total() ? Styles.Kind.LABEL_TOTAL : Styles.Kind.LABEL);
                width = Math.max(width, r.keys().size());
                for (int j = 0; j < r.keys().size(); j++) {
                    String key = r.keys().get(j);
                    if (key == null) {
                        if (r.total()) {
                            c.blank(row, j + 1, st.get(Styles.Kind.LABEL_TOTAL));
                        }
                        continue;
                    }
                    Step step = calc.step(key);
                    formulaCell(c, row, j + 1, step, calc.value(key), refs, r.total());
                    if (step.name() != null) {
                        defineName(step.name(), (Target.Cell) targets.get(key));
                    }
                }
                row++;
            }
            row++;
        }
        sh.width(0, labelWidth);
        for (int j = 1; j <= width; j++) {
            sh.width(j, 15);
        }
        sh.freeze(1, FIRST_SECTION_ROW);
        sh.pageSetup(width + 1);
        sh.printArea(width, row);
        return c;
    }

    /** A table's rows from {@code firstRow} on, made while the sheet is written: a label and a formula per column. */
    private void table(SheetCells c, int firstRow, Layout.Table t, Calculation calc, Refs refs) {
        RowStep[] steps = t.columns().stream().map(calc::column).toArray(RowStep[]::new);
        Style label = st.get(Styles.Kind.LABEL);
        // Styles are made now: in POI's model the style table is written before the block's rows are.
        Style[] styles = new Style[steps.length];
        for (int j = 0; j < steps.length && t.rows().length > 0; j++) {
            styles[j] = st.get(kind(steps[j].at(t.rows()[0]).format(), false));
        }
        List<List<Object>> values = t.columns().stream().map(calc::values).toList();
        c.block(firstRow, t.rows().length, 0, steps.length, (k, out) -> {
            int row = t.rows()[k];
            out.text(0, t.label().apply(row), label);
            for (int j = 0; j < steps.length; j++) {
                Step step = steps[j].at(row);
                out.formula(j + 1, step.expr(), refs, cached(step, values.get(j).get(row)), styles[j]);
            }
        });
    }

    /**
     * A table's column beside other cells (next to a register): sheet row {@code firstRow + k} shows table row
     * {@code rows[k]} of {@code column}, as a reference to its cell, made while the sheet is written.
     */
    public void echoColumn(
            SheetCells c, int firstRow, int col, int[] rows, String column, Calculation calc, Refs refs) {
        RowStep rs = calc.column(column);
        Style style = rows.length == 0 ? null : st.get(kind(rs.at(rows[0]).format(), false));
        c.block(firstRow, rows.length, col, col, (k, out) -> {
            int row = rows[k];
            out.formula(col, Expr.cell(column, row), refs, cached(rs.at(row), calc.value(column, row)), style);
        });
    }

    /** One line per explained step: what, rule, source, formula, and the amount (a reference to the step's cell). */
    public SheetCells toelichting(String sheetName, String title, Calculation calc, List<Problem> warnings) {
        SheetCells c = wb.createGeneratedSheet(sheetName);
        SheetSettings sh = c.settings();
        text(c, 0, 0, title, Styles.Kind.TITLE);
        text(
                c,
                1,
                0,
                "Elke stap: wat het is, de regel, de bron, de formule en de uitkomst (een verwijzing naar dezelfde"
                        + " cel). Bedragen in euro's; afronding alleen waar de regel dat zegt.",
                Styles.Kind.NOTE);
        int[] widths = {5, 38, 70, 42, 48, 15};
        for (int i = 0; i < widths.length; i++) {
            sh.width(i, widths[i]);
        }
        int row = 3;
        String[] headers = {"Nr", "Stap", "Regel", "Bron", "Formule", "Uitkomst"};
        for (int i = 0; i < headers.length; i++) {
            text(c, row, i, headers[i], i == 5 ? Styles.Kind.HEADER_RIGHT : Styles.Kind.HEADER);
        }
        row++;
        Refs here = refs(sheetName);
        int nr = 1;
        for (Calculation.Part part : calc.parts()) {
            if (part instanceof Step step) {
                if (!step.explain()) {
                    continue;
                }
                Target.Cell at = (Target.Cell) targets.get(step.key());
                Step echo =
                        new Step(step.key(), step.label(), "", "", Expr.ref(step.key()), step.format(), null, false);
                explain(c, row++, nr++, step, at, echo, calc.value(step.key()), here);
                continue;
            }
            RowStep rs = (RowStep) part;
            for (int r : rs.explained() ? rs.rows() : new int[0]) {
                Step step = rs.at(r);
                if (step.explain()) {
                    Target.Cell at = here.row(rs.column(), r);
                    Step echo = new Step(
                            rs.column(), step.label(), "", "", Expr.cell(rs.column(), r), step.format(), null, false);
                    explain(c, row++, nr++, step, at, echo, calc.value(rs.column(), r), here);
                }
            }
        }
        if (!warnings.isEmpty()) {
            row++;
            text(c, row++, 0, "Opmerkingen bij de invoer", Styles.Kind.SECTION);
            for (Problem p : warnings) {
                text(c, row++, 1, p.toString(), Styles.Kind.LABEL);
            }
        }
        sh.freeze(0, 4);
        sh.pageSetup();
        return c;
    }

    private void explain(SheetCells c, int row, int nr, Step step, Target.Cell at, Step echo, Object value, Refs here) {
        c.number(row, 0, BigDecimal.valueOf(nr), st.get(Styles.Kind.LABEL));
        text(c, row, 1, step.label(), Styles.Kind.WRAP);
        text(c, row, 2, step.rule(), Styles.Kind.WRAP);
        text(c, row, 3, step.source(), Styles.Kind.WRAP);
        text(c, row, 4, "=" + step.expr().formula(refs(at.sheet())), Styles.Kind.WRAP);
        formulaCell(c, row, 5, echo, value, here, false);
        c.fitRowHeight(row);
    }

    /** Opens the workbook on {@code activeSheet}, asks Excel to recalculate on load, and marks our sheets. */
    public void finish(String activeSheet, String marker, List<String> sheets) {
        wb.openOn(activeSheet);
        wb.recalculateOnLoad();
        wb.mark(marker, String.join(";", sheets));
    }

    /** Checks that every step has a place; a step without one is a programming error. */
    public void checkPlaced(Calculation calc) {
        for (Calculation.Part part : calc.parts()) {
            if (part instanceof Step step && !(targets.get(step.key()) instanceof Target.Cell)) {
                throw new IllegalStateException("step " + step.key() + " has no place on a sheet");
            }
            if (part instanceof RowStep rs && !columns.containsKey(rs.column())) {
                throw new IllegalStateException("column " + rs.column() + " has no place on a sheet");
            }
        }
    }

    /** A formula cell with its cached value, so viewers that do not recalculate show the right figure. */
    public void formulaCell(SheetCells c, int row, int col, Step step, Object value, Refs refs, boolean total) {
        c.formula(row, col, step.expr().formula(refs), cached(step, value), st.get(kind(step.format(), total)));
    }

    /** The value a formula cell caches: a number, a boolean or a text, by the step's format. */
    private static Object cached(Step step, Object value) {
        return switch (step.format()) {
            case BEDRAG, GETAL, PROCENT, JAAR -> (BigDecimal) value;
            case JANEE -> (Boolean) value;
            case TEKST -> String.valueOf(value);
        };
    }

    private static Styles.Kind kind(Step.Format format, boolean total) {
        return switch (format) {
            case GETAL -> Styles.Kind.NUMBER;
            case PROCENT -> Styles.Kind.PERCENT;
            case JAAR -> Styles.Kind.YEAR;
            case BEDRAG -> total ? Styles.Kind.MONEY_TOTAL : Styles.Kind.MONEY;
            case JANEE, TEKST -> Styles.Kind.BOOL;
        };
    }

    /** The same on a sheet of POI's model (beside the bookkeeper's register). */
    public void formulaCell(XSSFCell cell, Step step, Object value, Refs refs, boolean total) {
        cell.setCellFormula(step.expr().formula(refs));
        Object cached = cached(step, value);
        if (cached instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
        } else if (cached instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            cell.setCellValue((String) cached);
        }
        cell.setCellStyle(st.poi(kind(step.format(), total)));
    }

    public Refs refs(String sheet) {
        return new Refs() {
            @Override
            public Target target(String key) {
                Target t = targets.get(key);
                if (t == null) {
                    throw new IllegalStateException("no cell for " + key);
                }
                return t;
            }

            @Override
            public String currentSheet() {
                return sheet;
            }

            @Override
            public Target.Cell row(String column, int row) {
                ColumnPlace p = columns.get(column);
                if (p == null) {
                    throw new IllegalStateException("no cells for column " + column);
                }
                return p.cell(column, row);
            }

            @Override
            public String range(String column) {
                ColumnPlace p = columns.get(column);
                if (p == null) {
                    throw new IllegalStateException("no cells for column " + column);
                }
                return p.range(column, sheet);
            }
        };
    }

    void defineName(String name, Target.Cell cell) {
        wb.defineName(name, new CellReference(cell.sheet(), cell.row(), cell.col(), true, true).formatAsString());
    }
}
