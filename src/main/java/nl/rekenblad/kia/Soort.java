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
    BEDRIJFSMIDDEL("bedrijfsmiddel"),
    WOONHUIS("woonhuis"),
    GROND("grond"),
    DIER("dier"),
    EFFECTEN("effecten"),
    GOODWILL("goodwill"),
    PERSONENAUTO("personenauto"),
    VERHUUR("verhuur"),
    BUITENLAND("buitenland"),
    PRIVE("prive"),
    VERBONDEN("verbonden");

    private final String word;

    Soort(String word) {
        this.word = word;
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
