package nl.rekenblad.sheet;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The cells of a sheet rekenblad makes itself (a result sheet), kept as plain data and written
 * as the sheet's {@code <sheetData>} when the workbook is saved. Everything else about the sheet
 * (column widths, frozen panes, page setup, validations) stays on the {@link XSSFSheet}.
 *
 * <p>Building these cells through POI's XML object model cost most of the time of a small job;
 * plain data written once is many times cheaper and gives the same file: texts are inline
 * strings, formulas carry their cached value, as POI would write them.
 */
public final class SheetCells {
    /** One cell: a style, and a text, number, boolean or formula (with its cached value) or nothing. */
    private record Cell(XSSFCellStyle style, Kind kind, String value, String formula) {
    }

    private enum Kind { BLANK, TEXT, NUMBER, BOOLEAN, FORMULA_NUMBER, FORMULA_BOOLEAN, FORMULA_TEXT }

    private static final class Row {
        final TreeMap<Integer, Cell> cells = new TreeMap<>();
        float height = -1;
    }

    private final XSSFSheet sheet;
    private final TreeMap<Integer, Row> rows = new TreeMap<>();

    SheetCells(XSSFSheet sheet) {
        this.sheet = sheet;
    }

    public XSSFSheet sheet() {
        return sheet;
    }

    private void put(int row, int col, Cell c) {
        rows.computeIfAbsent(row, r -> new Row()).cells.put(col, c);
    }

    public void text(int row, int col, String text, XSSFCellStyle style) {
        put(row, col, new Cell(style, Kind.TEXT, text, null));
    }

    public void number(int row, int col, double value, XSSFCellStyle style) {
        put(row, col, new Cell(style, Kind.NUMBER, number(value), null));
    }

    public void bool(int row, int col, boolean value, XSSFCellStyle style) {
        put(row, col, new Cell(style, Kind.BOOLEAN, value ? "1" : "0", null));
    }

    /** An empty cell with a style (an input to fill in, or a line under a total). */
    public void blank(int row, int col, XSSFCellStyle style) {
        put(row, col, new Cell(style, Kind.BLANK, null, null));
    }

    /** A formula (without "=") with the value Java computed for it: a number, a boolean or a text. */
    public void formula(int row, int col, String formula, Object cached, XSSFCellStyle style) {
        Cell c;
        if (cached instanceof Boolean b) {
            c = new Cell(style, Kind.FORMULA_BOOLEAN, b ? "1" : "0", formula);
        } else if (cached instanceof Number n) {
            c = new Cell(style, Kind.FORMULA_NUMBER, number(n.doubleValue()), formula);
        } else {
            c = new Cell(style, Kind.FORMULA_TEXT, String.valueOf(cached), formula);
        }
        put(row, col, c);
    }

    public void height(int row, float points) {
        rows.computeIfAbsent(row, r -> new Row()).height = points;
    }

    /** The last row with anything in it, or -1. */
    public int lastRow() {
        return rows.isEmpty() ? -1 : rows.lastKey();
    }

    /** Makes a row tall enough for its wrapping texts at the sheet's column widths. */
    public void fitRowHeight(int rowIndex) {
        Row r = rows.get(rowIndex);
        if (r == null) {
            return;
        }
        int lines = 1;
        for (Map.Entry<Integer, Cell> e : r.cells.entrySet()) {
            Cell c = e.getValue();
            if (c.kind() == Kind.TEXT && c.style() != null && c.style().getWrapText()) {
                lines = Math.max(lines, KorTemplate.linesNeeded(c.value(), sheet.getColumnWidth(e.getKey())));
            }
        }
        if (lines > 1) {
            r.height = lines * sheet.getDefaultRowHeightInPoints() * 1.05f;
        }
    }

    /** How POI writes a number (so a file is the same whichever way its cells were made). */
    private static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("not a spreadsheet number: " + d);
        }
        return String.valueOf(d);
    }

    /** {@code head} (the sheet XML before its data) with the {@code <dimension>} of these cells. */
    String dimension(String head) {
        int at = head.indexOf("<dimension ref=\"");
        if (at < 0 || rows.isEmpty()) {
            return head;
        }
        int end = head.indexOf('"', at + 16);
        int firstCol = Integer.MAX_VALUE;
        int lastCol = 0;
        for (Row r : rows.values()) {
            if (!r.cells.isEmpty()) {
                firstCol = Math.min(firstCol, r.cells.firstKey());
                lastCol = Math.max(lastCol, r.cells.lastKey());
            }
        }
        if (firstCol == Integer.MAX_VALUE) {
            return head;
        }
        String ref = CellReference.convertNumToColString(firstCol) + (rows.firstKey() + 1) + ":"
                + CellReference.convertNumToColString(lastCol) + (rows.lastKey() + 1);
        return head.substring(0, at + 16) + ref + head.substring(end);
    }

    /** Writes {@code <sheetData>…</sheetData>}. */
    void writeSheetData(Writer w) throws IOException {
        if (rows.isEmpty()) {
            w.write("<sheetData/>");
            return;
        }
        w.write("<sheetData>");
        for (Map.Entry<Integer, Row> re : rows.entrySet()) {
            int r = re.getKey() + 1;
            Row row = re.getValue();
            w.write("<row r=\"");
            w.write(Integer.toString(r));
            w.write('"');
            if (row.height >= 0) {
                w.write(" ht=\"");
                w.write(Float.toString(row.height));
                w.write("\" customHeight=\"true\"");
            }
            if (row.cells.isEmpty()) {
                w.write("/>");
                continue;
            }
            w.write('>');
            for (Map.Entry<Integer, Cell> ce : row.cells.entrySet()) {
                Cell c = ce.getValue();
                w.write("<c r=\"");
                w.write(CellReference.convertNumToColString(ce.getKey()));
                w.write(Integer.toString(r));
                w.write('"');
                if (c.style() != null && c.style().getIndex() != 0) {
                    w.write(" s=\"");
                    w.write(Integer.toString(c.style().getIndex()));
                    w.write('"');
                }
                switch (c.kind()) {
                    case BLANK -> w.write("/>");
                    case TEXT -> {
                        w.write(" t=\"inlineStr\"><is><t");
                        if (!c.value().isEmpty() && (Character.isWhitespace(c.value().charAt(0))
                                || Character.isWhitespace(c.value().charAt(c.value().length() - 1)))) {
                            w.write(" xml:space=\"preserve\"");
                        }
                        w.write('>');
                        escape(c.value(), w);
                        w.write("</t></is></c>");
                    }
                    case NUMBER -> value(w, null, null, c.value());
                    case BOOLEAN -> value(w, "b", null, c.value());
                    case FORMULA_NUMBER -> value(w, null, c.formula(), c.value());
                    case FORMULA_BOOLEAN -> value(w, "b", c.formula(), c.value());
                    case FORMULA_TEXT -> value(w, "str", c.formula(), c.value());
                    default -> throw new IllegalStateException(c.kind().name());
                }
            }
            w.write("</row>");
        }
        w.write("</sheetData>");
    }

    private static void value(Writer w, String type, String formula, String value) throws IOException {
        if (type != null) {
            w.write(" t=\"");
            w.write(type);
            w.write('"');
        }
        w.write('>');
        if (formula != null) {
            w.write("<f>");
            escape(formula, w);
            w.write("</f>");
        }
        w.write("<v>");
        escape(value, w);
        w.write("</v></c>");
    }

    /** XML text; characters XML 1.0 cannot hold (control characters) become U+FFFD. */
    static void escape(String s, Writer w) throws IOException {
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String rep = switch (ch) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\t', '\n' -> null;
                case '\r' -> "&#13;";
                default -> ch < 0x20 || ch == 0xFFFE || ch == 0xFFFF ? "\uFFFD" : null;
            };
            if (rep != null) {
                w.write(s, start, i - start);
                w.write(rep);
                start = i + 1;
            }
        }
        w.write(s, start, s.length() - start);
    }
}
