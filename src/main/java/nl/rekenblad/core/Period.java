package nl.rekenblad.core;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A btw return period: a whole year, a quarter or a month. Immutable; ordered by time, with a
 * year before its quarters before its months only when they start on the same day.
 */
public final class Period implements Comparable<Period> {
    /** The length of a return period. */
    public enum Kind {
        JAAR,
        KWARTAAL,
        MAAND
    }

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(?:[Qq]([1-4])|(0[1-9]|1[0-2])))?");

    private final int year;
    private final Kind kind;
    private final int index; // quarter 1-4, month 1-12, 0 for a year

    private Period(int year, Kind kind, int index) {
        this.year = year;
        this.kind = kind;
        this.index = index;
    }

    public static Period year(int year) {
        return new Period(year, Kind.JAAR, 0);
    }

    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter);
        }
        return new Period(year, Kind.KWARTAAL, quarter);
    }

    public static Period month(int year, int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month " + month);
        }
        return new Period(year, Kind.MAAND, month);
    }

    /**
     * Parses {@code 2017}, {@code 2017-Q1} … {@code 2017-Q4} or {@code 2017-01} … {@code 2017-12}.
     *
     * @throws IllegalArgumentException with a Dutch message naming the accepted forms
     */
    public static Period parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "onbekende periode \"" + t + "\"; gebruik 2017, 2017-Q1 … 2017-Q4 of 2017-01 … 2017-12");
        }
        int y = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return quarter(y, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return month(y, Integer.parseInt(m.group(3)));
        }
        return year(y);
    }

    public int year() {
        return year;
    }

    public Kind kind() {
        return kind;
    }

    /** Quarter (1–4) or month (1–12); 0 for a year. */
    public int index() {
        return index;
    }

    /** First month of the period, 1–12. */
    public int firstMonth() {
        return switch (kind) {
            case JAAR -> 1;
            case KWARTAAL -> 3 * index - 2;
            case MAAND -> index;
        };
    }

    /** How many periods of this kind make a year. */
    public int perYear() {
        return switch (kind) {
            case JAAR -> 1;
            case KWARTAAL -> 4;
            case MAAND -> 12;
        };
    }

    /** The canonical text, as accepted by {@link #parse}: {@code 2017-Q3}. */
    public String label() {
        return switch (kind) {
            case JAAR -> Integer.toString(year);
            case KWARTAAL -> year + "-Q" + index;
            case MAAND -> String.format("%d-%02d", year, index);
        };
    }

    /** A key safe for defined names and step keys: {@code 2017_Q3}. */
    public String key() {
        return label().replace('-', '_');
    }

    @Override
    public int compareTo(Period o) {
        int c = Integer.compare(year, o.year);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(firstMonth(), o.firstMonth());
        return c != 0 ? c : kind.compareTo(o.kind);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Period p && p.year == year && p.kind == kind && p.index == index;
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, kind, index);
    }

    @Override
    public String toString() {
        return label();
    }
}
