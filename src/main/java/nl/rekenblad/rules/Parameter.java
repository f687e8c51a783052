package nl.rekenblad.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tax parameter for a span of years, with its official source. Immutable.
 *
 * @param name       the key and the defined name in workbooks, such as {@code KOR_Oud_Grens}
 * @param fromYear   first calendar year it applies to
 * @param toYear     last calendar year it applies to
 * @param value      a {@link BigDecimal} or, for switches, a {@link String} ("ja"/"nee")
 * @param unit       "EUR", "factor", "ja/nee" …
 * @param label      what it is, in Dutch
 * @param source     the official text it comes from
 * @param confidence H (official text), M (good secondary sources or derived), open
 */
public record Parameter(
        String name,
        int fromYear,
        int toYear,
        Object value,
        String unit,
        String label,
        String source,
        String confidence) {

    public Parameter {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
        if (!(value instanceof BigDecimal || value instanceof String)) {
            throw new IllegalArgumentException("value must be BigDecimal or String: " + value);
        }
    }

    public boolean covers(int year) {
        return year >= fromYear && year <= toYear;
    }

    /** "2002–2019" or "2025". */
    public String years() {
        return fromYear == toYear ? Integer.toString(fromYear) : fromYear + "–" + toYear;
    }

    public BigDecimal number() {
        if (value instanceof BigDecimal d) {
            return d;
        }
        throw new IllegalStateException(name + " is not a number");
    }
}
