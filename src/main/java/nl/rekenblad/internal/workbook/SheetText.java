package nl.rekenblad.internal.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.Optional;

/**
 * Reads the labels and filled cells of an input sheet, whether its cells are in POI's model (a
 * bookkeeper's workbook) or {@link SheetCells} (the sheet rekenblad built for a CSV run).
 */
public final class SheetText {
    private SheetText() {}

    /** The text of a text cell, or null. */
    public static String text(OutputWorkbook wb, String sheet, int row, int col) {
        Optional<SheetCells> generated = wb.generated(sheet);
        if (generated.isPresent()) {
            return generated.get().textAt(row, col);
        }
        Cell cell = cell(wb, sheet, row, col);
        return cell != null && cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : null;
    }

    /** What the cell shows (a number as formatted, a code typed as 1 as "1"); "" for an empty cell. */
    public static String display(OutputWorkbook wb, String sheet, int row, int col) {
        Optional<SheetCells> generated = wb.generated(sheet);
        if (generated.isPresent()) {
            String t = generated.get().textAt(row, col);
            return t == null ? "" : t;
        }
        Cell cell = cell(wb, sheet, row, col);
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }

    /** Whether the cell holds anything: a value, a formula, or a text that is not blank. */
    public static boolean filled(OutputWorkbook wb, String sheet, int row, int col) {
        Optional<SheetCells> generated = wb.generated(sheet);
        if (generated.isPresent()) {
            return generated.get().filledAt(row, col);
        }
        Cell cell = cell(wb, sheet, row, col);
        return cell != null
                && cell.getCellType() != CellType.BLANK
                && !(cell.getCellType() == CellType.STRING
                        && cell.getStringCellValue().isBlank());
    }

    /** A cell in POI's model; none in a workbook written straight to the package (its sheets are all generated). */
    private static Cell cell(OutputWorkbook wb, String sheet, int row, int col) {
        Sheet sh = wb.isObjectModel() ? wb.poi().getSheet(sheet) : null;
        Row r = sh == null ? null : sh.getRow(row);
        return r == null ? null : r.getCell(col);
    }
}
