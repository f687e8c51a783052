package nl.rekenblad.batch;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Safe file names for attachments: no folders (no path traversal), no control or reserved
 * characters, not empty, not too long; a repeated name in one mail gets a number.
 */
final class Namen {
    private final Map<String, Integer> seen = new HashMap<>();

    /** Sanitises {@code name} and numbers it when it was seen before in this mail. */
    String uniek(String name) {
        String s = veilig(name);
        String key = s.toLowerCase(Locale.ROOT);
        int n = seen.merge(key, 1, Integer::sum);
        if (n == 1) {
            return s;
        }
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) + " (" + n + ")" + s.substring(dot) : s + " (" + n + ")";
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
        if (s.length() > 120) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
            s = s.substring(0, 120 - ext.length()) + ext;
        }
        return s.isBlank() ? "bijlage" : s;
    }

    /** The name without its extension, for building output names. */
    static String stam(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
