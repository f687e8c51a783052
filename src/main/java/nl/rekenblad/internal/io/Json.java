package nl.rekenblad.internal.io;

import nl.rekenblad.core.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for rekenblad's reports: maps keep their order, {@link Money} is written as
 * a number with two decimals ({@code 957.50}), other numbers as they are.
 */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    /**
     * {@code value} on one line, for a JSON-lines report: {@code { "a": 1, "b": [ 2, 3 ] }} (the layout of
     * {@link #write} with each line break and its indent as one space), without a line break at the end.
     */
    public static String line(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, -1);
        return sb.toString();
    }

    /** {@code indent} −1: on one line. */
    private static void write(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Money m) {
            sb.append(m.amount().setScale(2, RoundingMode.HALF_UP).toPlainString());
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            boolean line = indent < 0;
            sb.append(line ? "{ " : "{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                pad(sb, indent + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), line ? -1 : indent + 1);
                sb.append(++i < map.size() ? (line ? ", " : ",\n") : (line ? " " : "\n"));
            }
            pad(sb, indent);
            sb.append('}');
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            boolean line = indent < 0;
            sb.append(line ? "[ " : "[\n");
            for (int i = 0; i < list.size(); i++) {
                pad(sb, indent + 1);
                write(sb, list.get(i), line ? -1 : indent + 1);
                sb.append(i + 1 < list.size() ? (line ? ", " : ",\n") : (line ? " " : "\n"));
            }
            pad(sb, indent);
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    private static void pad(StringBuilder sb, int indent) {
        if (indent > 0) {
            sb.append("  ".repeat(indent));
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
