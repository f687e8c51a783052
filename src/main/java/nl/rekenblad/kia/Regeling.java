package nl.rekenblad.kia;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The energy or environmental investment deduction an asset takes beside the KIA. */
public enum Regeling {
    EIA("eia", "EIA_Pct"),
    MIA_1("mia-1", "MIA_1"),
    MIA_2("mia-2", "MIA_2"),
    MIA_3("mia-3", "MIA_3");

    private final String word;
    private final String parameter;

    Regeling(String word, String parameter) {
        this.word = word;
        this.parameter = parameter;
    }

    public String word() {
        return word;
    }

    /** The rules parameter holding its percentage. */
    public String parameter() {
        return parameter;
    }

    public boolean isMia() {
        return this != EIA;
    }

    public static Optional<Regeling> of(String text) {
        String t = text == null
                ? ""
                : text.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "-");
        if (t.equals("mia1") || t.equals("mia-i")) {
            t = "mia-1";
        } else if (t.equals("mia2") || t.equals("mia-ii")) {
            t = "mia-2";
        } else if (t.equals("mia3") || t.equals("mia-iii")) {
            t = "mia-3";
        }
        String w = t;
        return Arrays.stream(values()).filter(r -> r.word.equals(w)).findFirst();
    }

    public static String words() {
        return Arrays.stream(values()).map(Regeling::word).collect(Collectors.joining(", "));
    }
}
