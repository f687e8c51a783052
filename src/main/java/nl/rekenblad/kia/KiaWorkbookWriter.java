package nl.rekenblad.kia;

import nl.rekenblad.core.Expr;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Step;
import nl.rekenblad.internal.workbook.Grid;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.internal.workbook.ResultSheets;
import nl.rekenblad.internal.workbook.SheetCells;
import nl.rekenblad.internal.workbook.Styles;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * Adds the KIA result sheets to a workbook holding the register: "KIA" (per year and per asset),
 * "Desinvesteringen", "Afschrijvingen", "Parameters" and "Toelichting", every figure a live
 * formula with its cached value. The register and the bookkeeper's own sheets are left as they are.
 */
final class KiaWorkbookWriter {
    public static final String PARAMETERS = "Parameters";
    public static final String TOELICHTING = "Toelichting";
    static final String MARKER = "rekenblad-kia";
    static final List<String> SHEETS = List.of(
            KiaBerekening.KIA, KiaBerekening.DESINVESTERINGEN, KiaBerekening.AFSCHRIJVINGEN, PARAMETERS, TOELICHTING);

    /** The header of the column rekenblad adds beside the register. */
    static final String REDEN_HEADER = "Telt niet mee omdat (rekenblad)";

    public void write(OutputWorkbook wb, KiaResult result) throws InvalidInputException {
        String bron = result.input().bron();
        ResultSheets.removeEarlierOutput(
                wb, MARKER, SHEETS, List.of("KIA_", "EIA_", "MIA_", "AFS_"), List.of(KiaTemplate.N_REGISTER), bron);
        List<Problem> problems = new ArrayList<>();
        KiaTemplate.Located loc =
                KiaTemplate.locate(wb, problems, bron).orElseThrow(() -> new InvalidInputException(problems));
        List<Integer> rows = loc.assetRows(wb);
        if (rows.size() != result.input().activa().size()) {
            throw new IllegalStateException("register rows changed while writing");
        }
        ResultSheets out = new ResultSheets(wb, new HashMap<>(), new HashMap<>(loc.inputColumns(rows)));
        List<String> layoutSheets =
                List.of(KiaBerekening.KIA, KiaBerekening.DESINVESTERINGEN, KiaBerekening.AFSCHRIJVINGEN);
        for (String sheet : layoutSheets) {
            out.place(sheet, result.layouts().get(sheet));
            wb.reserveSheet(sheet);
        }
        out.checkPlaced(result.calculation());
        out.parameters(
                PARAMETERS,
                "Parameters investeringsaftrek en afschrijving",
                "De tabellen van de jaren in dit register, met hun bron. Elk bedrag heeft een eigen naam (bijv. KIA_A_2025).",
                result.parameters());
        String from = " · invoer: " + bron + " · alle bedragen zijn formules; zie het blad " + TOELICHTING;
        out.write(
                KiaBerekening.KIA,
                "Kleinschaligheidsinvesteringsaftrek",
                "KIA per jaar uit de tabel van dat jaar," + " verdeeld over de bedrijfsmiddelen naar rato" + from,
                result.layouts().get(KiaBerekening.KIA),
                result.calculation(),
                40);
        out.write(
                KiaBerekening.DESINVESTERINGEN,
                "Desinvesteringsbijtelling",
                "Verkopen binnen 5 jaar van bedrijfsmiddelen" + " met KIA" + from,
                result.layouts().get(KiaBerekening.DESINVESTERINGEN),
                result.calculation(),
                40);
        out.write(
                KiaBerekening.AFSCHRIJVINGEN,
                "Afschrijvingsstaat",
                "Lineair, naar rato per maand, " + result.afschrijvingsgrens() + from,
                result.layouts().get(KiaBerekening.AFSCHRIJVINGEN),
                result.calculation(),
                44);
        redenColumn(wb, out, loc, rows, result);
        out.toelichting(TOELICHTING, "Toelichting investeringsaftrek", result.calculation(), result.warnings());
        out.finish(KiaBerekening.KIA, MARKER, SHEETS);
    }

    /**
     * Beside the register (one empty column to its right) a formula column states why an asset does
     * not count. Only empty cells, or this column from an earlier run, are written; when the
     * bookkeeper has something there, the column is left out and the KIA sheet still says it.
     */
    private static void redenColumn(
            OutputWorkbook wb, ResultSheets out, KiaTemplate.Located loc, List<Integer> rows, KiaResult result) {
        int col = loc.columns().values().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElseThrow()
                + 2;
        Optional<SheetCells> generated = wb.generated(loc.sheet());
        // The register rekenblad built for a CSV run has the column free; a bookkeeper's register is checked and
        // cleared.
        XSSFSheet sh = generated.isPresent() ? null : wb.poi().getSheet(loc.sheet());
        if (generated.isEmpty() && !clearRedenColumn(sh, loc, col)) {
            return;
        }
        Grid grid = generated.isPresent() ? Grid.of(generated.get(), out.styles()) : Grid.of(sh, out.styles());
        grid.text(loc.headerRow(), col, REDEN_HEADER, Styles.Kind.HEADER);
        wb.settings(loc.sheet()).orElseThrow().width(col, 30);
        String column = KiaKeys.asset(KiaKeys.PerActivum.REDEN);
        if (generated.isPresent()) {
            // The register rekenblad wrote has its assets on consecutive rows.
            int first = rows.isEmpty() ? loc.headerRow() + 1 : rows.get(0);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) != first + i) {
                    throw new IllegalStateException("the generated register has a gap at row " + rows.get(i));
                }
            }
            out.echoColumn(
                    generated.get(),
                    first,
                    col,
                    nl.rekenblad.core.RowStep.all(rows.size()),
                    column,
                    result.calculation(),
                    out.refs(loc.sheet()));
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            Step reden = new Step("echo." + column, "", "", "", Expr.cell(column, i), Step.Format.TEKST, null, false);
            out.formulaCell(
                    Grid.cell(sh, rows.get(i), col),
                    reden,
                    result.calculation().value(column, i),
                    out.refs(loc.sheet()),
                    false);
        }
    }

    /**
     * Empties the reason column of a bookkeeper's register for this run: only when it is empty or
     * holds this column from an earlier run (then its old cells go); false when something else is there.
     */
    private static boolean clearRedenColumn(XSSFSheet sh, KiaTemplate.Located loc, int col) {
        XSSFRow header = sh.getRow(loc.headerRow());
        XSSFCell h = header == null ? null : header.getCell(col);
        boolean ours = h != null && h.getCellType() == CellType.STRING && REDEN_HEADER.equals(h.getStringCellValue());
        if (!ours) {
            for (int r = loc.headerRow(); r <= loc.lastRow(); r++) {
                XSSFRow row = sh.getRow(r);
                XSSFCell c = row == null ? null : row.getCell(col);
                if (c != null && c.getCellType() != CellType.BLANK) {
                    return false;
                }
            }
        }
        for (int r = loc.headerRow() + 1; r <= loc.lastRow(); r++) {
            XSSFRow row = sh.getRow(r);
            XSSFCell c = row == null ? null : row.getCell(col);
            if (c != null) {
                row.removeCell(c);
            }
        }
        return true;
    }
}
