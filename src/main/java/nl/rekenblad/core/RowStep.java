package nl.rekenblad.core;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A step repeated on every row of a table (one row per asset of a register), defined once: {@code step} gives the
 * row's {@link Step}, whose expression refers to its own row's cells with {@link Expr#cell}. A register of 60.000
 * assets is then some sixty definitions rather than millions of steps: each row's step is made when it is evaluated,
 * written or explained, and dropped again. The function must be pure (the same step for the same row, every time).
 *
 * @param column the column's key; other steps refer to a row's value with {@code Expr.cell(column, row)}
 * @param rows   the rows the column has (row numbers of the table, ascending), a subset for some columns
 * @param step   the step of one row; its key is ignored in favour of {@code column}
 * @param explained whether some rows' steps are explained on a line of their own (the others are not looked at)
 */
public record RowStep(String column, int[] rows, IntFunction<Step> step, boolean explained)
        implements Calculation.Part {
    /** A column no row of which is explained on its own line. */
    public RowStep(String column, int[] rows, IntFunction<Step> step) {
        this(column, rows, step, false);
    }

    public RowStep {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(step, "step");
        for (int i = 1; i < rows.length; i++) {
            if (rows[i] <= rows[i - 1]) {
                throw new IllegalArgumentException("rows of " + column + " not ascending");
            }
        }
    }

    /** The step of {@code row}. */
    public Step at(int row) {
        return step.apply(row);
    }

    /** The rows 0 … n−1. */
    public static int[] all(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
