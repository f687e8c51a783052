package nl.rekenblad.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * A calculation rule over keys, written once: it evaluates exactly in Java ({@link #eval}) and
 * prints as an en-US spreadsheet formula ({@link #formula}). Immutable and thread-safe.
 *
 * <p>Values are {@link BigDecimal}, {@link Boolean} or {@link String}; a blank input
 * ({@code null}) counts as zero in arithmetic, as in Excel. Each operation has the semantics of the
 * spreadsheet function it prints as: {@code ROUNDUP} rounds away from zero ({@link
 * RoundingMode#UP}), {@code ROUND} rounds half away from zero ({@link RoundingMode#HALF_UP}).
 */
public abstract class Expr {
    /** Division keeps 34 significant digits; results are rounded only in named steps. */
    public static final MathContext DIVISION = MathContext.DECIMAL128;

    private static final int CMP = 1;
    private static final int ADD = 2;
    private static final int MUL = 3;
    private static final int ATOM = 9;

    Expr() {}

    /** Evaluates exactly against {@code env}. */
    public abstract Object eval(Env env);

    /**
     * Appends the formula text (en-US notation, no leading {@code =}) to {@code out}: the one printing path of every
     * node; the nodes a register writes per asset build their text in one buffer rather than string by string.
     */
    abstract void append(Refs refs, StringBuilder out);

    /** The formula text without the leading {@code =}, in en-US notation. */
    public final String formula(Refs refs) {
        StringBuilder sb = new StringBuilder(64);
        append(refs, sb);
        return sb.toString();
    }

    /** Appends {@link #formula} to {@code out}. */
    public final void appendFormula(Refs refs, StringBuilder out) {
        append(refs, out);
    }

    /** The formula with each key by its own name (a table cell as {@code column[row]}), for messages. */
    @Override
    public final String toString() {
        return formula(SYMBOLIC);
    }

    private static final Refs SYMBOLIC = new Refs() {
        @Override
        public Target target(String key) {
            return new Target.Name(key);
        }

        @Override
        public String currentSheet() {
            return "";
        }

        @Override
        public String range(String column) {
            return column + "[*]";
        }
    };

    int precedence() {
        return ATOM;
    }

    /** Evaluates and requires a number (blank counts as zero). */
    public BigDecimal number(Env env) {
        return toNumber(eval(env));
    }

    // ---- factories ------------------------------------------------------------------------

    /** A value by key: an input cell, a parameter or an earlier step. */
    public static Expr ref(String key) {
        return new Ref(key);
    }

    public static Expr num(String plain) {
        return switch (plain) {
            case "0" -> ZERO;
            case "1" -> ONE;
            case "12" -> TWELVE;
            default -> new Const(new BigDecimal(plain));
        };
    }

    /** The constants a register's steps use per asset, made once (an expression is immutable). */
    private static final Expr ZERO = new Const(BigDecimal.ZERO);

    private static final Expr ONE = new Const(BigDecimal.ONE);
    private static final Expr TWELVE = new Const(BigDecimal.valueOf(12));

    public static Expr num(BigDecimal value) {
        return new Const(value);
    }

    public static Expr text(String value) {
        return new Const(value);
    }

    public static Expr bool(boolean value) {
        return new Const(value);
    }

    public static Expr plus(Expr a, Expr b) {
        return new Binary(Op.PLUS, a, b);
    }

    public static Expr minus(Expr a, Expr b) {
        return new Binary(Op.MINUS, a, b);
    }

    public static Expr times(Expr a, Expr b) {
        return new Binary(Op.TIMES, a, b);
    }

    public static Expr divide(Expr a, Expr b) {
        return new Binary(Op.DIVIDE, a, b);
    }

    public static Expr lessOrEqual(Expr a, Expr b) {
        return new Binary(Op.LESS_OR_EQUAL, a, b);
    }

    public static Expr less(Expr a, Expr b) {
        return new Binary(Op.LESS, a, b);
    }

    public static Expr greater(Expr a, Expr b) {
        return new Binary(Op.GREATER, a, b);
    }

    public static Expr greaterOrEqual(Expr a, Expr b) {
        return new Binary(Op.GREATER_OR_EQUAL, a, b);
    }

    /** Text or number equality ({@code =}); text compares case-insensitively, as Excel does. */
    public static Expr equal(Expr a, Expr b) {
        return new Binary(Op.EQUAL, a, b);
    }

    /** {@code SUM(…)}; consecutive cells print as one range. */
    public static Expr sum(List<Expr> terms) {
        return new Sum(List.copyOf(terms));
    }

    public static Expr sumOf(List<String> keys) {
        return sum(keys.stream().map(Expr::ref).toList());
    }

    public static Expr max(Expr a, Expr b) {
        return new Fn(Function.MAX, List.of(a, b));
    }

    public static Expr min(Expr a, Expr b) {
        return new Fn(Function.MIN, List.of(a, b));
    }

    public static Expr and(Expr... terms) {
        return new Fn(Function.AND, List.of(terms));
    }

    public static Expr or(Expr... terms) {
        return new Fn(Function.OR, List.of(terms));
    }

    public static Expr not(Expr a) {
        return new Fn(Function.NOT, List.of(a));
    }

    /** {@code LOWER(text)}. */
    public static Expr lower(Expr a) {
        return new Fn(Function.LOWER, List.of(a));
    }

    /** {@code ISBLANK(key)}: true when the input cell is empty. */
    public static Expr isBlank(String key) {
        return new Fn(Function.ISBLANK, List.of(ref(key)));
    }

    /** {@code ISBLANK(cell)}: true when the input cell (a {@link #ref} or a {@link #cell}) is empty. */
    public static Expr isBlank(Expr cell) {
        if (!(cell instanceof Ref || cell instanceof RowRef)) {
            throw new IllegalArgumentException("ISBLANK of a cell only");
        }
        return new Fn(Function.ISBLANK, List.of(cell));
    }

    /**
     * The value of {@code column} on row {@code row} of a table: one of the steps a {@link RowStep} repeats
     * per row, or an input column (one register row per asset). Prints as that row's cell.
     */
    public static Expr cell(String column, int row) {
        return new RowRef(column, row);
    }

    /** {@code SUM(range)} over every row of a table's column: one range however many rows it has. */
    public static Expr sumColumn(String column) {
        return new SumIfs(new Range.Column(column), List.of(), List.of());
    }

    /**
     * {@code SUMIFS(sum, crit1, value1, …)} over whole columns of one table: sums {@code sumColumn} on the rows where
     * every {@code criteriaColumns[j]} equals {@code values[j]} (numbers numerically, text case-insensitively).
     */
    public static Expr sumIfsColumns(String sumColumn, List<String> criteriaColumns, List<Expr> values) {
        if (criteriaColumns.size() != values.size()) {
            throw new IllegalArgumentException("a value per criteria column");
        }
        return new SumIfs(
                new Range.Column(sumColumn),
                criteriaColumns.stream().<Range>map(Range.Column::new).toList(),
                List.copyOf(values));
    }

    public static Expr ifThen(Expr condition, Expr then, Expr otherwise) {
        return new Fn(Function.IF, List.of(condition, then, otherwise));
    }

    /** {@code YEAR(date)}: the year of a date held as a spreadsheet serial number. */
    public static Expr year(Expr date) {
        return new DatePart(java.time.temporal.ChronoField.YEAR, date);
    }

    /** {@code MONTH(date)}: the month (1–12) of a date held as a spreadsheet serial number. */
    public static Expr month(Expr date) {
        return new DatePart(java.time.temporal.ChronoField.MONTH_OF_YEAR, date);
    }

    /**
     * {@code SUMIFS(sum, crit1, value1, …)} over keys that lie in one column (or row) each: sums
     * {@code sumKeys[i]} where every {@code criteriaKeys[j][i]} equals {@code values[j]} (numbers
     * compare numerically, text case-insensitively).
     */
    public static Expr sumIfs(List<String> sumKeys, List<List<String>> criteriaKeys, List<Expr> values) {
        for (List<String> c : criteriaKeys) {
            if (c.size() != sumKeys.size()) {
                throw new IllegalArgumentException("criteria range of another size");
            }
        }
        return new SumIfs(
                new Range.Keys(List.copyOf(sumKeys)),
                criteriaKeys.stream()
                        .<Range>map(k -> new Range.Keys(List.copyOf(k)))
                        .toList(),
                List.copyOf(values));
    }

    /**
     * A value computed elsewhere (for example while a large input was streamed), known by {@code
     * valueKey}, whose formula is written by {@code formula} (such as a SUMIFS over a column).
     */
    public static Expr given(String valueKey, java.util.function.Function<Refs, String> formula) {
        return new Given(valueKey, formula);
    }

    /** {@code INT(x)}: whole number towards minus infinity, as Excel. */
    public static Expr floor(Expr a) {
        return new Whole(a, false);
    }

    /** {@code -INT(-x)}: whole number towards plus infinity. */
    public static Expr ceiling(Expr a) {
        return new Whole(a, true);
    }

    /** {@code ROUNDUP(x, digits)}: away from zero, as Excel. */
    public static Expr roundUp(Expr a, int digits) {
        return new Round("ROUNDUP", RoundingMode.UP, a, digits);
    }

    /** {@code ROUNDDOWN(x, digits)}: towards zero, as Excel. */
    public static Expr roundDown(Expr a, int digits) {
        return new Round("ROUNDDOWN", RoundingMode.DOWN, a, digits);
    }

    /** {@code ROUND(x, digits)}: half away from zero, as Excel. */
    public static Expr round(Expr a, int digits) {
        return new Round("ROUND", RoundingMode.HALF_UP, a, digits);
    }

    // ---- helpers -------------------------------------------------------------------------

    static BigDecimal toNumber(Object v) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        throw new IllegalStateException("a number was expected, found text \"" + v + "\"");
    }

    static boolean toBool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        return toNumber(v).signum() != 0;
    }

    static void appendChild(Expr e, Refs refs, int minPrecedence, StringBuilder out) {
        boolean brackets = e.precedence() < minPrecedence;
        if (brackets) {
            out.append('(');
        }
        e.append(refs, out);
        if (brackets) {
            out.append(')');
        }
    }

    // ---- nodes ---------------------------------------------------------------------------

    static final class Ref extends Expr {
        final String key;

        Ref(String key) {
            this.key = Objects.requireNonNull(key);
        }

        @Override
        public Object eval(Env env) {
            return env.get(key);
        }

        @Override
        void append(Refs refs, StringBuilder out) {
            Target t = refs.target(key);
            if (t instanceof Target.Name n) {
                out.append(n.name());
            } else {
                ((Target.Cell) t).appendA1(refs.currentSheet(), out);
            }
        }
    }

    static final class RowRef extends Expr {
        final String column;
        final int row;

        RowRef(String column, int row) {
            this.column = Objects.requireNonNull(column);
            this.row = row;
        }

        @Override
        public Object eval(Env env) {
            return env.row(column, row);
        }

        @Override
        void append(Refs refs, StringBuilder out) {
            if (refs == SYMBOLIC) {
                out.append(column).append('[').append(row).append(']');
            } else {
                refs.row(column, row).appendA1(refs.currentSheet(), out);
            }
        }
    }

    static final class Const extends Expr {
        final Object value;

        Const(Object value) {
            this.value = Objects.requireNonNull(value);
        }

        @Override
        public Object eval(Env env) {
            return value;
        }

        @Override
        void append(Refs refs, StringBuilder out) {
            if (value instanceof BigDecimal d) {
                out.append(d.toPlainString());
            } else if (value instanceof Boolean b) {
                out.append(b ? "TRUE" : "FALSE");
            } else {
                out.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
            }
        }

        @Override
        int precedence() {
            return value instanceof BigDecimal d && d.signum() < 0 ? ADD : ATOM;
        }
    }

    /** The binary operators, each with its spreadsheet symbol, its precedence and its exact meaning. */
    enum Op {
        PLUS("+", ADD) {
            @Override
            Object apply(Object x, Object y) {
                return toNumber(x).add(toNumber(y));
            }
        },
        MINUS("-", ADD) {
            @Override
            Object apply(Object x, Object y) {
                return toNumber(x).subtract(toNumber(y));
            }
        },
        TIMES("*", MUL) {
            @Override
            Object apply(Object x, Object y) {
                return toNumber(x).multiply(toNumber(y));
            }
        },
        DIVIDE("/", MUL) {
            @Override
            Object apply(Object x, Object y) {
                BigDecimal d = toNumber(y);
                if (d.signum() == 0) {
                    throw new ArithmeticException("division by zero");
                }
                return toNumber(x).divide(d, DIVISION);
            }
        },
        /** Text or number equality; text compares case-insensitively, as Excel does. */
        EQUAL("=", CMP) {
            @Override
            Object apply(Object x, Object y) {
                if (x instanceof String || y instanceof String) {
                    return String.valueOf(x == null ? "" : x).equalsIgnoreCase(String.valueOf(y == null ? "" : y));
                }
                return compare(x, y) == 0;
            }
        },
        LESS("<", CMP) {
            @Override
            Object apply(Object x, Object y) {
                return compare(x, y) < 0;
            }
        },
        LESS_OR_EQUAL("<=", CMP) {
            @Override
            Object apply(Object x, Object y) {
                return compare(x, y) <= 0;
            }
        },
        GREATER(">", CMP) {
            @Override
            Object apply(Object x, Object y) {
                return compare(x, y) > 0;
            }
        },
        GREATER_OR_EQUAL(">=", CMP) {
            @Override
            Object apply(Object x, Object y) {
                return compare(x, y) >= 0;
            }
        };

        final String symbol;
        final int precedence;

        Op(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        abstract Object apply(Object x, Object y);

        private static int compare(Object x, Object y) {
            return toNumber(x).compareTo(toNumber(y));
        }
    }

    static final class Binary extends Expr {
        final Op op;
        final Expr a;
        final Expr b;

        Binary(Op op, Expr a, Expr b) {
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override
        public Object eval(Env env) {
            try {
                return op.apply(a.eval(env), b.eval(env));
            } catch (ArithmeticException e) {
                throw new ArithmeticException(e.getMessage() + " in " + this);
            }
        }

        @Override
        void append(Refs refs, StringBuilder out) {
            // Left-associative: the right operand needs brackets at equal precedence (a-(b-c)).
            appendChild(a, refs, op.precedence, out);
            out.append(op.symbol);
            appendChild(b, refs, op.precedence + 1, out);
        }

        @Override
        int precedence() {
            return op.precedence;
        }
    }

    static final class Sum extends Expr {
        final List<Expr> terms;

        Sum(List<Expr> terms) {
            this.terms = terms;
        }

        @Override
        public Object eval(Env env) {
            BigDecimal total = BigDecimal.ZERO;
            for (Expr t : terms) {
                total = total.add(toNumber(t.eval(env)));
            }
            return total;
        }

        @Override
        void append(Refs refs, StringBuilder out) {
            if (terms.isEmpty()) {
                out.append('0');
                return;
            }
            out.append("SUM(");
            int i = 0;
            while (i < terms.size()) {
                if (i > 0) {
                    out.append(',');
                }
                Target.Cell first = cellOf(terms.get(i), refs);
                int j = i;
                if (first != null && i + 1 < terms.size()) {
                    Target.Cell second = cellOf(terms.get(i + 1), refs);
                    int dRow = second == null ? 0 : second.row() - first.row();
                    int dCol = second == null ? 0 : second.col() - first.col();
                    // A run continues while each next cell is one further in the same direction.
                    if (second != null
                            && second.sheet().equals(first.sheet())
                            && dRow + dCol == 1
                            && (dRow == 0 || dCol == 0)) {
                        j = i + 1;
                        while (j + 1 < terms.size()) {
                            Target.Cell next = cellOf(terms.get(j + 1), refs);
                            int k = j + 1 - i;
                            if (next == null
                                    || !next.sheet().equals(first.sheet())
                                    || next.row() != first.row() + k * dRow
                                    || next.col() != first.col() + k * dCol) {
                                break;
                            }
                            j++;
                        }
                    }
                }
                if (j > i) {
                    Target.Cell last = cellOf(terms.get(j), refs);
                    first.appendA1(refs.currentSheet(), out);
                    out.append(':').append(Target.columnLetters(last.col())).append(last.row() + 1);
                } else {
                    terms.get(i).append(refs, out);
                }
                i = j + 1;
            }
            out.append(')');
        }

        private static Target.Cell cellOf(Expr e, Refs refs) {
            if (refs == SYMBOLIC) {
                return null;
            }
            if (e instanceof RowRef r) {
                return refs.row(r.column, r.row);
            }
            return e instanceof Ref r && refs.target(r.key) instanceof Target.Cell c ? c : null;
        }
    }

    /** The spreadsheet functions, each with its exact meaning over evaluated arguments. */
    enum Function {
        MAX {
            @Override
            Object apply(List<Expr> args, Env env) {
                return toNumber(args.get(0).eval(env)).max(toNumber(args.get(1).eval(env)));
            }
        },
        MIN {
            @Override
            Object apply(List<Expr> args, Env env) {
                return toNumber(args.get(0).eval(env)).min(toNumber(args.get(1).eval(env)));
            }
        },
        AND {
            @Override
            Object apply(List<Expr> args, Env env) {
                for (Expr a : args) {
                    if (!toBool(a.eval(env))) {
                        return false;
                    }
                }
                return true;
            }
        },
        OR {
            @Override
            Object apply(List<Expr> args, Env env) {
                for (Expr a : args) {
                    if (toBool(a.eval(env))) {
                        return true;
                    }
                }
                return false;
            }
        },
        NOT {
            @Override
            Object apply(List<Expr> args, Env env) {
                return !toBool(args.get(0).eval(env));
            }
        },
        ISBLANK {
            @Override
            Object apply(List<Expr> args, Env env) {
                return args.get(0).eval(env) == null;
            }
        },
        LOWER {
            @Override
            Object apply(List<Expr> args, Env env) {
                Object v = args.get(0).eval(env);
                return v == null
                        ? ""
                        : v instanceof String t
                                ? t.toLowerCase(java.util.Locale.ROOT)
                                : ((BigDecimal) v).toPlainString();
            }
        },
        /** Only the branch taken is evaluated, as in a spreadsheet. */
        IF {
            @Override
            Object apply(List<Expr> args, Env env) {
                return toBool(args.get(0).eval(env))
                        ? args.get(1).eval(env)
                        : args.get(2).eval(env);
            }
        };

        abstract Object apply(List<Expr> args, Env env);
    }

    static final class Fn extends Expr {
        final Function function;
        final List<Expr> args;

        Fn(Function function, List<Expr> args) {
            this.function = function;
            this.args = args;
        }

        @Override
        public Object eval(Env env) {
            return function.apply(args, env);
        }

        @Override
        void append(Refs refs, StringBuilder out) {
            out.append(function.name()).append('(');
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                args.get(i).append(refs, out);
            }
            out.append(')');
        }
    }

    static final class Given extends Expr {
        final String key;
        final java.util.function.Function<Refs, String> formula;

        Given(String key, java.util.function.Function<Refs, String> formula) {
            this.key = key;
            this.formula = formula;
        }

        @Override
        public Object eval(Env env) {
            return env.get(key);
        }

        @Override
        void append(Refs refs, StringBuilder out) {
            out.append(refs == SYMBOLIC ? key : formula.apply(refs));
        }
    }

    static final class DatePart extends Expr {
        final java.time.temporal.ChronoField field;
        final Expr date;

        DatePart(java.time.temporal.ChronoField field, Expr date) {
            this.field = field;
            this.date = date;
        }

        @Override
        public Object eval(Env env) {
            return BigDecimal.valueOf(
                    SpreadsheetDate.toDate(toNumber(date.eval(env))).get(field));
        }

        @Override
        void append(Refs refs, StringBuilder out) {
            out.append(field == java.time.temporal.ChronoField.YEAR ? "YEAR(" : "MONTH(");
            date.append(refs, out);
            out.append(')');
        }
    }

    /** A range a SUMIFS reads: keys that lie in one column or row, or a table's whole column. */
    sealed interface Range {
        /** The values in order; a table column reads the {@code rows} of the sum's column (null for keys). */
        List<Object> values(Env env, int[] rows);

        void append(Refs refs, StringBuilder out);

        record Keys(List<String> keys) implements Range {
            @Override
            public List<Object> values(Env env, int[] rows) {
                List<Object> out = new java.util.ArrayList<>(keys.size());
                for (String k : keys) {
                    out.add(env.get(k));
                }
                return out;
            }

            @Override
            public void append(Refs refs, StringBuilder out) {
                if (refs == SYMBOLIC) {
                    out.append(keys.get(0)).append(':').append(keys.get(keys.size() - 1));
                    return;
                }
                Target.Cell first = (Target.Cell) refs.target(keys.get(0));
                Target.Cell last = (Target.Cell) refs.target(keys.get(keys.size() - 1));
                for (int i = 0; i < keys.size(); i++) {
                    Target.Cell c = (Target.Cell) refs.target(keys.get(i));
                    boolean inColumn = c.col() == first.col() && c.row() == first.row() + i;
                    boolean inRow = c.row() == first.row() && c.col() == first.col() + i;
                    if (!c.sheet().equals(first.sheet()) || !(inColumn || inRow)) {
                        throw new IllegalStateException("SUMIFS range is not one column or row: " + keys);
                    }
                }
                first.appendA1(refs.currentSheet(), out);
                out.append(':').append(Target.columnLetters(last.col())).append(last.row() + 1);
            }
        }

        record Column(String column) implements Range {
            @Override
            public List<Object> values(Env env, int[] rows) {
                List<Object> out = new java.util.ArrayList<>(rows.length);
                for (int r : rows) {
                    out.add(env.row(column, r));
                }
                return out;
            }

            @Override
            public void append(Refs refs, StringBuilder out) {
                out.append(refs.range(column));
            }
        }
    }

    /**
     * {@code SUMIFS(sum, crit1, value1, …)}, or {@code SUM(sum)} without criteria: the one conditional sum, over keys
     * or over a table's columns. Sums the numbers of {@code sum} where every criterion range equals its value (numbers
     * numerically, text case-insensitively).
     */
    static final class SumIfs extends Expr {
        final Range sum;
        final List<Range> criteria;
        final List<Expr> values;

        SumIfs(Range sum, List<Range> criteria, List<Expr> values) {
            this.sum = sum;
            this.criteria = criteria;
            this.values = values;
        }

        @Override
        public Object eval(Env env) {
            int[] rows = sum instanceof Range.Column c ? env.rows(c.column()) : null;
            List<Object> sums = sum.values(env, rows);
            List<List<Object>> have =
                    criteria.stream().map(c -> c.values(env, rows)).toList();
            List<Object> wanted = values.stream().map(v -> v.eval(env)).toList();
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < sums.size(); i++) {
                boolean match = true;
                for (int j = 0; j < have.size() && match; j++) {
                    match = matches(have.get(j).get(i), wanted.get(j));
                }
                if (match && sums.get(i) instanceof BigDecimal d) {
                    total = total.add(d);
                }
            }
            return total;
        }

        /** A SUMIFS criterion: text equal ignoring case, a number equal as a number. */
        static boolean matches(Object have, Object want) {
            if (want instanceof String w) {
                return have instanceof String h && h.equalsIgnoreCase(w);
            }
            return have instanceof BigDecimal h && h.compareTo(toNumber(want)) == 0;
        }

        @Override
        void append(Refs refs, StringBuilder out) {
            out.append(criteria.isEmpty() ? "SUM(" : "SUMIFS(");
            sum.append(refs, out);
            for (int j = 0; j < criteria.size(); j++) {
                out.append(',');
                criteria.get(j).append(refs, out);
                out.append(',');
                values.get(j).append(refs, out);
            }
            out.append(')');
        }
    }

    static final class Whole extends Expr {
        final Expr a;
        final boolean up;

        Whole(Expr a, boolean up) {
            this.a = a;
            this.up = up;
        }

        @Override
        public Object eval(Env env) {
            return toNumber(a.eval(env)).setScale(0, up ? RoundingMode.CEILING : RoundingMode.FLOOR);
        }

        @Override
        void append(Refs refs, StringBuilder out) {
            if (up) {
                out.append("-INT(-");
                appendChild(a, refs, MUL, out);
            } else {
                out.append("INT(");
                a.append(refs, out);
            }
            out.append(')');
        }

        @Override
        int precedence() {
            return up ? ADD : ATOM;
        }
    }

    static final class Round extends Expr {
        final String name;
        final RoundingMode mode;
        final Expr a;
        final int digits;

        Round(String name, RoundingMode mode, Expr a, int digits) {
            this.name = name;
            this.mode = mode;
            this.a = a;
            this.digits = digits;
        }

        @Override
        public Object eval(Env env) {
            return toNumber(a.eval(env)).setScale(digits, mode);
        }

        @Override
        void append(Refs refs, StringBuilder out) {
            out.append(name).append('(');
            a.append(refs, out);
            out.append(',').append(digits).append(')');
        }
    }
}
