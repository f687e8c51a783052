package nl.rekenblad.internal.workbook;

import java.util.List;

/**
 * Everything about a sheet besides its cells: column widths, frozen panes, merged cells, lists to choose from, page
 * setup and print area. One interface for a sheet in POI's model (a bookkeeper's workbook) and a sheet written
 * straight to the package, so a template or result sheet is built by one code for both.
 */
public interface SheetSettings {
    /** The width POI and Excel give a column without one: 8 characters, in 1/256 of a character. */
    int DEFAULT_WIDTH = 8 * 256;

    /** The default row height in points. */
    float DEFAULT_ROW_HEIGHT = 15f;

    String name();

    /** Sets the width of column {@code col} to {@code characters} characters (of the default font's '0'). */
    void width(int col, int characters);

    /** The width of column {@code col} in 1/256 of a character. */
    int width(int col);

    /** The default row height in points. */
    default float defaultRowHeight() {
        return DEFAULT_ROW_HEIGHT;
    }

    /** Freezes the first {@code cols} columns and {@code rows} rows. */
    void freeze(int cols, int rows);

    /** Merges a range of cells. */
    void merge(int firstRow, int lastRow, int firstCol, int lastCol);

    /** A drop-down list of {@code words} on a range of cells; another value is refused with an error box. */
    void choices(int firstRow, int lastRow, int firstCol, int lastCol, List<String> words);

    /**
     * A4 landscape, fitted to one page wide (how a bookkeeper prints a working paper), and no "number stored as text"
     * warnings. A sheet of more than {@link SheetSetup#FIT_COLUMNS} columns is printed at full size across pages
     * instead, with its label column on every page: fitted, it would print too small to read.
     */
    void pageSetup(int columns);

    /** As {@link #pageSetup(int)} for a sheet fitted to one page wide whatever its columns. */
    default void pageSetup() {
        pageSetup(0);
    }

    /** Prints columns A … {@code lastCol}, rows 1 … {@code lastRow} + 1 only. */
    void printArea(int lastCol, int lastRow);
}
