package nl.rekenblad.core;

import java.util.Objects;

/**
 * One step of a calculation, defined once: its key, the Dutch label and rule in words, the
 * official source, and the {@link Expr} that yields both the Java value and the cell formula.
 * Immutable.
 *
 * @param key      unique within its calculation; other steps refer to it
 * @param label    short Dutch label, as on the sheet ("5c Subtotaal")
 * @param rule     the rule in Dutch words, for the Toelichting sheet; empty for plain sums
 * @param source   where the rule comes from; empty where it is plain arithmetic
 * @param expr     how the value follows from inputs, parameters and earlier steps
 * @param format   how the value is shown
 * @param name     the defined name the result cell gets, or {@code null}
 * @param explain  whether the step gets its own line on the Toelichting sheet
 */
public record Step(
        String key, String label, String rule, String source, Expr expr, Format format, String name, boolean explain)
        implements Calculation.Part {

    /** How a step's value is shown. */
    public enum Format {
        BEDRAG,
        GETAL,
        PROCENT,
        JAAR,
        JANEE,
        TEKST
    }

    public Step {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(format, "format");
        rule = rule == null ? "" : rule;
        source = source == null ? "" : source;
    }

    /** Starts an explained amount step; refine with the {@code with…} methods. */
    public static Step amount(String key, String label, Expr expr) {
        return new Step(key, label, "", "", expr, Format.BEDRAG, null, true);
    }

    public Step rule(String ruleText, String sourceText) {
        return new Step(key, label, ruleText, sourceText, expr, format, name, explain);
    }

    public Step named(String definedName) {
        return new Step(key, label, rule, source, expr, format, definedName, explain);
    }

    public Step format(Format f) {
        return new Step(key, label, rule, source, expr, f, name, explain);
    }

    /** A step that is shown in its cell but not explained on its own line (a period column). */
    public Step unexplained() {
        return new Step(key, label, rule, source, expr, format, name, false);
    }
}
