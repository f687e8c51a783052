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

    /**
     * Why reading or writing failed, in Dutch: the file and what the operating system said, in words (an
     * {@code IOException}'s message is the operating system's English, or a library's text).
     */
    public static String io(java.io.IOException e) {
        if (e instanceof java.io.InterruptedIOException && e.getMessage() != null && e.getMessage().startsWith("afgebroken")) {
            return e.getMessage();
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + ": bestaat niet";
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return a.getFile() + ": geen toestemming";
        }
        if (e instanceof java.nio.file.NotDirectoryException d) {
            return d.getFile() + ": een deel van het pad is geen map";
        }
        if (e instanceof java.nio.file.FileSystemException fs) {
            return (fs.getFile() == null ? "" : fs.getFile() + ": ") + systemReason(String.valueOf(fs.getReason()));
        }
        String m = String.valueOf(e.getMessage());
        String why = systemReason(m);
        return why.equals(UNKNOWN) ? "lezen of schrijven mislukt" + reason(e) : why;
    }

    private static final String UNKNOWN = "het besturingssysteem weigert het";

    private static String systemReason(String m) {
        if (m.contains("Permission denied") || m.contains("Operation not permitted")) {
            return "geen toestemming";
        }
        if (m.contains("No space left") || m.contains("Disk quota")) {
            return "de schijf is vol";
        }
        if (m.contains("Read-only file system")) {
            return "de schijf is alleen-lezen";
        }
        if (m.contains("Is a directory")) {
            return "is een map";
        }
        if (m.contains("Not a directory")) {
            return "een deel van het pad is geen map";
        }
        if (m.contains("File name too long")) {
            return "de naam is te lang";
        }
        if (m.contains("No such file")) {
            return "bestaat niet";
        }
        if (m.contains("Input/output error")) {
            return "de schijf gaf een leesfout";
        }
        return UNKNOWN;
    }
}
