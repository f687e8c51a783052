package nl.rekenblad.kia;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an asset is, for the KIA: a qualifying {@code bedrijfsmiddel} or one of the exclusions of
 * art. 3.45 Wet IB 2001 (and the related rules for private and related-party acquisitions).
 */
public enum Soort {
    BEDRIJFSMIDDEL("bedrijfsmiddel", ""),
    WOONHUIS("woonhuis", "Woonhuizen geven geen recht op investeringsaftrek."),
    GROND("grond", "Grond (ook de grond onder gebouwen) geeft geen recht op investeringsaftrek."),
    DIER("dier", "Dieren geven geen recht op investeringsaftrek."),
    EFFECTEN(
            "effecten",
            "Aandelen, obligaties en andere effecten zijn geen bedrijfsmiddelen voor de investeringsaftrek."),
    GOODWILL("goodwill", "Goodwill geeft geen recht op investeringsaftrek."),
    PERSONENAUTO(
            "personenauto",
            "Personenauto's die niet bestemd zijn voor beroepsvervoer geven geen KIA, ook niet"
                    + " als ze emissievrij zijn."),
    VERHUUR("verhuur", "Bedrijfsmiddelen die hoofdzakelijk bestemd zijn om te verhuren geven geen investeringsaftrek."),
    BUITENLAND(
            "buitenland",
            "Bedrijfsmiddelen die hoofdzakelijk in het buitenland worden gebruikt geven geen" + " investeringsaftrek."),
    PRIVE("prive", "Uit het privévermogen ingebracht: dat is geen investering voor de investeringsaftrek."),
    VERBONDEN(
            "verbonden",
            "Aangeschaft van een verbonden persoon (partner, bloed- of aanverwant, eigen bv):"
                    + " geen investeringsaftrek.");

    private final String word;
    private final String exclusion;

    Soort(String word, String exclusion) {
        this.word = word;
        this.exclusion = exclusion;
    }

    /** Why this kind does not count, in Dutch; empty for a qualifying bedrijfsmiddel. */
    public String exclusion() {
        return exclusion;
    }

    public String word() {
        return word;
    }

    public boolean qualifies() {
        return this == BEDRIJFSMIDDEL;
    }

    public static Optional<Soort> of(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace("é", "e");
        return Arrays.stream(values()).filter(s -> s.word.equals(t)).findFirst();
    }

    public static String words() {
        return Arrays.stream(values()).map(Soort::word).collect(Collectors.joining(", "));
    }
}
