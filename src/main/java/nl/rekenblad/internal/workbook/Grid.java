package nl.rekenblad.internal.workbook;

import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.math.BigDecimal;

/**
 * Where a template's cells go: POI's model or {@link SheetCells}; one building code for both, so a
 * template written by the {@code template} command and the input sheet of a CSV run are the same sheet.
 */
public interface Grid {
    void text(int row, int col, String text, Styles.Kind kind);

    /** A number, or an empty cell with the style when {@code value} is null. */
    void number(int row, int col, BigDecimal value, Styles.Kind kind);

    /** The height of {@code row} in points (a block row has its own: not used there). */
    default void height(int row, float points) {}

    /** Cells kept as plain data, written when the workbook is saved. */
    static Grid of(SheetCells cells, Styles st) {
        return new Grid() {
            @Override
            public void height(int row, float points) {
                cells.height(row, points);
            }

            @Override
            public void text(int row, int col, String text, Styles.Kind kind) {
                cells.text(row, col, text, st.get(kind));
            }

            @Override
            public void number(int row, int col, BigDecimal value, Styles.Kind kind) {
                if (value == null) {
                    cells.blank(row, col, st.get(kind));
                } else {
                    cells.number(row, col, value, st.get(kind));
                }
            }
        };
    }

    /**
     * The cells of one block row as it is written ({@link SheetCells#block}): the row is the block's, the row
     * argument is not used. The styles must exist already (the style table is written before the sheets).
     */
    static Grid of(SheetCells.Cells out, Styles st) {
        return new Grid() {
            @Override
            public void text(int row, int col, String text, Styles.Kind kind) {
                out.text(col, text, st.get(kind));
            }

            @Override
            public void number(int row, int col, BigDecimal value, Styles.Kind kind) {
                if (value == null) {
                    out.blank(col, st.get(kind));
                } else {
                    out.number(col, value, st.get(kind));
                }
            }
        };
    }

    /** Cells in POI's model of {@code sh}. */
    static Grid of(XSSFSheet sh, Styles st) {
        return new Grid() {
            @Override
            public void height(int row, float points) {
                (sh.getRow(row) == null ? sh.createRow(row) : sh.getRow(row)).setHeightInPoints(points);
            }

            @Override
            public void text(int row, int col, String text, Styles.Kind kind) {
                XSSFCell c = cell(sh, row, col);
                inlineText(c, text);
                c.setCellStyle(st.poi(kind));
            }

            @Override
            public void number(int row, int col, BigDecimal value, Styles.Kind kind) {
                XSSFCell c = cell(sh, row, col);
                if (value != null) {
                    // POI's cell holds a double; the amounts on a template are cents, which a double shows exactly.
                    c.setCellValue(value.doubleValue());
                }
                c.setCellStyle(st.poi(kind));
            }
        };
    }

    /** The cell at {@code row}, {@code col} of {@code sh}, created when missing. */
    static XSSFCell cell(XSSFSheet sh, int row, int col) {
        XSSFRow r = sh.getRow(row);
        if (r == null) {
            r = sh.createRow(row);
        }
        XSSFCell c = r.getCell(col);
        return c == null ? r.createCell(col) : c;
    }

    /**
     * Puts a text in the cell itself (an inline string) rather than in the shared-string table,
     * whose upkeep in POI costs more than the rest of a small sheet. Excel and LibreOffice read both
     * alike. A text with spaces at either end goes the usual way, which keeps those spaces.
     */
    static void inlineText(XSSFCell c, String text) {
        if (text.isEmpty()
                || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1))
                || c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
            c.setCellValue(text);
            return;
        }
        var ct = c.getCTCell();
        if (ct.isSetV()) {
            ct.unsetV();
        }
        ct.setT(org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.INLINE_STR);
        (ct.isSetIs() ? ct.getIs() : ct.addNewIs()).setT(text);
    }
}
