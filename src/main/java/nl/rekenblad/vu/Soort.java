package nl.rekenblad.vu;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of cost a line of the costs table may name, each with its code on the aangifte (form 275.1.A, vak
 * Verworpen uitgaven) and how much of it is not deductible.
 */
public enum Soort {
    VENNOOTSCHAPSBELASTING(
            "vennootschapsbelasting",
            "1201",
            Regel.VOLLEDIG,
            "vennootschapsbelasting en toebehoren, voorafbetalingen,"
                    + " regularisaties (een terugbetaling is negatief)",
            "WIB 92 art. 198 § 1, 1°"),
    GEWESTBELASTING_EIGENLIJK(
            "eigenlijke-gewestbelasting",
            "1202",
            Regel.VOLLEDIG,
            "eigenlijke gewestelijke belastingen,"
                    + " heffingen en retributies (die de gewesten op eigen gezag heffen, bv. leegstandsheffing, milieuheffing)",
            "WIB 92 art. 198 § 1, 5°"),
    GEWESTBELASTING_ONEIGENLIJK(
            "oneigenlijke-gewestbelasting",
            "",
            Regel.AFTREKBAAR,
            "oneigenlijke gewestbelastingen van"
                    + " art. 3 Bijzondere Financieringswet (onroerende voorheffing, verkeersbelasting, BIV, registratierechten):"
                    + " aftrekbaar",
            "WIB 92 art. 198 § 1, 5° (alleen de eigenlijke); Bijzondere Financieringswet art. 3"),
    BOETE("boete", "1203", Regel.VOLLEDIG, "geldboeten, verbeurdverklaringen en straffen", "WIB 92 art. 53, 6°"),
    RESTAURANT("restaurant", "1208", Regel.PERCENTAGE, "restaurantkosten", "WIB 92 art. 53, 8°bis"),
    RECEPTIE("receptie", "1207", Regel.PERCENTAGE, "receptiekosten", "WIB 92 art. 53, 8°"),
    RELATIEGESCHENK("relatiegeschenk", "1207", Regel.PERCENTAGE, "relatiegeschenken", "WIB 92 art. 53, 8°"),
    KLEDIJ("kledij", "1209", Regel.VOLLEDIG, "niet-specifieke beroepskledij", "WIB 92 art. 53, 9°"),
    INTREST("intrest", "1210", Regel.INTREST, "overdreven interesten (boven de marktrente)", "WIB 92 art. 55"),
    ABNORMAAL_VOORDEEL(
            "abnormaal-voordeel",
            "1212",
            Regel.VOLLEDIG,
            "abnormale of goedgunstige voordelen",
            "WIB 92 art. 26 en 207"),
    SOCIAAL_VOORDEEL(
            "sociaal-voordeel",
            "1214",
            Regel.VOLLEDIG,
            "sociale voordelen (ook de werkgeverstussenkomst in sociale"
                    + " maaltijden boven de bijdrage van de werknemer)",
            "WIB 92 art. 38 § 1, 11° en art. 53, 14°"),
    MAALTIJDCHEQUE(
            "maaltijdcheque",
            "1215",
            Regel.MAALTIJDCHEQUE,
            "maaltijdcheques: werkgeverstussenkomst boven het aftrekbare" + " deel per cheque",
            "WIB 92 art. 53, 14° (aftrek) en art. 38/1 § 2, 5° (vrijstelling)"),
    SPORTCHEQUE(
            "sportcheque",
            "1215",
            Regel.VOLLEDIG,
            "sport- en cultuurcheques",
            "WIB 92 art. 38 § 1, 25° en art. 53, 14°"),
    CULTUURCHEQUE(
            "cultuurcheque",
            "1215",
            Regel.VOLLEDIG,
            "sport- en cultuurcheques",
            "WIB 92 art. 38 § 1, 25° en art. 53, 14°"),
    ECOCHEQUE("ecocheque", "1215", Regel.VOLLEDIG, "ecocheques", "WIB 92 art. 38 § 1, 25° en art. 53, 14°"),
    HOSPITALISATIE(
            "hospitalisatie",
            "1214",
            Regel.VOLLEDIG,
            "hospitalisatieverzekering als sociaal voordeel (vrijgesteld bij de" + " werknemer, dus niet aftrekbaar)",
            "WIB 92 art. 38 § 1, 11° en art. 53, 14° (lezing: sociaal voordeel)"),
    LIBERALITEIT(
            "liberaliteit",
            "1216",
            Regel.VOLLEDIG,
            "liberaliteiten (ook de vrijgestelde giften; die gaan er later af)",
            "WIB 92 art. 53, 7°; FOD Financiën, toelichting aangifte VenB (code 1216)"),
    MINDERWAARDE_AANDELEN(
            "minderwaarde-aandelen",
            "1217",
            Regel.VOLLEDIG,
            "waardeverminderingen en minderwaarden op aandelen",
            "WIB 92 art. 198 § 1, 7°"),
    WERKNEMERSPARTICIPATIE(
            "werknemersparticipatie",
            "1233",
            Regel.VOLLEDIG,
            "werknemersparticipatie en winstpremies",
            "WIB 92 art. 198 § 1, 12°"),
    FBB(
            "fbb",
            "1201",
            Regel.FBB,
            "forfaitair gedeelte buitenlandse belasting",
            "WIB 92 art. 198 § 1, 1° en art. 285–289"),
    INSCHEPING(
            "inscheping", "1246", Regel.VOLLEDIG, "taks op de inscheping van een luchtvaartuig", "WIB 92 art. 53, 30°"),
    AFTREKBAAR(
            "aftrekbaar",
            "",
            Regel.AFTREKBAAR,
            "aftrekbare kosten (geen verworpen uitgave; ter volledigheid)",
            "WIB 92 art. 49");

    /** How much of a line is not deductible. */
    enum Regel {
        VOLLEDIG,
        PERCENTAGE,
        INTREST,
        MAALTIJDCHEQUE,
        FBB,
        AFTREKBAAR
    }

    private final String word;
    private final String code;
    private final Regel regel;
    private final String omschrijving;
    private final String bron;

    Soort(String word, String code, Regel regel, String omschrijving, String bron) {
        this.word = word;
        this.code = code;
        this.regel = regel;
        this.omschrijving = omschrijving;
        this.bron = bron;
    }

    public String word() {
        return word;
    }

    /** The code on the aangifte, or "" for a deductible line. */
    public String code() {
        return code;
    }

    Regel regel() {
        return regel;
    }

    public String omschrijving() {
        return omschrijving;
    }

    public String bron() {
        return bron;
    }

    /** The rules parameter of a percentage kind. */
    String parameter() {
        return this == RESTAURANT ? "VU_Restaurant" : "VU_Receptie";
    }

    /**
     * The words of an older rekenblad whose meaning was the wrong way round (until issue 21: "gewestbelasting" was the
     * oneigenlijke, "gewestbelasting-eigenlijk" the deductible eigenlijke): a file with one is refused with this
     * explanation rather than read with a flipped meaning. Empty for any other text.
     */
    public static Optional<String> vervallen(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!t.equals("gewestbelasting") && !t.equals("gewestbelasting-eigenlijk")) {
            return Optional.empty();
        }
        return Optional.of(
                "de soort \"" + t + "\" bestaat niet meer: eerdere versies van rekenblad draaiden eigenlijk en"
                        + " oneigenlijk om. Verworpen (code 1202) zijn de eigenlijke gewestbelastingen (bv. leegstandsheffing,"
                        + " milieuheffing): schrijf eigenlijke-gewestbelasting; aftrekbaar zijn de oneigenlijke van art. 3 Bijzondere"
                        + " Financieringswet (onroerende voorheffing, verkeersbelasting, BIV, registratierechten): schrijf"
                        + " oneigenlijke-gewestbelasting (art. 198 § 1, 5° WIB 92)");
    }

    public static Optional<Soort> of(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.word.equals(t)).findFirst();
    }

    public static String words() {
        return Arrays.stream(values()).map(Soort::word).collect(Collectors.joining(", "));
    }
}
