package nl.rekenblad.internal.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates in text inputs: ISO {@code 2025-10-01} or Dutch {@code 1-10-2025} (also with {@code /} or {@code .}). */
public final class DateNotation {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DUTCH = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");

    private DateNotation() {}

    /** The common forms without a regular expression (a journal has a million of them); null when it is not one. */
    private static LocalDate fast(String t) {
        int n = t.length();
        try {
            if (n == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
                return LocalDate.of(num(t, 0, 4), num(t, 5, 7), num(t, 8, 10));
            }
            if (n == 10
                    && (t.charAt(2) == '-' || t.charAt(2) == '/' || t.charAt(2) == '.')
                    && t.charAt(5) == t.charAt(2)) {
                return LocalDate.of(num(t, 6, 10), num(t, 3, 5), num(t, 0, 2));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static int num(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Parses a date, or returns null for an empty field; throws with a Dutch message otherwise. */
    public static LocalDate parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        LocalDate fast = fast(t);
        if (fast != null) {
            return fast;
        }
        try {
            Matcher m = ISO.matcher(t);
            if (m.matches()) {
                return LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = DUTCH.matcher(t);
            if (m.matches()) {
                return LocalDate.of(
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("geen bestaande datum: \"" + t + "\"");
        }
        throw new IllegalArgumentException("verwacht een datum als 2025-10-01 of 1-10-2025, gevonden \"" + t + "\"");
    }
}
