package nl.rekenblad.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the batch report: per attachment (or file) where it came from, what it was, how it
 * went, the key figures and the outputs. Immutable.
 */
public record Verslag(
        String bron,
        String bijlage,
        String soort,
        Status status,
        String melding,
        Map<String, Object> cijfers,
        List<String> uitvoer) {

    /** A message longer than this is cut, saying how much was left out: a report line stays readable. */
    public static final int MAX_MELDING = 2000;

    public Verslag {
        if (melding != null && melding.length() > MAX_MELDING) {
            melding = melding.substring(0, MAX_MELDING) + "… (" + (melding.length() - MAX_MELDING)
                    + " tekens weggelaten)";
        }
        cijfers = cijfers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cijfers));
        uitvoer = uitvoer == null ? List.of() : List.copyOf(uitvoer);
    }

    /** How an attachment went. */
    public enum Status {
        OK("ok"),
        WAARSCHUWING("waarschuwing"),
        FOUT("fout"),
        NIET_HERKEND("niet herkend");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The report line as a JSON object (ordered). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bron", bron);
        m.put("bijlage", bijlage);
        m.put("soort", soort);
        m.put("status", status.word());
        m.put("melding", melding);
        m.put("cijfers", cijfers);
        m.put("uitvoer", uitvoer);
        return m;
    }

    /** A figure's key in words, for people: "teBetalen" is "te betalen"; "5c 2025-Q1" stays. */
    public static String woorden(String key) {
        return key.matches("[a-z]+([A-Z][a-z0-9]*)+")
                ? key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                : key;
    }

    /** A figure's value the Dutch way: euros with cents, ja/nee, 1.234,5. */
    public static String waarde(Object v) {
        if (v instanceof nl.rekenblad.core.Money m) {
            return nl.rekenblad.core.DutchText.euroCents(m.amount());
        }
        if (v instanceof Boolean b) {
            return b ? "ja" : "nee";
        }
        if (v instanceof java.math.BigDecimal d) {
            return nl.rekenblad.core.DutchText.number(d);
        }
        return String.valueOf(v);
    }
}
