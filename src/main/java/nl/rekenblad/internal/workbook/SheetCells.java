package nl.rekenblad.internal.workbook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
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

    public void number(int row, int col, BigDecimal value, XSSFCellStyle style) {
        put(row, col, new Cell(style, Kind.NUMBER, number(value), null));
    }

    public void bool(int row, int col, boolean value, XSSFCellStyle style) {
        put(row, col, new Cell(style, Kind.BOOLEAN, value ? "1" : "0", null));
    }

    /** An empty cell with a style (an input to fill in, or a line under a total). */
    public void blank(int row, int col, XSSFCellStyle style) {
        put(row, col, new Cell(style, Kind.BLANK, null, null));
    }

    /** A formula (without "=") with the value Java computed for it: a {@link BigDecimal}, a boolean or a text. */
    public void formula(int row, int col, String formula, Object cached, XSSFCellStyle style) {
        Cell c;
        if (cached instanceof Boolean b) {
            c = new Cell(style, Kind.FORMULA_BOOLEAN, b ? "1" : "0", formula);
        } else if (cached instanceof BigDecimal n) {
            c = new Cell(style, Kind.FORMULA_NUMBER, number(n), formula);
        } else {
            c = new Cell(style, Kind.FORMULA_TEXT, String.valueOf(cached), formula);
        }
        put(row, col, c);
    }

    public void height(int row, float points) {
        rows.computeIfAbsent(row, r -> new Row()).height = points;
    }

    /** The text of a text cell, or null (no cell, or not a text). */
    public String textAt(int row, int col) {
        Row r = rows.get(row);
        Cell c = r == null ? null : r.cells.get(col);
        return c != null && c.kind() == Kind.TEXT ? c.value() : null;
    }

    /** Whether the cell holds anything: a number, a formula, or a text that is not blank. */
    public boolean filledAt(int row, int col) {
        Row r = rows.get(row);
        Cell c = r == null ? null : r.cells.get(col);
        return c != null && c.kind() != Kind.BLANK && !(c.kind() == Kind.TEXT && c.value().isBlank());
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
                lines = Math.max(lines, SheetSetup.linesNeeded(c.value(), sheet.getColumnWidth(e.getKey())));
            }
        }
        if (lines > 1) {
            r.height = lines * sheet.getDefaultRowHeightInPoints() * 1.05f;
        }
    }

    /**
     * A number as the cell's value: the exact decimal (a spreadsheet reads it as the nearest binary
     * number, as it would the text typed in), at most 17 significant digits, without exponent.
     */
    private static String number(BigDecimal d) {
        BigDecimal v = d.precision() > 17 ? d.round(new MathContext(17, RoundingMode.HALF_EVEN)) : d;
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    /** The range these cells take ({@code A1:F20}), for the sheet's {@code <dimension>}; empty when there are none. */
    Optional<String> dimensionRef() {
        int firstCol = Integer.MAX_VALUE;
        int lastCol = 0;
        int firstRow = -1;
        int lastRow = -1;
        for (Map.Entry<Integer, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            if (!r.cells.isEmpty()) {
                firstCol = Math.min(firstCol, r.cells.firstKey());
                lastCol = Math.max(lastCol, r.cells.lastKey());
                firstRow = firstRow < 0 ? e.getKey() : firstRow;
                lastRow = e.getKey();
            }
        }
        if (firstRow < 0) {
            return Optional.empty();
        }
        return Optional.of(CellReference.convertNumToColString(firstCol) + (firstRow + 1) + ":"
                + CellReference.convertNumToColString(lastCol) + (lastRow + 1));
    }

    /** Writes {@code <sheetData>…</sheetData>}. */
    void writeSheetData(StringBuilder w) {
        if (rows.isEmpty()) {
            w.append("<sheetData/>");
            return;
        }
        w.append("<sheetData>");
        for (Map.Entry<Integer, Row> re : rows.entrySet()) {
            int r = re.getKey() + 1;
            Row row = re.getValue();
            w.append("<row r=\"");
            w.append(Integer.toString(r));
            w.append('"');
            if (row.height >= 0) {
                w.append(" ht=\"");
                w.append(Float.toString(row.height));
                w.append("\" customHeight=\"true\"");
            }
            if (row.cells.isEmpty()) {
                w.append("/>");
                continue;
            }
            w.append('>');
            for (Map.Entry<Integer, Cell> ce : row.cells.entrySet()) {
                Cell c = ce.getValue();
                w.append("<c r=\"");
                w.append(CellReference.convertNumToColString(ce.getKey()));
                w.append(Integer.toString(r));
                w.append('"');
                if (c.style() != null && c.style().getIndex() != 0) {
                    w.append(" s=\"");
                    w.append(Integer.toString(c.style().getIndex()));
                    w.append('"');
                }
                switch (c.kind()) {
                    case BLANK -> w.append("/>");
                    case TEXT -> {
                        w.append(" t=\"inlineStr\"><is><t");
                        if (!c.value().isEmpty() && (Character.isWhitespace(c.value().charAt(0))
                                || Character.isWhitespace(c.value().charAt(c.value().length() - 1)))) {
                            w.append(" xml:space=\"preserve\"");
                        }
                        w.append('>');
                        escape(c.value(), w);
                        w.append("</t></is></c>");
                    }
                    case NUMBER -> value(w, null, null, c.value());
                    case BOOLEAN -> value(w, "b", null, c.value());
                    case FORMULA_NUMBER -> value(w, null, c.formula(), c.value());
                    case FORMULA_BOOLEAN -> value(w, "b", c.formula(), c.value());
                    case FORMULA_TEXT -> value(w, "str", c.formula(), c.value());
                    default -> throw new IllegalStateException(c.kind().name());
                }
            }
            w.append("</row>");
        }
        w.append("</sheetData>");
    }

    private static void value(StringBuilder w, String type, String formula, String value) {
        if (type != null) {
            w.append(" t=\"");
            w.append(type);
            w.append('"');
        }
        w.append('>');
        if (formula != null) {
            w.append("<f>");
            escape(formula, w);
            w.append("</f>");
        }
        w.append("<v>");
        escape(value, w);
        w.append("</v></c>");
    }

    /** XML text; characters XML 1.0 cannot hold (control characters) become U+FFFD. */
    static void escape(String s, StringBuilder w) {
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
                w.append(s, start, i);
                w.append(rep);
                start = i + 1;
            }
        }
        w.append(s, start, s.length());
    }
}
