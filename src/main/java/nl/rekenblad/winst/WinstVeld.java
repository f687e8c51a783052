package nl.rekenblad.winst;

import nl.rekenblad.core.DutchText;
import nl.rekenblad.rules.RuleBook;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fields of the winstberekening's input, in the order of the chain: name, kind and what it holds. The lists the
 * reader, the template and the help text need follow from it, so a new field is one line here.
 */
public enum WinstVeld {
    JAAR("jaar", Soort.AANTAL, r -> "kalenderjaar (2020–2026)"),
    WINST("winst", Soort.BEDRAG_OF_PAD, r -> "commerciële winst vóór de posten hieronder"),
    KOR("kor", Soort.BEDRAG_OF_PAD, r -> "bedrag, of het pad van een KOR-uitvoer (.kor.xlsx of .json)"),
    KIA(
            "kia",
            Soort.BEDRAG_OF_PAD,
            r -> "bedrag, of het pad van een KIA-uitvoer (.kia.xlsx of .json): dan ook EIA, MIA en" + " bijtelling"),
    EIA("eia", Soort.BEDRAG, r -> "bedrag (leeg als kia een pad is)"),
    MIA("mia", Soort.BEDRAG, r -> "bedrag (leeg als kia een pad is)"),
    BIJTELLING("bijtelling", Soort.BEDRAG, r -> "desinvesteringsbijtelling (leeg als kia een pad is)"),
    GEMENGDE_KOSTEN(
            "gemengdeKosten",
            Soort.BEDRAG,
            r -> "kosten van voedsel, drank, representatie, congressen (in de winst" + " afgetrokken)"),
    GEMENGDE_KOSTEN_KEUZE("gemengdeKostenKeuze", Soort.TEKST, r -> "drempel of 80%"),
    AUTO_CATALOGUSWAARDE(
            "autoCataloguswaarde",
            Soort.BEDRAG,
            r -> "auto van de zaak: cataloguswaarde (incl. btw en bpm);" + " leeg = geen auto"),
    AUTO_TOELATING("autoToelating", Soort.DATUM, r -> "datum van eerste toelating (bijvoorbeeld 2022-03-15)"),
    AUTO_EMISSIEVRIJ("autoEmissievrij", Soort.TEKST, r -> "ja, nee, waterstof of zonnecel"),
    AUTO_KOSTEN("autoKosten", Soort.BEDRAG, r -> "alle autokosten van het jaar (de bijtelling is nooit hoger)"),
    AUTO_PRIVE_KM(
            "autoPriveKm",
            Soort.AANTAL,
            r -> "privékilometers in het jaar (tot en met " + getal(r, "AUTO_MaxKm") + ": geen bijtelling)"),
    AUTO_WAARDE(
            "autoWaardeEconomischVerkeer",
            Soort.BEDRAG,
            r -> "waarde in het economisch verkeer (nodig voor een auto"
                    + " van " + getal(r, "AUTO_YoungtimerJaren", 2025) + " jaar of ouder; in 2026 "
                    + getal(r, "AUTO_YoungtimerJaren", 2026) + ")"),
    AUTO_VAN("autoVan", Soort.DATUM, r -> "auto in de onderneming vanaf (leeg = 1 januari)"),
    AUTO_TOT("autoTot", Soort.DATUM, r -> "auto in de onderneming tot en met (leeg = 31 december)"),
    AUTO_PERCENTAGE_OUD(
            "autoPercentageOud",
            Soort.AANTAL,
            r -> "eerste toelating vóór 2017, in zijn eerste 60 maanden: het"
                    + " percentage van toen (bijvoorbeeld 25 of 14)"),
    AUTO_YOUNGTIMER_OVERGANG(
            "autoYoungtimerOvergang",
            Soort.JA_NEE,
            r -> "ja of nee: auto die in 2025 15 jaar werd houdt"
                    + " in 2026 de regeling van 15 jaar (keuze, beleidsbesluit 18-12-2025)"),
    UREN("uren", Soort.AANTAL, r -> "uren aan de onderneming (urencriterium)"),
    MEER_DAN_HELFT(
            "meerDanHelft",
            Soort.JA_NEE,
            r -> "ja of nee: meer dan de helft van de arbeidstijd in de onderneming" + " (leeg = ja)"),
    AOW_LEEFTIJD("aowLeeftijd", Soort.JA_NEE, r -> "ja of nee: AOW-leeftijd bereikt aan het begin van het jaar"),
    MEDEGERECHTIGDE("medegerechtigde", Soort.JA_NEE, r -> "ja of nee: winst als medegerechtigde (geen ondernemer)"),
    STARTER("starter", Soort.JA_NEE, r -> "ja of nee: in een of meer van de 5 voorgaande jaren geen ondernemer"),
    ZELFSTANDIGENAFTREK_EERDER(
            "zelfstandigenaftrekEerder",
            Soort.AANTAL,
            r -> "aantal keren zelfstandigenaftrek in de 5" + " voorgaande jaren"),
    ONBENUTTE_ZELFSTANDIGENAFTREK(
            "onbenutteZelfstandigenaftrek",
            Soort.BEDRAG,
            r -> "zelfstandigenaftrek uit eerdere jaren" + " die nog niet is verrekend"),
    SO_UREN("soUren", Soort.AANTAL, r -> "uren speur- en ontwikkelingswerk (met S&O-verklaring van RVO)"),
    SO_STARTER("soStarter", Soort.JA_NEE, r -> "ja of nee: recht op de verhoging van de S&O-aftrek voor starters"),
    ARBEIDSONGESCHIKT(
            "arbeidsongeschikt", Soort.JA_NEE, r -> "ja of nee: recht op een arbeidsongeschiktheidsuitkering"),
    ARBEIDSONGESCHIKT_EERDER(
            "arbeidsongeschiktEerder",
            Soort.AANTAL,
            r -> "aantal keren startersaftrek bij" + " arbeidsongeschiktheid in de 5 voorgaande jaren"),
    PARTNER_UREN("partnerUren", Soort.AANTAL, r -> "uren dat de partner meewerkt"),
    PARTNER_VERGOEDING(
            "partnerVergoeding",
            Soort.BEDRAG,
            r -> "vergoeding die de partner kreeg (vanaf "
                    + DutchText.euro(
                            r.get("MWA_MaxVergoeding", jaar(r), "meewerkaftrek").number()) + " geen meewerkaftrek)"),
    STAKINGSWINST("stakingswinst", Soort.BEDRAG, r -> "stakingswinst bij staking van de onderneming"),
    STAKINGSAFTREK_EERDER("stakingsaftrekEerder", Soort.BEDRAG, r -> "stakingsaftrek die u in eerdere jaren al kreeg");

    /** What a field holds. */
    public enum Soort {
        /** Euros. */
        BEDRAG,
        /** An amount, or the path of a file whose figure is taken over (an auditfile, a KOR or KIA output). */
        BEDRAG_OF_PAD,
        /** A number that is not euros: a year, hours, kilometres, a count. */
        AANTAL,
        JA_NEE,
        /** A date, held as ISO text (2025-03-01). */
        DATUM,
        /** A choice in words. */
        TEKST
    }

    private final String naam;
    private final Soort soort;
    private final Function<RuleBook, String> uitleg;

    WinstVeld(String naam, Soort soort, Function<RuleBook, String> uitleg) {
        this.naam = naam;
        this.soort = soort;
        this.uitleg = uitleg;
    }

    public String naam() {
        return naam;
    }

    public Soort soort() {
        return soort;
    }

    /** What to fill in, for the template and the help, with the figures of the newest year in {@code rules}. */
    public String uitleg(RuleBook rules) {
        return uitleg.apply(rules);
    }

    /** Whether it is held as text (a choice, yes/no, a date, or an amount-or-path), not as a number. */
    public boolean tekst() {
        return soort == Soort.TEKST || soort == Soort.JA_NEE || soort == Soort.DATUM || soort == Soort.BEDRAG_OF_PAD;
    }

    /** The field called {@code naam} (case-insensitive). */
    public static Optional<WinstVeld> of(String naam) {
        return Arrays.stream(values())
                .filter(v -> v.naam.equalsIgnoreCase(naam.strip()))
                .findFirst();
    }

    /** The names of the fields of {@code soort}, in the chain's order. */
    static List<String> namen(java.util.function.Predicate<WinstVeld> welke) {
        return Arrays.stream(values()).filter(welke).map(WinstVeld::naam).toList();
    }

    /** "jaar, winst, kor, …": every field, for help texts. */
    public static String lijst() {
        return String.join(", ", namen(v -> true));
    }

    private static int jaar(RuleBook r) {
        return 2026;
    }

    private static String getal(RuleBook r, String name) {
        return getal(r, name, jaar(r));
    }

    private static String getal(RuleBook r, String name, int year) {
        return DutchText.number(r.get(name, year, name).number()).toLowerCase(Locale.ROOT);
    }
}
