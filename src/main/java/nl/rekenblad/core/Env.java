package nl.rekenblad.core;

/**
 * Values by key while an expression is evaluated: {@link java.math.BigDecimal}, {@link Boolean},
 * {@link String}, or {@code null} for a blank input (which counts as zero, as in a spreadsheet).
 */
@FunctionalInterface
public interface Env {
    Object get(String key);
}
