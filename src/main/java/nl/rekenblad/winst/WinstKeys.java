package nl.rekenblad.winst;

/** The keys of the winstberekening's steps, in one place (the inputs are {@code in.<veld>}, see {@link Winstberekening#input}). */
public final class WinstKeys {
    public static final String WINST = "winst";
    public static final String KOR = "kor";
    public static final String KIA = "kia";
    public static final String EIA = "eia";
    public static final String MIA = "mia";
    public static final String BIJTELLING = "bijtelling";
    public static final String GEMENGDE_KOSTEN = "gk";
    public static final String FISCAAL = "fiscaal";
    public static final String URENCRITERIUM = "urencriterium";
    public static final String AOW = "aow";
    public static final String STARTERSRECHT = "startersrecht";
    public static final String ZELFSTANDIGENAFTREK_BASIS = "zaf.basis";
    public static final String ZELFSTANDIGENAFTREK = "zaf";
    public static final String STARTERSAFTREK = "saf";
    public static final String MEEWERKAFTREK = "mwa";
    public static final String STAKINGSAFTREK = "sta";
    public static final String ONDERNEMERSAFTREK = "oa";
    public static final String NA_ONDERNEMERSAFTREK = "na";
    public static final String MKB_VRIJSTELLING = "mkb";
    public static final String BELASTBAAR = "belastbaar";
    public static final String PRIVEGEBRUIK_AUTO = "auto";
    public static final String AUTO_BRUTO = "auto.bruto";
    public static final String STARTER = "starter";
    public static final String MEDEGERECHTIGDE = "medegerechtigde";
    public static final String STARTERS_REDEN = "startersrecht.reden";
    public static final String ZA_VERREKEND = "zaf.verrekend";
    public static final String ZA_NOG = "zaf.nog";
    public static final String SO_AFTREK = "so";
    public static final String SAO_RECHT = "sao.recht";
    public static final String SAO = "sao";

    private WinstKeys() {}
}
