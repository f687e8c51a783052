package nl.rekenblad.internal.io;

import java.util.regex.Pattern;

/** Messages for people: what a library's exception says, without Java's class names and stack details. */
public final class Messages {
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:\\.[A-Za-z0-9_$]+)*:?\\s*");
    private static final Pattern JAVA_WORDS = Pattern.compile("(?i)\\b(exception|null|cannot invoke|class|cast)\\b");

    private Messages() {
    }

    /**
     * " (reason)" from {@code e}'s message when it says something a person can use once class names are gone, else
     * the empty string. At most one line of 160 characters.
     */
    public static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        String line = CLASS_NAME.matcher(nl < 0 ? m : m.substring(0, nl)).replaceAll("").trim();
        if (line.isEmpty() || JAVA_WORDS.matcher(line).find() || line.contains("\"") && line.contains("()")) {
            return "";
        }
        return " (" + (line.length() > 160 ? line.substring(0, 160) + "…" : line) + ")";
    }
}
