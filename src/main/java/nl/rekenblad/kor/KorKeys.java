package nl.rekenblad.kor;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.core.Period;

/** The keys of the KOR calculation's inputs and steps, in one place. */
public final class KorKeys {
    public static final String JAAR_5A = "jaar.5a";
    public static final String JAAR_5B = "jaar.5b";
    public static final String JAAR_5C = "jaar.5c";
    public static final String VERLEGD = "verlegd";
    public static final String VERLEGD_AFTREK = "verlegd.aftrek";
    public static final String FICTIEF = "fictief";
    public static final String GRONDSLAG = "grondslag";
    public static final String AFBOUW = "afbouw";
    public static final String VERMINDERING = "vermindering";
    public static final String TE_BETALEN = "teBetalen";
    public static final String TERUG_FICTIEF = "terugFictief";
    public static final String WINSTCORRECTIE = "winstcorrectie";
    public static final String OMZET = "omzet";
    public static final String OMZETGRENS = "omzetgrens";
    public static final String BINNEN_GRENS = "binnenGrens";
    public static final String VORIG_JAAR = "vorigJaar";
    public static final String MOGELIJK = "vrijstellingMogelijk";
    public static final String OVERSCHREDEN_IN = "overschredenIn";
    public static final String AFWEGING_BTW = "afweging.btw";
    public static final String AFWEGING_VOORBELASTING = "afweging.voorbelasting";
    public static final String AFWEGING = "afweging";

    public static final String IN_OMZET_VORIG_JAAR = "in.omzetVorigJaar";

    private KorKeys() {}

    /** The input cell of one rubriek in one period: {@code in.2017_Q1.1a.btw}. */
    public static String input(Period p, Rubriek r, boolean btw) {
        return "in." + p.key() + "." + r.code() + (btw ? ".btw" : ".omzet");
    }

    public static String total(Rubriek r, boolean btw) {
        return "tot." + r.code() + (btw ? ".btw" : ".omzet");
    }

    /** The steps of one period. */
    public enum PerPeriode {
        /** 5a Verschuldigde btw. */
        VERSCHULDIGD("5a"),
        /** 5b Voorbelasting. */
        VOORBELASTING("5b"),
        /** 5c Subtotaal. */
        SALDO("5c"),
        /** Turnover that counts for the omzetgrens (from 2020). */
        OMZET_KOR("omzetKor"),
        /** The services of 3b, taxed in another EU country, when the source tells them apart. */
        DIENSTEN_3B("diensten3b"),
        CUMULATIEF("cumulatief"),
        OVERSCHREDEN("overschreden");

        private final String word;

        PerPeriode(String word) {
            this.word = word;
        }
    }

    /** A step of one period: {@code 2017_Q1.5a}. */
    public static String period(Period p, PerPeriode what) {
        return p.key() + "." + what.word;
    }
}
