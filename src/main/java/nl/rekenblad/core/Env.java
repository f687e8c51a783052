package nl.rekenblad.core;

/**
 * Values by key while an expression is evaluated: {@link java.math.BigDecimal}, {@link Boolean},
 * {@link String}, or {@code null} for a blank input (which counts as zero, as in a spreadsheet).
 * Tables (a column per {@link RowStep} or input field, a row per asset) are read by column and row.
 */
@FunctionalInterface
public interface Env {
    Object get(String key);

    /** The value of {@code column} on {@code row}; throws {@link IllegalStateException} for an unknown column. */
    default Object row(String column, int row) {
        throw new IllegalStateException("unknown column " + column);
    }

    /** The rows {@code column} has, in order. */
    default int[] rows(String column) {
        throw new IllegalStateException("unknown column " + column);
    }
}
