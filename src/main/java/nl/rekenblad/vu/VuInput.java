package nl.rekenblad.vu;

import nl.rekenblad.core.Problem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A boekjaar's costs and cars for the verworpen uitgaven. Immutable.
 *
 * @param bron        the input's name for messages
 * @param aanslagjaar the aanslagjaar (boekjaar + 1 unless given)
 * @param kosten      the cost lines, in order
 * @param wagens      the cars (and charging points), in order
 * @param warnings    what the reader noticed but did not stop for
 */
public record VuInput(String bron, int aanslagjaar, List<Kost> kosten, List<Wagen> wagens, List<Problem> warnings) {
    public VuInput {
        kosten = List.copyOf(kosten);
        wagens = List.copyOf(wagens);
        warnings = List.copyOf(warnings);
    }

    /**
     * One cost line. {@code waarde} is the face value of one maaltijdcheque. {@code aantal} (cheques) and {@code percentage} (as a fraction: the foreign tax rate for fbb, the
     * interest rate for intrest) are null when not given.
     */
    public record Kost(
            String rekening,
            String omschrijving,
            BigDecimal bedrag,
            Soort soort,
            BigDecimal aantal,
            BigDecimal percentage,
            BigDecimal waarde,
            String where) {
        public Kost(
                String rekening,
                String omschrijving,
                BigDecimal bedrag,
                Soort soort,
                BigDecimal aantal,
                BigDecimal percentage,
                String where) {
            this(rekening, omschrijving, bedrag, soort, aantal, percentage, null, where);
        }
    }

    /** The fuel of a car, or a charging point. */
    public enum Brandstof {
        DIESEL("diesel"),
        BENZINE("benzine"),
        AARDGAS("aardgas"),
        LPG("lpg"),
        ELEKTRISCH("elektrisch"),
        WATERSTOF("waterstof"),
        PLUGIN_BENZINE("plug-in-benzine"),
        PLUGIN_DIESEL("plug-in-diesel"),
        LAADPAAL("laadpaal");

        private final String word;

        Brandstof(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public boolean emissievrij() {
            return this == ELEKTRISCH || this == WATERSTOF;
        }

        public boolean plugin() {
            return this == PLUGIN_BENZINE || this == PLUGIN_DIESEL;
        }

        public static Optional<Brandstof> of(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(b -> b.word.equals(t)).findFirst();
        }

        public static String words() {
            return Arrays.stream(values()).map(Brandstof::word).collect(Collectors.joining(", "));
        }
    }

    /**
     * One car (or charging point). Amounts are the year's costs; blank ones are zero.
     *
     * @param valseHybride       a plug-in hybrid the FOD lists as a "fake" hybrid
     * @param co2Overeenstemmend the CO2 of the matching combustion model of a fake hybrid, when there is one
     */
    public record Wagen(
            String naam,
            LocalDate aankoopdatum,
            Brandstof brandstof,
            BigDecimal co2,
            BigDecimal pk,
            BigDecimal brandstofkosten,
            BigDecimal anderekosten,
            BigDecimal financieringskosten,
            BigDecimal minderwaarde,
            BigDecimal vaa,
            boolean tussenkomstBrandstof,
            boolean valseHybride,
            BigDecimal co2Overeenstemmend,
            String where) {}
}
