package nl.rekenblad.internal.io;

import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Money;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How amounts are written in a text file. In a {@code ;}-delimited file they are Dutch ({@code
 * € 1.234,56}: {@code .} groups thousands, {@code ,} is the decimal mark); in a {@code
 * ,}-delimited file {@code .} is the decimal mark ({@code 1234.56}). An empty field is blank.
 */
public enum AmountNotation {
    DUTCH(Pattern.compile("(?:\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,\\d+)?"), "1.234,56"),
    PLAIN(Pattern.compile("\\d+(?:\\.\\d+)?"), "1234.56");

    private static final Pattern SIGN_AND_EURO = Pattern.compile("^(-)?\\s*(?:€|EUR)?\\s*(-)?\\s*(.*?)$");

    private final Pattern digits;
    private final String example;

    /** Decimals at most (cents and fractions of a cent from a rate). */
    public static final int MAX_DECIMALS = 6;
    /** An amount is written in at most this many characters. */
    public static final int MAX_CHARS = 40;

    AmountNotation(Pattern digits, String example) {
        this.digits = digits;
        this.example = example;
    }

    /** The notation of a file with this delimiter. */
    public static AmountNotation forDelimiter(char delimiter) {
        return delimiter == ';' ? DUTCH : PLAIN;
    }

    /**
     * Parses an amount exactly, or returns {@code null} for an empty field.
     *
     * @throws IllegalArgumentException with a Dutch message quoting the text
     */
    public BigDecimal parse(String text) {
        String t = text == null
                ? ""
                : text.replace('\u00a0', ' ').replace('\u2212', '-').trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() > MAX_CHARS) {
            throw new IllegalArgumentException(
                    "verwacht een bedrag, gevonden een waarde van " + t.length() + " tekens" + " (ten hoogste "
                            + MAX_CHARS + "; het grootste bedrag is " + DutchText.euroCents(Money.MAX_AMOUNT) + ")");
        }
        return checked(parseWithin(t, text), text);
    }

    /**
     * {@code v} when it is an amount rekenblad takes: at most {@link Money#MAX_AMOUNT} either way and at most
     * {@value #MAX_DECIMALS} decimals.
     *
     * @throws IllegalArgumentException with a Dutch message naming the limit
     */
    public static BigDecimal checked(BigDecimal v, String text) {
        if (v == null) {
            return null;
        }
        if (v.abs().compareTo(Money.MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("bedrag " + text.trim() + " is te groot; het grootste bedrag is "
                    + DutchText.euroCents(Money.MAX_AMOUNT));
        }
        if (v.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException(
                    "bedrag " + text.trim() + " heeft meer dan " + MAX_DECIMALS + " decimalen");
        }
        return v;
    }

    private BigDecimal parseWithin(String t, String text) {
        BigDecimal fast = fast(t);
        if (fast != null) {
            return fast;
        }
        Matcher m = SIGN_AND_EURO.matcher(t);
        if (m.matches() && !(m.group(1) != null && m.group(2) != null)) {
            String body = m.group(3);
            if (digits.matcher(body).matches()) {
                String plain = this == DUTCH ? body.replace(".", "").replace(',', '.') : body;
                BigDecimal v = new BigDecimal(plain);
                return m.group(1) != null || m.group(2) != null ? v.negate() : v;
            }
        }
        String hint = this == DUTCH
                ? " (in een bestand met ; als scheidingsteken: 1.234,56)"
                : " (in een bestand met , als scheidingsteken: 1234.56)";
        throw new IllegalArgumentException("verwacht een bedrag, gevonden \"" + text.trim() + "\"" + hint);
    }

    /**
     * The plain forms ({@code -1234,56} in Dutch, {@code -1234.56} otherwise: digits, one decimal mark)
     * without a regular expression; null for anything else, which the full rules then read.
     */
    private BigDecimal fast(String t) {
        char mark = this == DUTCH ? ',' : '.';
        int n = t.length();
        int start = t.charAt(0) == '-' ? 1 : 0;
        if (start == n) {
            return null;
        }
        int marks = 0;
        for (int i = start; i < n; i++) {
            char c = t.charAt(i);
            if (c == mark) {
                if (++marks > 1 || i == start || i == n - 1) {
                    return null;
                }
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        return new BigDecimal(mark == '.' ? t : t.replace(',', '.'));
    }

    private static final Pattern TYPED = Pattern.compile("^(-)?\\s*(?:€|EUR)?\\s*(-)?\\s*([0-9.,]+)$");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+");

    /**
     * An amount as a Dutch bookkeeper types it on the command line: {@code 21000}, {@code 21.000}, {@code 21.000,00},
     * {@code 21000,50}, {@code € 21.000}, {@code -1.250}. A comma is the decimal mark and dots group thousands; without
     * a comma, dots must group thousands ({@code 21.000} is twenty-one thousand). A dot that cannot be a thousands
     * separator ({@code 21.5}, {@code 1234.56}) is ambiguous and refused with both readings. An empty text is null.
     *
     * @throws IllegalArgumentException with a Dutch message quoting the text
     */
    public static BigDecimal parseTyped(String text) {
        String t = text == null
                ? ""
                : text.replace('\u00a0', ' ').replace('\u2212', '-').trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() > MAX_CHARS) {
            return DUTCH.parse(t);
        }
        Matcher m = TYPED.matcher(t);
        if (!m.matches() || m.group(1) != null && m.group(2) != null) {
            throw new IllegalArgumentException(
                    "verwacht een bedrag zoals 21000, 21.000 of 21.000,50, gevonden \"" + t + "\"");
        }
        String body = m.group(3);
        boolean negative = m.group(1) != null || m.group(2) != null;
        BigDecimal v;
        if (body.contains(",") || !body.contains(".") || THOUSANDS.matcher(body).matches()) {
            if (!DUTCH.digits.matcher(body).matches()) {
                throw new IllegalArgumentException("verwacht een bedrag zoals 21000, 21.000 of 21.000,50 (komma voor de"
                        + " centen, punten tussen de duizendtallen), gevonden \"" + t + "\"");
            }
            v = new BigDecimal(body.replace(".", "").replace(',', '.'));
        } else {
            String asDecimal = body.chars().filter(c -> c == '.').count() == 1 ? body : null;
            String asThousands = body.replace(".", "");
            throw new IllegalArgumentException("\"" + t + "\" is niet eenduidig: "
                    + (asDecimal == null
                            ? ""
                            : "bedoelt u " + DutchText.euroCents(new BigDecimal(asDecimal)) + " (punt als"
                                    + " decimaalteken) of ")
                    + DutchText.euroCents(new BigDecimal(asThousands)) + " (punt tussen de duizendtallen)? Schrijf "
                    + (asDecimal == null ? "" : asDecimal.replace('.', ',') + " of ") + asThousands
                    + " (een komma voor de centen, punten alleen tussen groepen van drie cijfers)");
        }
        return checked(negative ? v.negate() : v, text);
    }

    public String example() {
        return example;
    }
}
