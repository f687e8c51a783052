package nl.rekenblad.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The legal form of the business; the old KOR was only for natural persons and their partnerships. */
public enum Rechtsvorm {
    EENMANSZAAK(true),
    VOF(true),
    MAATSCHAP(true),
    CV(true),
    BV(false),
    NV(false),
    STICHTING(false),
    VERENIGING(false);

    /** The one default rule: an input that does not say its legal form is an eenmanszaak. */
    public static final Rechtsvorm STANDAARD = EENMANSZAAK;

    private final boolean naturalPersons;

    Rechtsvorm(boolean naturalPersons) {
        this.naturalPersons = naturalPersons;
    }

    /** A natural person or a partnership of natural persons (art. 25 Wet OB, text before 2020). */
    public boolean naturalPersons() {
        return naturalPersons;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Rechtsvorm> of(String text) {
        String t = text == null
                ? ""
                : text.trim().toLowerCase(Locale.ROOT).replace(".", "").replace(" ", "");
        return Arrays.stream(values()).filter(r -> r.word().equals(t)).findFirst();
    }

    public static String words() {
        return Arrays.stream(values()).map(Rechtsvorm::word).collect(Collectors.joining(", "));
    }
}
