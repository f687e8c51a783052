package nl.rekenblad.batch;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Safe file names for attachments: no folders (no path traversal), no control or reserved
 * characters, not empty, not too long; a repeated name in one mail gets a number.
 */
final class Namen {
    /**
     * A name part takes at most this many bytes in UTF-8: an output name is a mail's name and an attachment's name,
     * a kind, an extension and, while it is written, a temporary suffix, and a file name has at most 255 bytes.
     */
    static final int MAX_BYTES = 100;

    private final java.util.Set<String> used = new java.util.HashSet<>();

    /** Sanitises {@code name} and numbers it when it (or the numbered name) was used before in this mail. */
    String uniek(String name) {
        String s = veilig(name);
        String candidate = s;
        for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            int dot = s.lastIndexOf('.');
            candidate = dot > 0 ? s.substring(0, dot) + " (" + n + ")" + s.substring(dot) : s + " (" + n + ")";
        }
        return candidate;
    }

    static String veilig(String name) {
        String s = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || "<>:\"|?*".indexOf(c) >= 0 ? '_' : c);
        }
        s = sb.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (bytes(s) > MAX_BYTES) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
            s = cut(s.substring(0, s.length() - ext.length()), MAX_BYTES - bytes(ext)) + ext;
        }
        return s.isBlank() ? "bijlage" : s;
    }

    private static int bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** The longest start of {@code s} of at most {@code max} bytes, never cutting a character in two. */
    private static String cut(String s, int max) {
        int end = 0;
        int size = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int n = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (size + n > max) {
                break;
            }
            size += n;
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /** The name without its extension, for building output names. */
    static String stam(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
