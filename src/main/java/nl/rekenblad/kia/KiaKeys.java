package nl.rekenblad.kia;

import nl.rekenblad.core.Expr;

import java.util.Arrays;
import java.util.Locale;

/**
 * The keys of the KIA calculation's inputs, parameters and steps, in one place: each kind of step is an enum, so a
 * misspelt step is a compile error, not a run-time surprise. What is per asset is a column (a {@link
 * nl.rekenblad.core.RowStep}, or an input field) whose row {@code i} is asset {@code i} in register order.
 */
public final class KiaKeys {
    /** The input fields of one register row, as read from CSV or template. */
    public enum Veld {
        ID,
        OMSCHRIJVING,
        DATUM,
        BEDRAG,
        SOORT,
        INGEBRUIKNAME,
        BETAALD,
        RESTWAARDE,
        GEBRUIKSDUUR,
        VERKOOPDATUM,
        VERKOOPPRIJS,
        REGELING;

        /** The column header and field name: {@code ingebruikname}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The field names of {@link Veld}, in register order. */
    public static final String[] FIELDS =
            Arrays.stream(Veld.values()).map(Veld::word).toArray(String[]::new);

    /** The rules-data parameters the KIA uses. */
    public enum Regel {
        KIA_X("KIA_X"),
        KIA_A("KIA_A"),
        KIA_F("KIA_F"),
        KIA_B("KIA_B"),
        KIA_C("KIA_C"),
        KIA_PCT("KIA_Pct"),
        KIA_AFBOUW("KIA_Afbouw"),
        KIA_MIN("KIA_Min"),
        EIA_PCT("EIA_Pct"),
        MIA_1("MIA_1"),
        MIA_2("MIA_2"),
        MIA_3("MIA_3"),
        EIA_MIA_MIN("EIA_MIA_Min"),
        AFS_MAX("AFS_Max"),
        AFS_MAX_GOODWILL("AFS_MaxGoodwill");

        private final String name;

        Regel(String name) {
            this.name = name;
        }

        /** The name in the rules file: {@code KIA_Pct}. */
        public String ruleName() {
            return name;
        }

        /** The parameter of one year: {@code KIA_A_2025}. */
        public String key(int year) {
            return keys.computeIfAbsent(year, y -> name + "_" + y);
        }

        /** The keys made so far, by year: a register asks for them per asset. */
        private final java.util.Map<Integer, String> keys = new java.util.concurrent.ConcurrentHashMap<>();
    }

    /** The steps of one asset. */
    public enum PerActivum {
        TELT,
        REDEN,
        JAAR,
        UITGESTELD,
        DEEL1,
        JAAR2,
        DEEL2,
        TELT1,
        TELT2,
        KIA,
        GETELD,
        EIA,
        MIA,
        BINNEN5,
        VJAAR,
        VPRIJS,
        VPCT,
        EIAPCT,
        MIAPCT,
        BIJTELLING
    }

    /** The steps of one investment year (and of depreciation per year). */
    public enum PerJaar {
        JAAR("jaar"),
        T("T"),
        KIA("kia"),
        PCT("pct"),
        AANGIFTE("aangifte"),
        EIA("eia"),
        MIA("mia"),
        TOTAAL("totaal"),
        VENNOOT("vennoot"),
        AFSCHRIJVING("afschrijving");

        private final String word;

        PerJaar(String word) {
            this.word = word;
        }
    }

    /** The steps of one year with disposals. */
    public enum PerVerkoopjaar {
        JAAR,
        VERKOPEN,
        DREMPEL,
        BOVEN,
        BIJTELLING,
        AANGIFTE
    }

    /** The depreciation steps of one asset: over its life, and per year. */
    public enum PerAfschrijving {
        START,
        EIND,
        JAARBEDRAG,
        TOTAAL,
        BOEKWINST,
        MAANDEN,
        BEDRAG,
        BOEKWAARDE
    }

    /** The partner's share of a partnership's register. */
    public static final String AANDEEL = "aandeel";

    private KiaKeys() {}

    private static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The column keys, made once: a register's steps ask for them per asset. */
    private static final String[] ASSET =
            Arrays.stream(PerActivum.values()).map(w -> "a." + word(w)).toArray(String[]::new);

    private static final String[] INPUT =
            Arrays.stream(Veld.values()).map(v -> "in." + v.word()).toArray(String[]::new);
    private static final String[] DEPRECIATION =
            Arrays.stream(PerAfschrijving.values()).map(w -> "af." + word(w)).toArray(String[]::new);

    /** The input column of a register field: {@code in.bedrag}; row {@code i} is asset {@code i} (register order). */
    public static String input(Veld field) {
        return INPUT[field.ordinal()];
    }

    /** The input column by field name, as a template names its columns. */
    public static String input(String field) {
        return "in." + field;
    }

    /** A per-asset column: {@code a.kia}. */
    public static String asset(PerActivum what) {
        return ASSET[what.ordinal()];
    }

    /** A per-year step: {@code j.2025.kia}. */
    public static String year(int year, PerJaar what) {
        return "j." + year + "." + what.word;
    }

    /** A disposal-year step: {@code d.2026.bijtelling}. */
    public static String disposal(int year, PerVerkoopjaar what) {
        return "d." + year + "." + word(what);
    }

    /** A per-asset depreciation column over its life: {@code af.totaal}. */
    public static String depreciation(PerAfschrijving what) {
        return DEPRECIATION[what.ordinal()];
    }

    /** A per-asset depreciation column of {@code year}: {@code af.2025.bedrag}. */
    public static String depreciation(int year, PerAfschrijving what) {
        return DEPRECIATION_BY_YEAR.computeIfAbsent(year * 16 + what.ordinal(), k -> "af." + year + "." + word(what));
    }

    /** The per-year column keys made so far: one string per column, however often a register asks. */
    private static final java.util.Map<Integer, String> DEPRECIATION_BY_YEAR =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Asset {@code i}'s input cell. */
    static Expr input(int i, Veld field) {
        return Expr.cell(input(field), i);
    }

    /** Asset {@code i}'s cell of a per-asset column. */
    static Expr asset(int i, PerActivum what) {
        return Expr.cell(asset(what), i);
    }

    /** Asset {@code i}'s depreciation cell over its life. */
    static Expr afschrijving(int i, PerAfschrijving what) {
        return Expr.cell(depreciation(what), i);
    }

    /** Asset {@code i}'s depreciation cell of {@code year}. */
    static Expr afschrijving(int i, int year, PerAfschrijving what) {
        return Expr.cell(depreciation(year, what), i);
    }
}
