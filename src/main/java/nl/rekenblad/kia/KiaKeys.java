package nl.rekenblad.kia;

/** The keys of the KIA calculation's inputs, parameters and steps, in one place. */
public final class KiaKeys {
    /** The input fields of one register row, as read from CSV or template. */
    public static final String[] FIELDS = {"id", "omschrijving", "datum", "bedrag", "soort", "ingebruikname", "betaald",
        "restwaarde", "gebruiksduur", "verkoopdatum", "verkoopprijs", "regeling"};

    private KiaKeys() {
    }

    /** Input cell of asset {@code i} (0-based, register order): {@code in.3.bedrag}. */
    public static String input(int i, String field) {
        return "in." + i + "." + field;
    }

    /** A per-asset step: {@code a.3.kia}. */
    public static String asset(int i, String what) {
        return "a." + i + "." + what;
    }

    /** A per-year step: {@code j.2025.kia}. */
    public static String year(int year, String what) {
        return "j." + year + "." + what;
    }

    /** A disposal-year step: {@code d.2026.bijtelling}. */
    public static String disposal(int year, String what) {
        return "d." + year + "." + what;
    }

    /** A depreciation step of asset {@code i} in {@code year}: {@code af.3.2025.bedrag}. */
    public static String depreciation(int i, int year, String what) {
        return "af." + i + "." + year + "." + what;
    }

    /** A year parameter key: {@code KIA_A_2025}. */
    public static String param(String name, int year) {
        return name + "_" + year;
    }
}
