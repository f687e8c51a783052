package nl.rekenblad.internal.workbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.Expr;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Refs;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Target;
import nl.rekenblad.rules.Parameter;
import nl.rekenblad.rules.UsedParameter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

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
    private final OutputWorkbook wb;
    private final Styles st;
    private final Map<String, Target> targets;

    /** @param targets where the inputs are; steps and parameters are added as they are placed */
    public ResultSheets(OutputWorkbook wb, Map<String, Target> targets) {
        this.wb = wb;
        this.st = new Styles(wb.poi());
        this.targets = targets;
    }

    public Styles styles() {
        return st;
    }

    /**
     * Removes the sheets and defined names of an earlier rekenblad run (recognised by {@code
     * marker} in the custom properties); refuses to touch a same-named sheet that is not ours.
     */
    public static void removeEarlierOutput(XSSFWorkbook wb, String marker, List<String> sheets, List<String> namePrefixes,
            List<String> keepNames, String bron) throws InvalidInputException {
        boolean ours = wb.getProperties().getCustomProperties().contains(marker);
        for (String name : sheets) {
            int i = wb.getSheetIndex(name);
            if (i < 0) {
                continue;
            }
            if (!ours) {
                throw InvalidInputException.of(bron, "het werkboek heeft al een blad \"" + name
                        + "\" dat niet door rekenblad is gemaakt; geef dat blad een andere naam");
            }
            wb.removeSheetAt(i);
        }
        List<Name> outputNames = new ArrayList<>();
        for (Name n : wb.getAllNames()) {
            boolean output = namePrefixes.stream().anyMatch(p -> n.getNameName().startsWith(p));
            if (ours && output && !keepNames.contains(n.getNameName())) {
                outputNames.add(n);
            }
        }
        outputNames.forEach(wb::removeName);
    }

    /** The first row a layout's sections start on, below the title and subtitle. */
    static final int FIRST_SECTION_ROW = 3;

    /** Decides where every step of {@code layout} goes on {@code sheet}. */
    public void place(String sheet, Layout layout) {
        int row = FIRST_SECTION_ROW;
        for (Layout.Section s : layout.sections()) {
            row += 2;
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
        XSSFSheet sh = c.sheet();
        text(c, 0, 0, title, Styles.Kind.TITLE);
        text(c, 1, 0, note, Styles.Kind.NOTE);
        int[] widths = {24, 48, 14, 9, 8, 11, 70, 10};
        for (int i = 0; i < widths.length; i++) {
            sh.setColumnWidth(i, widths[i] * 256);
        }
        int row = 3;
        String[] headers = {"Naam", "Omschrijving", "Waarde", "Eenheid", "Jaar", "Geldt voor", "Bron", "Zekerheid"};
        for (int i = 0; i < headers.length; i++) {
            text(c, row, i, headers[i], Styles.Kind.HEADER);
        }
        row++;
        DataValidationHelper dvh = sh.getDataValidationHelper();
        for (UsedParameter u : params) {
            Parameter p = u.parameter();
            text(c, row, 0, u.key(), Styles.Kind.LABEL);
            text(c, row, 1, p.label(), Styles.Kind.WRAP);
            if (p.value() instanceof BigDecimal d) {
                c.number(row, 2, d, st.get(p.unit().equals("EUR") ? Styles.Kind.MONEY
                        : p.unit().equals("%") ? Styles.Kind.PERCENT : Styles.Kind.NUMBER));
            } else {
                text(c, row, 2, (String) p.value(), Styles.Kind.TEXT_INPUT);
                DataValidation dv = dvh.createValidation(dvh.createExplicitListConstraint(new String[] {"ja", "nee"}),
                        new CellRangeAddressList(row, row, 2, 2));
                dv.setShowErrorBox(true);
                sh.addValidationData(dv);
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
        sh.createFreezePane(0, 4);
        SheetSetup.pageSetup(sh);
        return c;
    }

    /** A text cell of one of rekenblad's kinds on a generated sheet. */
    public void text(SheetCells c, int row, int col, String text, Styles.Kind kind) {
        c.text(row, col, text, st.get(kind));
    }

    /** Writes a placed layout: labels, headers, and every step as a formula with its cached value. */
    public XSSFSheet write(String sheetName, String title, String subtitle, Layout layout, Calculation calc, int labelWidth) {
        SheetCells c = wb.createGeneratedSheet(sheetName);
        XSSFSheet sh = c.sheet();
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
                c.height(row, 2 * sh.getDefaultRowHeightInPoints() * 1.05f);
            }
            row++;
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
        sh.setColumnWidth(0, labelWidth * 256);
        for (int j = 1; j <= width; j++) {
            sh.setColumnWidth(j, 15 * 256);
        }
        sh.createFreezePane(1, FIRST_SECTION_ROW);
        SheetSetup.pageSetup(sh);
        wb.poi().setPrintArea(wb.poi().getSheetIndex(sh), 0, width, 0, row);
        return sh;
    }

    /** One line per explained step: what, rule, source, formula, and the amount (a reference to the step's cell). */
    public XSSFSheet toelichting(String sheetName, String title, Calculation calc, List<Problem> warnings) {
        SheetCells c = wb.createGeneratedSheet(sheetName);
        XSSFSheet sh = c.sheet();
        text(c, 0, 0, title, Styles.Kind.TITLE);
        text(c, 1, 0, "Elke stap: wat het is, de regel, de bron, de formule en de uitkomst (een verwijzing naar dezelfde"
                + " cel). Bedragen in euro's; afronding alleen waar de regel dat zegt.", Styles.Kind.NOTE);
        int[] widths = {5, 38, 70, 42, 48, 15};
        for (int i = 0; i < widths.length; i++) {
            sh.setColumnWidth(i, widths[i] * 256);
        }
        int row = 3;
        String[] headers = {"Nr", "Stap", "Regel", "Bron", "Formule", "Uitkomst"};
        for (int i = 0; i < headers.length; i++) {
            text(c, row, i, headers[i], i == 5 ? Styles.Kind.HEADER_RIGHT : Styles.Kind.HEADER);
        }
        row++;
        Refs here = refs(sheetName);
        int nr = 1;
        for (Step step : calc.steps()) {
            if (!step.explain()) {
                continue;
            }
            Target.Cell at = (Target.Cell) targets.get(step.key());
            c.number(row, 0, BigDecimal.valueOf(nr++), st.get(Styles.Kind.LABEL));
            text(c, row, 1, step.label(), Styles.Kind.WRAP);
            text(c, row, 2, step.rule(), Styles.Kind.WRAP);
            text(c, row, 3, step.source(), Styles.Kind.WRAP);
            text(c, row, 4, "=" + step.expr().formula(refs(at.sheet())), Styles.Kind.WRAP);
            Step echo = new Step(step.key(), step.label(), "", "", Expr.ref(step.key()), step.format(), null, false);
            formulaCell(c, row, 5, echo, calc.value(step.key()), here, false);
            c.fitRowHeight(row);
            row++;
        }
        if (!warnings.isEmpty()) {
            row++;
            text(c, row++, 0, "Opmerkingen bij de invoer", Styles.Kind.SECTION);
            for (Problem p : warnings) {
                text(c, row++, 1, p.toString(), Styles.Kind.LABEL);
            }
        }
        sh.createFreezePane(0, 4);
        SheetSetup.pageSetup(sh);
        return sh;
    }

    /** Opens the workbook on {@code activeSheet}, asks Excel to recalculate on load, and marks our sheets. */
    public void finish(String activeSheet, String marker, List<String> sheets) {
        int idx = wb.poi().getSheetIndex(activeSheet);
        for (int i = 0; i < wb.poi().getNumberOfSheets(); i++) {
            wb.poi().getSheetAt(i).setSelected(i == idx);
        }
        wb.poi().setActiveSheet(idx);
        wb.poi().setForceFormulaRecalculation(true);
        var custom = wb.poi().getProperties().getCustomProperties();
        if (!custom.contains(marker)) {
            custom.addProperty(marker, String.join(";", sheets));
        }
    }

    /** Checks that every step has a place; a step without one is a programming error. */
    public void checkPlaced(Calculation calc) {
        for (Step step : calc.steps()) {
            if (!(targets.get(step.key()) instanceof Target.Cell)) {
                throw new IllegalStateException("step " + step.key() + " has no place on a sheet");
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
        cell.setCellStyle(st.get(kind(step.format(), total)));
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
        };
    }

    void defineName(String name, Target.Cell cell) {
        Name existing = wb.poi().getName(name);
        if (existing != null) {
            wb.poi().removeName(existing);
        }
        Name n = wb.poi().createName();
        n.setNameName(name);
        n.setRefersToFormula(new CellReference(cell.sheet(), cell.row(), cell.col(), true, true).formatAsString());
    }
}
