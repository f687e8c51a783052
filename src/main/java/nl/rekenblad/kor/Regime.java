package nl.rekenblad.kor;

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

    public static Regime forYear(int year) {
        return year < 2020 ? OUD : VRIJSTELLING;
    }
}
