package nl.rekenblad.sheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Refs;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Target;
import nl.rekenblad.kor.KorKeys;
import nl.rekenblad.kor.KorResult;
import nl.rekenblad.kor.Regime;
import nl.rekenblad.kor.Rubriek;
import nl.rekenblad.rules.Parameter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Adds the KOR result sheets to a workbook that holds the input sheet: "Jaaropstelling" (every
 * figure a live formula with its cached value), "Parameters" (the year's figures with their
 * sources, as defined names) and "Toelichting" (one Dutch line per step). The bookkeeper's own
 * sheets are left as they are.
 */
public final class KorWorkbookWriter {
    public static final String JAAROPSTELLING = "Jaaropstelling";
    public static final String PARAMETERS = "Parameters";
    public static final String TOELICHTING = "Toelichting";
    static final String MARKER = "rekenblad-kor";

    /**
     * Writes the result sheets into {@code wb}, replacing those of an earlier rekenblad run.
     *
     * @throws InvalidInputException when the workbook already has a sheet of the same name that
     *                               rekenblad did not make
     */
    public void write(XSSFWorkbook wb, KorResult result) throws InvalidInputException {
        String bron = result.input().bron();
        removeEarlierOutput(wb, bron);
        List<Problem> problems = new ArrayList<>();
        KorTemplate.Located loc = KorTemplate.locate(wb, problems, bron).orElseThrow(() -> new InvalidInputException(problems));
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
        Styles st = new Styles(wb);
        XSSFSheet jaar = wb.createSheet(JAAROPSTELLING);
        XSSFSheet params = wb.createSheet(PARAMETERS);
        XSSFSheet toel = wb.createSheet(TOELICHTING);

        writeParameters(wb, params, st, result, targets, loc.omzetVorigJaar());
        writeJaaropstelling(wb, jaar, st, result, targets);
        writeToelichting(toel, st, result, targets);

        int idx = wb.getSheetIndex(jaar);
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            wb.getSheetAt(i).setSelected(i == idx);
        }
        wb.setActiveSheet(idx);
        wb.setForceFormulaRecalculation(true);
        var custom = wb.getProperties().getCustomProperties();
        if (!custom.contains(MARKER)) {
            custom.addProperty(MARKER, JAAROPSTELLING + ";" + PARAMETERS + ";" + TOELICHTING);
        }
    }

    private static void removeEarlierOutput(XSSFWorkbook wb, String bron) throws InvalidInputException {
        boolean ours = wb.getProperties().getCustomProperties().contains(MARKER);
        for (String name : List.of(JAAROPSTELLING, PARAMETERS, TOELICHTING)) {
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
            if (n.getNameName().startsWith("KOR_") && !KorTemplate.INPUT_NAMES.contains(n.getNameName())) {
                outputNames.add(n);
            }
        }
        outputNames.forEach(wb::removeName);
    }

    private void writeParameters(XSSFWorkbook wb, XSSFSheet sh, Styles st, KorResult result,
            Map<String, Target> targets, Optional<Target.Cell> vorigJaar) {
        KorTemplate.Cells c = new KorTemplate.Cells(sh, st);
        c.text(0, 0, "Parameters kleineondernemersregeling " + result.year(), Styles.Kind.TITLE);
        c.text(1, 0, "De bedragen en keuzes waarmee het blad " + JAAROPSTELLING + " rekent, met hun bron."
                + " De gele keuzes (ja/nee) mag u aanpassen; de formules volgen.", Styles.Kind.NOTE);
        c.text(3, 0, "Jaar", Styles.Kind.LABEL);
        c.cell(3, 2).setCellValue(result.year());
        c.text(4, 0, "Regeling", Styles.Kind.LABEL);
        c.text(4, 2, result.regime() == Regime.OUD ? "oude KOR (vermindering, tot 2020)" : "KOR-vrijstelling (vanaf 2020)",
                Styles.Kind.TEXT);
        int[] widths = {24, 48, 14, 9, 11, 70, 10};
        for (int i = 0; i < widths.length; i++) {
            sh.setColumnWidth(i, widths[i] * 256);
        }
        int row = 6;
        String[] headers = {"Naam", "Omschrijving", "Waarde", "Eenheid", "Jaren", "Bron", "Zekerheid"};
        for (int i = 0; i < headers.length; i++) {
            c.text(row, i, headers[i], Styles.Kind.HEADER);
        }
        row++;
        DataValidationHelper dvh = sh.getDataValidationHelper();
        for (Parameter p : result.parameters()) {
            c.text(row, 0, p.name(), Styles.Kind.LABEL);
            c.text(row, 1, p.label(), Styles.Kind.WRAP);
            XSSFCell v = c.cell(row, 2);
            if (p.value() instanceof BigDecimal d) {
                v.setCellValue(d.doubleValue());
                v.setCellStyle(st.get(p.unit().equals("EUR") ? Styles.Kind.MONEY : Styles.Kind.NUMBER));
            } else {
                v.setCellValue((String) p.value());
                v.setCellStyle(st.get(Styles.Kind.TEXT_INPUT));
                DataValidation dv = dvh.createValidation(dvh.createExplicitListConstraint(new String[] {"ja", "nee"}),
                        new CellRangeAddressList(row, row, 2, 2));
                dv.setShowErrorBox(true);
                sh.addValidationData(dv);
            }
            c.text(row, 3, p.unit(), Styles.Kind.TEXT);
            c.text(row, 4, p.years(), Styles.Kind.TEXT);
            c.text(row, 5, p.source(), Styles.Kind.WRAP);
            c.text(row, 6, p.confidence(), Styles.Kind.TEXT);
            defineName(wb, p.name(), new Target.Cell(PARAMETERS, row, 2));
            targets.put(p.name(), new Target.Name(p.name()));
            KorTemplate.fitRowHeight(sh, row);
            row++;
        }
        if (vorigJaar.isPresent()) {
            targets.put(KorKeys.IN_OMZET_VORIG_JAAR, vorigJaar.get());
        } else {
            // A workbook without the optional input: keep an empty input here so the formulas work.
            row++;
            c.text(row, 0, "Omzet vorig jaar", Styles.Kind.LABEL);
            c.text(row, 1, "Omzet van het vorige jaar voor de omzetgrens (leeg = onbekend)", Styles.Kind.WRAP);
            c.cell(row, 2).setCellStyle(st.get(Styles.Kind.MONEY_INPUT));
            targets.put(KorKeys.IN_OMZET_VORIG_JAAR, new Target.Cell(PARAMETERS, row, 2));
        }
        sh.createFreezePane(0, 7);
        KorTemplate.pageSetup(sh);
    }

    private void writeJaaropstelling(XSSFWorkbook wb, XSSFSheet sh, Styles st, KorResult result, Map<String, Target> targets) {
        KorTemplate.Cells c = new KorTemplate.Cells(sh, st);
        c.text(0, 0, "KOR jaaropstelling " + result.year(), Styles.Kind.TITLE);
        c.text(1, 0, (result.regime() == Regime.OUD ? "Oude kleineondernemersregeling (vermindering)"
                : "Kleineondernemersregeling: vrijstelling met omzetgrens") + " · invoer: " + result.input().bron()
                + " · rechtsvorm: " + result.input().rechtsvorm().word()
                + " · alle bedragen zijn formules; zie het blad " + TOELICHTING, Styles.Kind.SUBTITLE);
        // First pass: the place of every step.
        int row = 3;
        int width = 1;
        List<int[]> placed = new ArrayList<>();
        for (Layout.Section s : result.layout().sections()) {
            row += 2;
            for (Layout.Row r : s.rows()) {
                for (int j = 0; j < r.keys().size(); j++) {
                    String key = r.keys().get(j);
                    if (key != null) {
                        targets.put(key, new Target.Cell(JAAROPSTELLING, row, j + 1));
                    }
                }
                width = Math.max(width, r.keys().size());
                row++;
            }
            row++;
        }
        for (Step step : result.calculation().steps()) {
            if (!(targets.get(step.key()) instanceof Target.Cell)) {
                throw new IllegalStateException("step " + step.key() + " has no place on the sheet");
            }
        }
        Refs refs = refs(targets, JAAROPSTELLING);
        // Second pass: labels, headers, formulas with cached values.
        row = 3;
        for (Layout.Section s : result.layout().sections()) {
            c.text(row++, 0, s.title(), Styles.Kind.SECTION);
            c.text(row, 0, "", Styles.Kind.HEADER);
            for (int j = 0; j < s.headers().size(); j++) {
                c.text(row, j + 1, s.headers().get(j), Styles.Kind.HEADER_RIGHT);
            }
            row++;
            for (Layout.Row r : s.rows()) {
                c.text(row, 0, r.label(), r.total() ? Styles.Kind.LABEL_TOTAL : Styles.Kind.LABEL);
                for (int j = 0; j < r.keys().size(); j++) {
                    String key = r.keys().get(j);
                    if (key == null) {
                        if (r.total()) {
                            c.cell(row, j + 1).setCellStyle(st.get(Styles.Kind.LABEL_TOTAL));
                        }
                        continue;
                    }
                    Step step = result.calculation().step(key);
                    formulaCell(c.cell(row, j + 1), step, result.calculation().value(key), refs, st, r.total());
                    if (step.name() != null) {
                        defineName(wb, step.name(), (Target.Cell) targets.get(key));
                    }
                }
                row++;
            }
            row++;
        }
        sh.setColumnWidth(0, 70 * 256);
        for (int j = 1; j <= width; j++) {
            sh.setColumnWidth(j, 15 * 256);
        }
        sh.createFreezePane(1, 3);
        KorTemplate.pageSetup(sh);
        wb.setPrintArea(wb.getSheetIndex(sh), 0, width, 0, row);
    }

    private void writeToelichting(XSSFSheet sh, Styles st, KorResult result, Map<String, Target> targets) {
        KorTemplate.Cells c = new KorTemplate.Cells(sh, st);
        c.text(0, 0, "Toelichting KOR jaaropstelling " + result.year(), Styles.Kind.TITLE);
        c.text(1, 0, "Elke stap van het blad " + JAAROPSTELLING + ": wat het is, de regel, de bron, de formule en de"
                + " uitkomst (een verwijzing naar dezelfde cel). Bedragen in euro's; afronding alleen waar de regel dat zegt.",
                Styles.Kind.NOTE);
        int[] widths = {5, 38, 70, 42, 48, 15};
        for (int i = 0; i < widths.length; i++) {
            sh.setColumnWidth(i, widths[i] * 256);
        }
        int row = 3;
        String[] headers = {"Nr", "Stap", "Regel", "Bron", "Formule", "Uitkomst"};
        for (int i = 0; i < headers.length; i++) {
            c.text(row, i, headers[i], i == 5 ? Styles.Kind.HEADER_RIGHT : Styles.Kind.HEADER);
        }
        row++;
        Refs onSheet = refs(targets, JAAROPSTELLING);
        Refs here = refs(targets, TOELICHTING);
        int nr = 1;
        for (Step step : result.calculation().steps()) {
            if (!step.explain()) {
                continue;
            }
            XSSFCell nrCell = c.cell(row, 0);
            nrCell.setCellValue(nr++);
            nrCell.setCellStyle(st.get(Styles.Kind.LABEL));
            c.text(row, 1, step.label(), Styles.Kind.WRAP);
            c.text(row, 2, step.rule(), Styles.Kind.WRAP);
            c.text(row, 3, step.source(), Styles.Kind.WRAP);
            c.text(row, 4, "=" + step.expr().formula(onSheet), Styles.Kind.WRAP);
            Step echo = new Step(step.key(), step.label(), "", "", nl.rekenblad.core.Expr.ref(step.key()),
                    step.format(), null, false);
            formulaCell(c.cell(row, 5), echo, result.calculation().value(step.key()), here, st, false);
            KorTemplate.fitRowHeight(sh, row);
            row++;
        }
        if (!result.warnings().isEmpty()) {
            row++;
            c.text(row++, 0, "Opmerkingen bij de invoer", Styles.Kind.SECTION);
            for (Problem p : result.warnings()) {
                c.text(row++, 1, p.toString(), Styles.Kind.LABEL);
            }
        }
        sh.createFreezePane(0, 4);
        KorTemplate.pageSetup(sh);
    }

    /** A formula cell with its cached value, so viewers that do not recalculate show the right figure. */
    static void formulaCell(XSSFCell cell, Step step, Object value, Refs refs, Styles st, boolean total) {
        cell.setCellFormula(step.expr().formula(refs));
        switch (step.format()) {
            case BEDRAG, GETAL -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(st.get(step.format() == Step.Format.GETAL ? Styles.Kind.NUMBER
                        : total ? Styles.Kind.MONEY_TOTAL : Styles.Kind.MONEY));
            }
            case JANEE -> {
                cell.setCellValue((Boolean) value);
                cell.setCellStyle(st.get(Styles.Kind.BOOL));
            }
            case TEKST -> {
                cell.setCellValue(String.valueOf(value));
                cell.setCellStyle(st.get(Styles.Kind.BOOL));
            }
            default -> throw new IllegalStateException(step.format().name());
        }
    }

    static Refs refs(Map<String, Target> targets, String sheet) {
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

    static void defineName(XSSFWorkbook wb, String name, Target.Cell cell) {
        Name existing = wb.getName(name);
        if (existing != null) {
            wb.removeName(existing);
        }
        Name n = wb.createName();
        n.setNameName(name);
        n.setRefersToFormula(new CellReference(cell.sheet(), cell.row(), cell.col(), true, true).formatAsString());
    }

}
