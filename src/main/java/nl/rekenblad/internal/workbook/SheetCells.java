package nl.rekenblad.internal.workbook;

import nl.rekenblad.core.Expr;
import nl.rekenblad.core.Refs;
import org.apache.poi.ss.util.CellReference;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cells of a sheet rekenblad makes itself (a result sheet), kept as plain data and written
 * as the sheet's {@code <sheetData>} when the workbook is saved. Everything else about the sheet
 * (column widths, frozen panes, page setup, validations) is in its {@link SheetSettings}.
 *
 * <p>Building these cells through POI's XML object model cost most of the time of a small job;
 * plain data written once is many times cheaper and gives the same file: texts are inline
 * strings, formulas carry their cached value, as POI would write them.
 *
 * <p>A large table (one row per asset of a register) is a {@link #block}: its rows are not kept but made by a
 * {@link RowSource} while the sheet is written, straight into the package, so a sheet of millions of cells needs
 * no more memory than one row.
 */
public final class SheetCells {
    /** Makes the cells of one row of a block, left to right, when the sheet is written (or read back). */
    @FunctionalInterface
    public interface RowSource {
        /** Writes row {@code index} (0 for the block's first row) to {@code out}. */
        void write(int index, Cells out);
    }

    /** Where a block row's cells go, in ascending column order. */
    public interface Cells {
        void text(int col, String text, Style style);

        void number(int col, BigDecimal value, Style style);

        void blank(int col, Style style);

        /** A formula (without "=") with its cached value: a {@link BigDecimal}, a boolean or a text. */
        void formula(int col, String formula, Object cached, Style style);

        /** The same, the formula written by {@code expr} as seen through {@code refs}. */
        default void formula(int col, Expr expr, Refs refs, Object cached, Style style) {
            formula(col, expr.formula(refs), cached, style);
        }
    }

    private record Block(int firstRow, int count, int firstCol, int lastCol, RowSource source) {
        boolean covers(int row) {
            return row >= firstRow && row < firstRow + count;
        }
    }

    /** One cell: a style, and a text, number, boolean or formula (with its cached value) or nothing. */
    private record Cell(Style style, Kind kind, String value, String formula) {}

    private enum Kind {
        BLANK,
        TEXT,
        NUMBER,
        BOOLEAN,
        FORMULA_NUMBER,
        FORMULA_BOOLEAN,
        FORMULA_TEXT
    }

    private static final class Row {
        final TreeMap<Integer, Cell> cells = new TreeMap<>();
        float height = -1;
    }

    private final SheetSettings settings;
    private final Styles styles;
    private final TreeMap<Integer, Row> rows = new TreeMap<>();
    private final List<Block> blocks = new ArrayList<>();
    private Appender appender;

    SheetCells(SheetSettings settings, Styles styles) {
        this.settings = settings;
        this.styles = styles;
    }

    /** The sheet's widths, panes, page setup and the like. */
    public SheetSettings settings() {
        return settings;
    }

    /** The styles of the sheet's workbook. */
    public Styles styles() {
        return styles;
    }

    private void put(int row, int col, Cell c) {
        rows.computeIfAbsent(row, r -> new Row()).cells.put(col, c);
    }

    public void text(int row, int col, String text, Style style) {
        put(row, col, new Cell(quoted(text, style), Kind.TEXT, text, null));
    }

    /**
     * A text that Excel would take for a formula when a user edits the cell (F2, Enter): "=SUM(B30:E30)" on an
     * explanation sheet, "-" or "+" at the start, "@": with the quote prefix it stays text. Other texts keep
     * {@code style}.
     */
    private Style quoted(String text, Style style) {
        if (text == null || text.isEmpty() || "=+-@".indexOf(text.charAt(0)) < 0) {
            return style;
        }
        return styles.quoted(style);
    }

    public void number(int row, int col, BigDecimal value, Style style) {
        put(row, col, new Cell(style, Kind.NUMBER, number(value), null));
    }

    public void bool(int row, int col, boolean value, Style style) {
        put(row, col, new Cell(style, Kind.BOOLEAN, value ? "1" : "0", null));
    }

    /** An empty cell with a style (an input to fill in, or a line under a total). */
    public void blank(int row, int col, Style style) {
        put(row, col, new Cell(style, Kind.BLANK, null, null));
    }

    /** A formula (without "=") with the value Java computed for it: a {@link BigDecimal}, a boolean or a text. */
    public void formula(int row, int col, String formula, Object cached, Style style) {
        put(row, col, formulaCell(formula, cached, style));
    }

    private static Cell formulaCell(String formula, Object cached, Style style) {
        if (cached instanceof Boolean b) {
            return new Cell(style, Kind.FORMULA_BOOLEAN, b ? "1" : "0", formula);
        } else if (cached instanceof BigDecimal n) {
            return new Cell(style, Kind.FORMULA_NUMBER, number(n), formula);
        }
        return new Cell(style, Kind.FORMULA_TEXT, String.valueOf(cached), formula);
    }

    /**
     * Rows {@code firstRow} … {@code firstRow + count − 1}, columns {@code firstCol} … {@code lastCol}, made by
     * {@code source} when the sheet is written. Blocks on the same rows must take other columns.
     */
    public void block(int firstRow, int count, int firstCol, int lastCol, RowSource source) {
        Block b = new Block(firstRow, count, firstCol, lastCol, source);
        for (Block o : blocks) {
            boolean rowsMeet = b.firstRow < o.firstRow + o.count && o.firstRow < b.firstRow + b.count;
            boolean colsMeet = b.firstCol <= o.lastCol && o.firstCol <= b.lastCol;
            if (rowsMeet && colsMeet) {
                throw new IllegalStateException("blocks overlap on " + settings.name());
            }
        }
        if (count > 0) {
            blocks.add(b);
        }
    }

    /**
     * Rows appended one at a time from {@code firstRow} on, as they come (a journal of a million lines): each row's
     * XML goes to a temporary file at once and is copied into the package when the sheet is written. One per sheet;
     * no kept cells or blocks may lie in its rows. The file is removed when the workbook is closed.
     */
    public Appender appender(int firstRow) throws IOException {
        if (appender != null) {
            throw new IllegalStateException("one appender per sheet");
        }
        appender = new Appender(firstRow, this);
        return appender;
    }

    /** Appends rows to a sheet: {@link #row()}, then its cells left to right (the {@link Cells} methods). */
    public static final class Appender implements Cells {
        private final int firstRow;
        private final java.nio.file.Path file;
        private OutputStream out;
        private final StringBuilder w = new StringBuilder(START_AT);
        private final BlockWriter cells = new BlockWriter(w);
        private int count;
        private int lastCol;
        private boolean open;

        private final SheetCells owner;

        private Appender(int firstRow, SheetCells owner) throws IOException {
            this.firstRow = firstRow;
            this.owner = owner;
            this.file = java.nio.file.Files.createTempFile("rekenblad-rijen", ".xml");
            try {
                this.out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 16);
            } catch (IOException | RuntimeException e) {
                java.nio.file.Files.deleteIfExists(file);
                throw e;
            }
        }

        /** Starts the next row. */
        public void row() throws IOException {
            endRow();
            int r = firstRow + count + 1;
            w.append("<row r=\"").append(r).append("\">");
            cells.row = r;
            count++;
            open = true;
        }

        private void endRow() throws IOException {
            if (open) {
                w.append("</row>");
                open = false;
                if (w.length() >= FLUSH_AT) {
                    write(out, w);
                    w.setLength(0);
                }
            }
        }

        /** The rows appended so far. */
        public int rows() {
            return count;
        }

        @Override
        public void text(int col, String text, Style style) {
            lastCol = Math.max(lastCol, col);
            cells.text(col, text, owner.quoted(text, style));
        }

        @Override
        public void number(int col, BigDecimal value, Style style) {
            lastCol = Math.max(lastCol, col);
            cells.number(col, value, style);
        }

        @Override
        public void blank(int col, Style style) {
            lastCol = Math.max(lastCol, col);
            cells.blank(col, style);
        }

        @Override
        public void formula(int col, String formula, Object cached, Style style) {
            lastCol = Math.max(lastCol, col);
            cells.formula(col, formula, cached, style);
        }

        /** Ends writing: the rows are in the file. */
        void finish() throws IOException {
            if (out != null) {
                endRow();
                write(out, w);
                w.setLength(0);
                out.close();
                out = null;
            }
        }

        void copyTo(OutputStream to) throws IOException {
            finish();
            java.nio.file.Files.copy(file, to);
        }

        /** Removes the file. */
        void discard() {
            try {
                if (out != null) {
                    out.close();
                    out = null;
                }
            } catch (IOException e) {
                // the file goes anyway
            }
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /** Releases what the cells hold outside memory (an appender's file). */
    void discard() {
        if (appender != null) {
            appender.discard();
        }
    }

    public void height(int row, float points) {
        rows.computeIfAbsent(row, r -> new Row()).height = points;
    }

    /** The text of a text cell, or null (no cell, or not a text). */
    public String textAt(int row, int col) {
        Cell c = cellAt(row, col);
        return c != null && c.kind() == Kind.TEXT ? c.value() : null;
    }

    /** Whether the cell holds anything: a number, a formula, or a text that is not blank. */
    public boolean filledAt(int row, int col) {
        Cell c = cellAt(row, col);
        return c != null
                && c.kind() != Kind.BLANK
                && !(c.kind() == Kind.TEXT && c.value().isBlank());
    }

    /** A kept cell, or a block's cell made once more to be read. */
    private Cell cellAt(int row, int col) {
        for (Block b : blocks) {
            if (b.covers(row) && col >= b.firstCol && col <= b.lastCol) {
                Cell[] found = new Cell[1];
                b.source.write(row - b.firstRow, new Collect() {
                    @Override
                    void put(int c, Cell cell) {
                        if (c == col) {
                            found[0] = cell;
                        }
                    }
                });
                return found[0];
            }
        }
        Row r = rows.get(row);
        return r == null ? null : r.cells.get(col);
    }

    /** The last row with anything in it, or -1. */
    public int lastRow() {
        int last = rows.isEmpty() ? -1 : rows.lastKey();
        for (Block b : blocks) {
            last = Math.max(last, b.firstRow + b.count - 1);
        }
        if (appender != null && appender.count > 0) {
            last = Math.max(last, appender.firstRow + appender.count - 1);
        }
        return last;
    }

    /** Block cells as the kept cells are: for reading a block back. */
    private abstract static class Collect implements Cells {
        abstract void put(int col, Cell cell);

        @Override
        public void text(int col, String text, Style style) {
            put(col, new Cell(style, Kind.TEXT, text, null));
        }

        @Override
        public void number(int col, BigDecimal value, Style style) {
            put(col, new Cell(style, Kind.NUMBER, SheetCells.number(value), null));
        }

        @Override
        public void blank(int col, Style style) {
            put(col, new Cell(style, Kind.BLANK, null, null));
        }

        @Override
        public void formula(int col, String formula, Object cached, Style style) {
            put(col, formulaCell(formula, cached, style));
        }
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
            if (c.kind() == Kind.TEXT && c.style() != null && c.style().wrap()) {
                lines = Math.max(lines, SheetSetup.linesNeeded(c.value(), settings.width(e.getKey())));
            }
        }
        if (lines > 1) {
            r.height = lines * settings.defaultRowHeight() * 1.05f;
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
        for (Block b : blocks) {
            firstCol = Math.min(firstCol, b.firstCol);
            lastCol = Math.max(lastCol, b.lastCol);
            firstRow = firstRow < 0 ? b.firstRow : Math.min(firstRow, b.firstRow);
            lastRow = Math.max(lastRow, b.firstRow + b.count - 1);
        }
        if (appender != null && appender.count > 0) {
            firstCol = Math.min(firstCol, 0);
            lastCol = Math.max(lastCol, appender.lastCol);
            firstRow = firstRow < 0 ? appender.firstRow : Math.min(firstRow, appender.firstRow);
            lastRow = Math.max(lastRow, appender.firstRow + appender.count - 1);
        }
        if (firstRow < 0) {
            return Optional.empty();
        }
        return Optional.of(CellReference.convertNumToColString(firstCol) + (firstRow + 1) + ":"
                + CellReference.convertNumToColString(lastCol) + (lastRow + 1));
    }

    /**
     * Writes text as UTF-8. Through a String, whose encoding is a bulk copy for ASCII: an {@code OutputStreamWriter}
     * fed the same text took six seconds longer on a 60.000-asset register (its encoder goes character by character
     * over a text that is not an array).
     */
    static void write(OutputStream out, CharSequence text) throws IOException {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Characters gathered before they go to the writer (the buffer has room for one more row of any width). */
    private static final int FLUSH_AT = 1 << 16;

    /** A buffer's first size: a small sheet's XML fits, a large one's buffer grows once to {@link #FLUSH_AT} and more. */
    private static final int START_AT = 1 << 13;

    /** Writes {@code <sheetData>…</sheetData>} to {@code out}, row by row (a block's rows made as they are written). */
    void writeSheetData(OutputStream out) throws IOException {
        boolean appended = appender != null && appender.count > 0;
        if (rows.isEmpty() && blocks.isEmpty() && !appended) {
            write(out, "<sheetData/>");
            return;
        }
        write(out, "<sheetData>");
        int last = lastRow();
        int first = rows.isEmpty() ? Integer.MAX_VALUE : rows.firstKey();
        for (Block b : blocks) {
            first = Math.min(first, b.firstRow);
        }
        if (appended) {
            first = Math.min(first, appender.firstRow);
        }
        StringBuilder w = new StringBuilder(START_AT);
        BlockWriter bw = new BlockWriter(w);
        int r = first;
        while (r <= last) {
            if (appended && r == appender.firstRow) {
                int end = appender.firstRow + appender.count - 1;
                Integer stored = rows.ceilingKey(r);
                if (stored != null && stored <= end
                        || blocks.stream()
                                .anyMatch(b -> b.firstRow <= end && b.firstRow + b.count > appender.firstRow)) {
                    throw new IllegalStateException("cells inside the appended rows of " + settings.name());
                }
                write(out, w);
                w.setLength(0);
                appender.copyTo(out);
                r = end + 1;
                continue;
            }
            Row row = rows.get(r);
            List<Block> here = blocksAt(r);
            if (row == null && !here.isEmpty()) {
                // A run of block rows only, all from the same blocks.
                int end = last;
                for (Block b : here) {
                    end = Math.min(end, b.firstRow + b.count - 1);
                }
                for (Block b : blocks) {
                    if (b.firstRow > r) {
                        end = Math.min(end, b.firstRow - 1);
                    }
                }
                Integer stored = rows.ceilingKey(r);
                if (stored != null) {
                    end = Math.min(end, stored - 1);
                }
                write(out, w);
                w.setLength(0);
                writeRun(out, r, end, here);
                r = end + 1;
                continue;
            }
            if (row != null || !here.isEmpty()) {
                writeRow(w, r, row, here, bw);
            }
            if (w.length() >= FLUSH_AT) {
                write(out, w);
                w.setLength(0);
            }
            r++;
        }
        w.append("</sheetData>");
        write(out, w);
    }

    private List<Block> blocksAt(int row) {
        List<Block> here = new ArrayList<>(2);
        for (Block b : blocks) {
            if (b.covers(row)) {
                here.add(b);
            }
        }
        return here;
    }

    /**
     * Writes rows {@code from} … {@code to} (only cells of {@code here}). On one thread: measured on a 60.000-asset
     * register, making the rows in chunks on two threads took a third longer from a cold start (18–22 against 14–15
     * s), the compiler and the collector wanting the same two cores.
     */
    private void writeRun(OutputStream out, int from, int to, List<Block> here) throws IOException {
        StringBuilder w = new StringBuilder(START_AT);
        BlockWriter bw = new BlockWriter(w);
        for (int r = from; r <= to; r++) {
            writeRow(w, r, null, here, bw);
            if (w.length() >= FLUSH_AT) {
                write(out, w);
                w.setLength(0);
            }
        }
        write(out, w);
    }

    private void writeRow(StringBuilder w, int r0, Row row, List<Block> here, BlockWriter bw) {
        int r = r0 + 1;
        w.append("<row r=\"").append(r).append('"');
        if (row != null && row.height >= 0) {
            w.append(" ht=\"");
            w.append(Float.toString(row.height));
            w.append("\" customHeight=\"true\"");
        }
        if (here.isEmpty() && row.cells.isEmpty()) {
            w.append("/>");
            return;
        }
        w.append('>');
        here.sort(Comparator.comparingInt(Block::firstCol));
        int next = 0;
        bw.row = r;
        if (row != null) {
            for (Map.Entry<Integer, Cell> ce : row.cells.entrySet()) {
                while (next < here.size() && here.get(next).lastCol < ce.getKey()) {
                    Block b = here.get(next++);
                    b.source.write(r0 - b.firstRow, bw);
                }
                if (next < here.size() && here.get(next).firstCol <= ce.getKey()) {
                    throw new IllegalStateException("a cell inside a block on " + settings.name() + " row " + r);
                }
                cell(w, ce.getKey(), r, ce.getValue());
            }
        }
        while (next < here.size()) {
            Block b = here.get(next++);
            b.source.write(r0 - b.firstRow, bw);
        }
        w.append("</row>");
    }

    /** Writes a block row's cells as they come. */
    private static final class BlockWriter extends Collect {
        private final StringBuilder w;
        private final StringBuilder scratch = new StringBuilder(256);
        int row;

        BlockWriter(StringBuilder w) {
            this.w = w;
        }

        @Override
        void put(int col, Cell cell) {
            cell(w, col, row, cell);
        }

        @Override
        public void formula(int col, Expr expr, Refs refs, Object cached, Style style) {
            scratch.setLength(0);
            expr.appendFormula(refs, scratch);
            cell(w, col, row, formulaCell(null, cached, style), scratch);
        }
    }

    private static final String[] LETTERS = new String[256];

    private static String letters(int col) {
        if (col < LETTERS.length) {
            String l = LETTERS[col];
            if (l == null) {
                l = CellReference.convertNumToColString(col);
                LETTERS[col] = l;
            }
            return l;
        }
        return CellReference.convertNumToColString(col);
    }

    private static void cell(StringBuilder w, int col, int r, Cell c) {
        cell(w, col, r, c, c.formula());
    }

    /** A cell; a formula cell's text is {@code formula} (kept in the cell, or made into a buffer just before). */
    private static void cell(StringBuilder w, int col, int r, Cell c, CharSequence formula) {
        w.append("<c r=\"");
        w.append(letters(col));
        w.append(r);
        w.append('"');
        if (c.style() != null && c.style().index() != 0) {
            w.append(" s=\"");
            w.append(c.style().index());
            w.append('"');
        }
        switch (c.kind()) {
            case BLANK -> w.append("/>");
            case TEXT -> {
                w.append(" t=\"inlineStr\"><is><t");
                if (!c.value().isEmpty()
                        && (Character.isWhitespace(c.value().charAt(0))
                                || Character.isWhitespace(
                                        c.value().charAt(c.value().length() - 1)))) {
                    w.append(" xml:space=\"preserve\"");
                }
                w.append('>');
                escape(c.value(), w);
                w.append("</t></is></c>");
            }
            case NUMBER -> value(w, null, null, c.value());
            case BOOLEAN -> value(w, "b", null, c.value());
            case FORMULA_NUMBER -> value(w, null, formula, c.value());
            case FORMULA_BOOLEAN -> value(w, "b", formula, c.value());
            case FORMULA_TEXT -> value(w, "str", formula, c.value());
            default -> throw new IllegalStateException(c.kind().name());
        }
    }

    private static void value(StringBuilder w, String type, CharSequence formula, String value) {
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

    /**
     * XML text; characters XML 1.0 cannot hold (control characters, a lone surrogate) become U+FFFD. A character
     * beyond Latin-1 (€, −, ×) is written as a character reference ({@code &#8364;}): the text then stays one byte
     * per character in memory and is encoded by the fast path (measured: a third of the writing time of a small
     * workbook went to buffers widened to two bytes per character by one euro sign).
     */
    static void escape(CharSequence text, StringBuilder w) {
        // A String's ranges are copied whole; another CharSequence's would go character by character.
        String s = text.toString();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '@' && ch <= 0xFF) {
                continue;
            }
            String rep;
            int skip = 0;
            if (ch > 0xFF) {
                if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    rep = "&#" + Character.toCodePoint(ch, s.charAt(i + 1)) + ";";
                    skip = 1;
                } else if (Character.isSurrogate(ch) || ch == 0xFFFE || ch == 0xFFFF) {
                    rep = "&#65533;";
                } else {
                    rep = "&#" + (int) ch + ";";
                }
            } else {
                rep = switch (ch) {
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '&' -> "&amp;";
                    case '"' -> "&quot;";
                    case '\t', '\n' -> null;
                    case '\r' -> "&#13;";
                    default -> ch < 0x20 ? "&#65533;" : null;
                };
            }
            if (rep != null) {
                w.append(s, start, i);
                w.append(rep);
                i += skip;
                start = i + 1;
            }
        }
        if (start == 0) {
            w.append(s);
        } else {
            w.append(s, start, s.length());
        }
    }
}
