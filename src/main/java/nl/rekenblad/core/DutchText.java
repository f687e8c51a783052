package nl.rekenblad.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Dutch number notation for explanation texts: {@code € 1.345}, {@code € 957,50}, {@code 2,5}. */
public final class DutchText {
    private DutchText() {}

    /** Whole euros without decimals, other amounts with two: {@code € 1.883}, {@code € 957,50}. */
    public static String euro(BigDecimal amount) {
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        String pattern = whole ? "#,##0" : "#,##0.00";
        BigDecimal v = whole ? amount : amount.setScale(2, RoundingMode.HALF_UP);
        return "€ " + format(pattern).format(v);
    }

    /** Always with cents: {@code € 1.340,00}, {@code € -699,00}. */
    public static String euroCents(BigDecimal amount) {
        return "€ " + format("#,##0.00").format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A plain number with a decimal comma: {@code 2,5}. */
    public static String number(BigDecimal value) {
        return format("#,##0.##########").format(value);
    }

    /** A fraction as a percentage: {@code 0.28} gives {@code 28%}, {@code 0.0756} gives {@code 7,56%}. */
    public static String percent(BigDecimal fraction) {
        return number(fraction.movePointRight(2)) + "%";
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormatSymbols s = new DecimalFormatSymbols();
        s.setDecimalSeparator(',');
        s.setGroupingSeparator('.');
        s.setMinusSign('-');
        DecimalFormat f = new DecimalFormat(pattern, s);
        f.setParseBigDecimal(true);
        return f;
    }

    /** A Dutch enumeration: "a", "a of b", "a, b of c" ({@code of} as the last joiner; "en" works too). */
    public static String opsomming(java.util.List<String> items, String laatste) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + laatste + " "
                + items.get(items.size() - 1);
    }
}
