package nl.rekenblad.internal.io;

import java.util.regex.Pattern;

/** Messages for people: what a library's exception says, without Java's class names and stack details. */
public final class Messages {
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:\\.[A-Za-z0-9_$]+)*:?\\s*");
    private static final Pattern JAVA_WORDS = Pattern.compile("(?i)\\b(exception|null|cannot invoke|class|cast)\\b");

    private Messages() {}

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
        String line = CLASS_NAME
                .matcher(nl < 0 ? m : m.substring(0, nl))
                .replaceAll("")
                .trim();
        if (line.isEmpty() || JAVA_WORDS.matcher(line).find() || line.contains("\"") && line.contains("()")) {
            return "";
        }
        return " (" + (line.length() > 160 ? line.substring(0, 160) + "…" : line) + ")";
    }

    /** What the operating system said when a file could not be read or written, as far as it is known. */
    public enum Oorzaak {
        GEEN_TOESTEMMING,
        ALLEEN_LEZEN,
        VOL,
        BESTAAT_NIET,
        GEEN_MAP,
        IS_MAP,
        NAAM_TE_LANG,
        LEESFOUT
    }

    /** The cause of {@code e} by its type or the operating system's (English) reason; empty when it is something else. */
    public static java.util.Optional<Oorzaak> oorzaak(java.io.IOException e) {
        String m = String.valueOf(e.getMessage()) + " "
                + (e instanceof java.nio.file.FileSystemException fs ? String.valueOf(fs.getReason()) : "");
        Oorzaak o;
        if (e instanceof java.nio.file.AccessDeniedException
                || m.contains("Permission denied")
                || m.contains("Operation not permitted")) {
            o = Oorzaak.GEEN_TOESTEMMING;
        } else if (m.contains("Read-only file system")) {
            o = Oorzaak.ALLEEN_LEZEN;
        } else if (m.contains("No space left") || m.contains("Disk quota")) {
            o = Oorzaak.VOL;
        } else if (e instanceof java.nio.file.NoSuchFileException || m.contains("No such file")) {
            o = Oorzaak.BESTAAT_NIET;
        } else if (e instanceof java.nio.file.NotDirectoryException || m.contains("Not a directory")) {
            o = Oorzaak.GEEN_MAP;
        } else if (m.contains("Is a directory")) {
            o = Oorzaak.IS_MAP;
        } else if (m.contains("File name too long")) {
            o = Oorzaak.NAAM_TE_LANG;
        } else if (m.contains("Input/output error")) {
            o = Oorzaak.LEESFOUT;
        } else {
            o = null;
        }
        return java.util.Optional.ofNullable(o);
    }

    /**
     * Why reading or writing failed, in Dutch: the file and what the operating system said, in words (an
     * {@code IOException}'s message is the operating system's English, or a library's text).
     */
    public static String io(java.io.IOException e) {
        if (e instanceof java.io.InterruptedIOException
                && e.getMessage() != null
                && e.getMessage().startsWith("afgebroken")) {
            return e.getMessage();
        }
        String file =
                e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null ? fs.getFile() + ": " : "";
        return oorzaak(e)
                .map(o -> file
                        + switch (o) {
                            case GEEN_TOESTEMMING -> "geen toestemming";
                            case ALLEEN_LEZEN -> "de schijf is alleen-lezen";
                            case VOL -> "de schijf is vol";
                            case BESTAAT_NIET -> "bestaat niet";
                            case GEEN_MAP -> "een deel van het pad is geen map";
                            case IS_MAP -> "is een map";
                            case NAAM_TE_LANG -> "de naam is te lang";
                            case LEESFOUT -> "de schijf gaf een leesfout";
                        })
                .orElse(file + "lezen of schrijven mislukt" + reason(e));
    }
}
