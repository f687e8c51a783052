package nl.rekenblad.internal.workbook;

import org.apache.poi.ss.util.CellRangeAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sheet written straight to the package: its cells and its settings as plain data, written as the worksheet part
 * by {@link PackageWriter}. Not thread-safe.
 */
final class PackageSheet implements SheetSettings {
    /** A drop-down list on a range. */
    record Choices(String sqref, List<String> words) {}

    private final String name;
    final SheetCells cells;
    /** Column widths in 1/256 of a character, by column. */
    final TreeMap<Integer, Integer> widths = new TreeMap<>();

    int freezeCols;
    int freezeRows;
    final List<String> merges = new ArrayList<>();
    final List<Choices> choices = new ArrayList<>();
    /** Whether the page setup was made, and for how many columns (0: fitted whatever the width). */
    boolean pageSetup;

    int pageColumns;
    /** The print area's last column and row, or -1. */
    int printLastCol = -1;

    int printLastRow = -1;

    PackageSheet(String name, Styles styles) {
        this.name = name;
        this.cells = new SheetCells(this, styles);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void width(int col, int characters) {
        widths.put(col, characters * 256);
    }

    @Override
    public int width(int col) {
        return widths.getOrDefault(col, DEFAULT_WIDTH);
    }

    @Override
    public void freeze(int cols, int rows) {
        freezeCols = cols;
        freezeRows = rows;
    }

    @Override
    public void merge(int firstRow, int lastRow, int firstCol, int lastCol) {
        merges.add(range(firstRow, lastRow, firstCol, lastCol));
    }

    @Override
    public void choices(int firstRow, int lastRow, int firstCol, int lastCol, List<String> words) {
        choices.add(new Choices(range(firstRow, lastRow, firstCol, lastCol), List.copyOf(words)));
    }

    @Override
    public void pageSetup(int columns) {
        pageSetup = true;
        pageColumns = columns;
    }

    @Override
    public void printArea(int lastCol, int lastRow) {
        printLastCol = lastCol;
        printLastRow = lastRow;
    }

    /** Whether the sheet prints fitted to one page wide. */
    boolean fitted() {
        return pageSetup && pageColumns <= SheetSetup.FIT_COLUMNS;
    }

    private static String range(int firstRow, int lastRow, int firstCol, int lastCol) {
        return new CellRangeAddress(firstRow, lastRow, firstCol, lastCol).formatAsString();
    }

    /** The widths as {@code <col>} elements, one per column as POI writes them. */
    void writeCols(StringBuilder w) {
        if (widths.isEmpty()) {
            return;
        }
        w.append("<cols>");
        for (Map.Entry<Integer, Integer> e : widths.entrySet()) {
            int n = e.getKey() + 1;
            w.append("<col min=\"").append(n).append("\" max=\"").append(n).append("\" width=\"");
            w.append(PackageWriter.decimal(e.getValue(), 256));
            w.append("\" customWidth=\"1\"/>");
        }
        w.append("</cols>");
    }
}
