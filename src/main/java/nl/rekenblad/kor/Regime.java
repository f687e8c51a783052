package nl.rekenblad.kor;

import nl.rekenblad.rules.RuleBook;

/** Which kleineondernemersregeling applies to a calendar year. */
public enum Regime {
    /** The reduction of art. 25 Wet OB as in force until 31 December 2019. */
    OUD("oud"),
    /** The turnover-based exemption from 1 January 2020. */
    VRIJSTELLING("vrijstelling");

    private final String word;

    Regime(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /**
     * The regime of {@code year} by the rules data: the old reduction where its thresholds cover the year (or the
     * year lies before the exemption's first year), else the exemption. A year the rules do not cover is refused
     * later, by the parameter that is missing.
     */
    public static Regime forYear(RuleBook rules, int year) {
        if (rules.covers("KOR_Oud_Drempel", year)) {
            return OUD;
        }
        if (rules.covers("KOR_Vrij_Omzetgrens", year)) {
            return VRIJSTELLING;
        }
        return rules.firstYear("KOR_Vrij_Omzetgrens")
                .map(first -> year < first ? OUD : VRIJSTELLING)
                .orElse(OUD);
    }
}
