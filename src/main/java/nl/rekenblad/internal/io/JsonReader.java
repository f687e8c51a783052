package nl.rekenblad.internal.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON that rekenblad writes (objects, arrays, strings, numbers as {@link BigDecimal},
 * booleans, null). Small and strict, with limits for untrusted files: at most {@value #MAX_DEPTH} levels of nesting,
 * numbers of at most {@value #MAX_NUMBER_CHARS} characters and {@value #MAX_INTEGER_DIGITS} digits before the
 * decimal point. Anything else is an {@link IllegalArgumentException} in Dutch with the character position.
 */
public final class JsonReader {
    /** rekenblad's own reports nest four levels; this is generous and keeps the reader's recursion shallow. */
    public static final int MAX_DEPTH = 64;

    public static final int MAX_NUMBER_CHARS = 40;
    /** Amounts up to a trillion euros and more; beyond this a number is not an amount of a small business. */
    public static final int MAX_INTEGER_DIGITS = 15;

    private final String s;
    private int i;
    private int depth;

    private JsonReader(String s) {
        this.s = s;
    }

    public static Object parse(String text) {
        JsonReader r = new JsonReader(text);
        Object v;
        try {
            v = r.value();
        } catch (StringIndexOutOfBoundsException | NumberFormatException e) {
            throw r.error("onverwacht einde of ongeldige escape");
        }
        r.ws();
        if (r.i != r.s.length()) {
            throw r.error("tekst na het einde");
        }
        return v;
    }

    private Object value() {
        ws();
        if (i >= s.length()) {
            throw error("onverwacht einde");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{': {
                nest();
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (peek('}')) {
                    i++;
                    depth--;
                    return m;
                }
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    expect(':');
                    m.put(k, value());
                    ws();
                    if (peek(',')) {
                        i++;
                    } else {
                        expect('}');
                        depth--;
                        return m;
                    }
                }
            }
            case '[': {
                nest();
                i++;
                List<Object> l = new ArrayList<>();
                ws();
                if (peek(']')) {
                    i++;
                    depth--;
                    return l;
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (peek(',')) {
                        i++;
                    } else {
                        expect(']');
                        depth--;
                        return l;
                    }
                }
            }
            case '"':
                return string();
            default:
                if (s.startsWith("true", i)) {
                    i += 4;
                    return Boolean.TRUE;
                }
                if (s.startsWith("false", i)) {
                    i += 5;
                    return Boolean.FALSE;
                }
                if (s.startsWith("null", i)) {
                    i += 4;
                    return null;
                }
                int start = i;
                while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                    i++;
                    if (i - start > MAX_NUMBER_CHARS) {
                        throw error("getal van meer dan " + MAX_NUMBER_CHARS + " tekens");
                    }
                }
                BigDecimal d;
                try {
                    d = new BigDecimal(s.substring(start, i));
                } catch (NumberFormatException e) {
                    throw error("geen geldige waarde");
                }
                if (d.signum() != 0
                        && (d.precision() - d.scale() > MAX_INTEGER_DIGITS || d.scale() > MAX_NUMBER_CHARS)) {
                    throw error(
                            "getal buiten het bereik (ten hoogste " + MAX_INTEGER_DIGITS + " cijfers voor de komma)");
                }
                return d;
        }
    }

    private void nest() {
        if (++depth > MAX_DEPTH) {
            throw error("meer dan " + MAX_DEPTH + " niveaus genest");
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        throw error("tekst zonder einde");
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("verwacht '" + c + "'");
        }
        i++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("geen geldige JSON (" + what + " bij teken " + i + ")");
    }
}
