package nl.rekenblad.winst;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A year's inputs for the winstberekening. Immutable.
 *
 * @param bron        the input's name for messages
 * @param jaar        the calendar year
 * @param waarden     the values as the input sheet holds them, by field ({@code winst}, {@code uren}, …):
 *                    {@link BigDecimal}, {@link String} (ja/nee, the gemengde-kosten choice) or null when blank
 * @param overgenomen amounts taken over from a KOR or KIA output instead of typed in, by field
 * @param warnings    what the reader noticed but did not stop for
 */
public record WinstInput(
        String bron,
        int jaar,
        Map<String, Object> waarden,
        Map<String, Overgenomen> overgenomen,
        List<nl.rekenblad.core.Problem> warnings) {

    /** An amount taken over from another rekenblad output: its value and where it came from. */
    public record Overgenomen(BigDecimal bedrag, String herkomst) {}

    /** The fields of the input, in the order of the chain ({@link WinstVeld}). */
    public static final List<String> VELDEN = WinstVeld.namen(v -> true);

    /** Fields holding a text (ja/nee, a choice, a path or a date), not an amount. */
    public static final List<String> TEKSTVELDEN = WinstVeld.namen(WinstVeld::tekst);

    /** The ja/nee fields. */
    public static final List<String> JA_NEE = WinstVeld.namen(v -> v.soort() == WinstVeld.Soort.JA_NEE);

    /** The date fields (held as ISO text, 2025-03-01). */
    public static final List<String> DATUMS = WinstVeld.namen(v -> v.soort() == WinstVeld.Soort.DATUM);

    /** The fields that count (hours, times, kilometres), not euros. */
    public static final List<String> AANTALLEN = WinstVeld.namen(v -> v.soort() == WinstVeld.Soort.AANTAL);

    /** The amount fields that may be taken over from a KOR or KIA output. */
    public static final List<String> OVERNEEMBAAR = List.of("kor", "kia", "eia", "mia", "bijtelling");

    public WinstInput {
        waarden = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(waarden));
        overgenomen = Map.copyOf(overgenomen);
        warnings = List.copyOf(warnings);
    }
}
