package nl.rekenblad.core;

/** Resolves step, input and parameter keys to spreadsheet targets while a formula is written. */
public interface Refs {
    /** The target of {@code key}; throws {@link IllegalStateException} for an unknown key. */
    Target target(String key);

    /** The sheet the formula is written on, so that local references stay short. */
    String currentSheet();

    /** The cell of {@code column} on {@code row} of a table; throws {@link IllegalStateException} when it has none. */
    default Target.Cell row(String column, int row) {
        throw new IllegalStateException("no cells for column " + column);
    }

    /** All cells of a table's column as one range ({@code KIA!L6:L60005}), as seen from {@link #currentSheet()}. */
    default String range(String column) {
        throw new IllegalStateException("no cells for column " + column);
    }
}
