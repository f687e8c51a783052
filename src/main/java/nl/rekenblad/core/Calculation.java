package nl.rekenblad.core;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered list of {@link Step}s and the exact values they evaluate to, given inputs and
 * parameters. Immutable once built.
 */
public final class Calculation {
    private final List<Step> steps;
    private final Map<String, Object> values;
    private final Map<String, Step> byKey;

    private Calculation(List<Step> steps, Map<String, Object> values) {
        this.steps = steps;
        this.values = values;
        Map<String, Step> index = new java.util.HashMap<>(steps.size() * 2);
        for (Step s : steps) {
            index.put(s.key(), s);
        }
        this.byKey = index;
    }

    /**
     * Evaluates {@code steps} in order. {@code known} holds input and parameter values by key;
     * a key that is neither known nor an earlier step is a programming error.
     */
    public static Calculation evaluate(List<Step> steps, Map<String, ?> known) {
        Map<String, Object> values = new LinkedHashMap<>();
        Env env = key -> {
            if (values.containsKey(key)) {
                return values.get(key);
            }
            if (known.containsKey(key)) {
                return known.get(key);
            }
            throw new IllegalStateException("unknown key " + key);
        };
        for (Step s : steps) {
            if (values.containsKey(s.key())) {
                throw new IllegalStateException("duplicate step " + s.key());
            }
            Object v = s.expr().eval(env);
            // A formula that only points at an empty cell shows 0 in a spreadsheet; so does the step.
            values.put(s.key(), v == null ? BigDecimal.ZERO : v);
        }
        return new Calculation(List.copyOf(steps), Collections.unmodifiableMap(values));
    }

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

    /** The exact value of a step: {@link BigDecimal}, {@link Boolean} or {@link String}. */
    public Object value(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("no step " + key);
        }
        return values.get(key);
    }

    public Money money(String key) {
        return Money.of(Expr.toNumber(value(key)));
    }

    public boolean bool(String key) {
        return Expr.toBool(value(key));
    }

    public String text(String key) {
        return String.valueOf(value(key));
    }
}
