package nl.rekenblad.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates in text inputs: ISO {@code 2025-10-01} or Dutch {@code 1-10-2025} (also with {@code /} or {@code .}). */
final class DateNotation {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DUTCH = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");

    private DateNotation() {
    }

    /** Parses a date, or returns null for an empty field; throws with a Dutch message otherwise. */
    static LocalDate parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            Matcher m = ISO.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = DUTCH.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("geen bestaande datum: \"" + t + "\"");
        }
        throw new IllegalArgumentException("verwacht een datum als 2025-10-01 of 1-10-2025, gevonden \"" + t + "\"");
    }
}
