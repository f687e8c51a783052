package nl.rekenblad.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered list of {@link Step}s (and {@link RowStep}s, a step repeated per row of a table) and the exact values
 * they evaluate to, given inputs and parameters. Immutable once built.
 *
 * <p>A table's values are kept per column, one array slot per row; its steps are made again from their one
 * definition whenever a row is written or explained, so memory grows with the number of rows, not with the steps.
 */
public final class Calculation {
    /** A part of a calculation: one step, or a step repeated per row of a table. */
    public sealed interface Part permits Step, RowStep {}

    /** From this many rows on a repeated step is evaluated in parallel (the step functions must be pure). */
    private final List<Part> parts;

    private final List<Step> steps;
    private final Map<String, Object> values;
    private final Map<String, Step> byKey;
    private final Map<String, RowStep> columns;
    private final Map<String, Object[]> columnValues;

    private Calculation(
            List<Part> parts,
            Map<String, Object> values,
            Map<String, RowStep> columns,
            Map<String, Object[]> columnValues) {
        this.parts = parts;
        this.values = values;
        this.columns = columns;
        this.columnValues = columnValues;
        List<Step> scalar = new ArrayList<>();
        Map<String, Step> index = new HashMap<>();
        for (Part p : parts) {
            if (p instanceof Step s) {
                scalar.add(s);
                index.put(s.key(), s);
            }
        }
        this.steps = List.copyOf(scalar);
        this.byKey = index;
    }

    /**
     * Evaluates {@code steps} in order. {@code known} holds input and parameter values by key;
     * a key that is neither known nor an earlier step is a programming error.
     */
    public static Calculation evaluate(List<Step> steps, Map<String, ?> known) {
        return evaluate(steps, known, Map.of());
    }

    /**
     * Evaluates {@code parts} in order: a {@link Step} once, a {@link RowStep} on each of its rows. {@code known}
     * holds input and parameter values by key, {@code knownColumns} input columns by column key (one slot per row).
     */
    public static Calculation evaluate(
            List<? extends Part> parts, Map<String, ?> known, Map<String, Object[]> knownColumns) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, RowStep> columns = new HashMap<>();
        Map<String, Object[]> columnValues = new HashMap<>();
        Env env = new Env() {
            @Override
            public Object get(String key) {
                Object v = values.get(key);
                if (v != null) {
                    return v;
                }
                if (known.containsKey(key)) {
                    return known.get(key);
                }
                throw new IllegalStateException("unknown key " + key);
            }

            @Override
            public Object row(String column, int row) {
                Object[] computed = columnValues.get(column);
                if (computed != null) {
                    return computed[row];
                }
                Object[] input = knownColumns.get(column);
                if (input == null) {
                    throw new IllegalStateException("unknown column " + column);
                }
                return input[row];
            }

            @Override
            public int[] rows(String column) {
                RowStep rs = columns.get(column);
                if (rs == null) {
                    throw new IllegalStateException("not a computed column: " + column);
                }
                return rs.rows();
            }
        };
        for (Part p : parts) {
            if (p instanceof Step s) {
                if (values.containsKey(s.key()) || columns.containsKey(s.key())) {
                    throw new IllegalStateException("duplicate step " + s.key());
                }
                Object v = s.expr().eval(env);
                // A formula that only points at an empty cell shows 0 in a spreadsheet; so does the step.
                values.put(s.key(), v == null ? BigDecimal.ZERO : v);
            } else {
                RowStep rs = (RowStep) p;
                if (values.containsKey(rs.column())
                        || columns.containsKey(rs.column())
                        || knownColumns.containsKey(rs.column())) {
                    throw new IllegalStateException("duplicate column " + rs.column());
                }
                int size = rs.rows().length == 0 ? 0 : rs.rows()[rs.rows().length - 1] + 1;
                Object[] out = new Object[size];
                for (int row : rs.rows()) {
                    Object v = rs.at(row).expr().eval(env);
                    out[row] = v == null ? BigDecimal.ZERO : v;
                }
                columns.put(rs.column(), rs);
                columnValues.put(rs.column(), out);
            }
        }
        return new Calculation(
                List.copyOf(parts), Collections.unmodifiableMap(values), Map.copyOf(columns), Map.copyOf(columnValues));
    }

    /** Every part in order, steps and repeated steps. */
    public List<Part> parts() {
        return parts;
    }

    /** The steps that are not repeated per row, in order. */
    public List<Step> steps() {
        return steps;
    }

    public Step step(String key) {
        Step s = byKey.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no step " + key);
        }
        return s;
    }

    /** Whether the calculation has a step {@code key} (some steps exist only for some inputs). */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Whether {@code column} is a step repeated per row. */
    public boolean isColumn(String column) {
        return columns.containsKey(column);
    }

    public RowStep column(String column) {
        RowStep rs = columns.get(column);
        if (rs == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return rs;
    }

    /** The exact value of a step: {@link BigDecimal}, {@link Boolean} or {@link String}. */
    public Object value(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("no step " + key);
        }
        return values.get(key);
    }

    /** The exact value of a repeated step on {@code row}. */
    public Object value(String column, int row) {
        Object[] v = columnValues.get(column);
        if (v == null || row < 0 || row >= v.length || v[row] == null) {
            throw new IllegalArgumentException("no value of " + column + " on row " + row);
        }
        return v[row];
    }

    /** The values of a repeated step by row ({@code null} for a row it does not have), read-only. */
    public List<Object> values(String column) {
        Object[] v = columnValues.get(column);
        if (v == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return Collections.unmodifiableList(java.util.Arrays.asList(v));
    }

    public Money money(String key) {
        return Money.of(Expr.toNumber(value(key)));
    }

    public Money money(String column, int row) {
        return Money.of(Expr.toNumber(value(column, row)));
    }

    public boolean bool(String key) {
        return Expr.toBool(value(key));
    }

    public boolean bool(String column, int row) {
        return Expr.toBool(value(column, row));
    }

    public String text(String key) {
        return String.valueOf(value(key));
    }

    public String text(String column, int row) {
        return String.valueOf(value(column, row));
    }
}
