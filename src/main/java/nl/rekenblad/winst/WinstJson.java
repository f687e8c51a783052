package nl.rekenblad.winst;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --json} report of a winstberekening. */
public final class WinstJson {
    private WinstJson() {}

    public static Map<String, Object> toMap(WinstResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jaar", r.input().jaar());
        m.put("winst", r.get(WinstKeys.WINST));
        m.put("korWinstcorrectie", r.get(WinstKeys.KOR));
        m.put("kia", r.get(WinstKeys.KIA));
        m.put("eia", r.get(WinstKeys.EIA));
        m.put("mia", r.get(WinstKeys.MIA));
        m.put("bijtelling", r.get(WinstKeys.BIJTELLING));
        m.put("gemengdeKostenBijtelling", r.get(WinstKeys.GEMENGDE_KOSTEN));
        m.put("privegebruikAuto", r.get(WinstKeys.PRIVEGEBRUIK_AUTO));
        m.put("fiscaleWinst", r.fiscaleWinst());
        m.put("urencriterium", r.calculation().bool(WinstKeys.URENCRITERIUM));
        m.put("zelfstandigenaftrek", r.get(WinstKeys.ZELFSTANDIGENAFTREK));
        m.put("verrekendeZelfstandigenaftrek", r.get(WinstKeys.ZA_VERREKEND));
        m.put("nogTeVerrekenenZelfstandigenaftrek", r.get(WinstKeys.ZA_NOG));
        m.put("startersaftrek", r.get(WinstKeys.STARTERSAFTREK));
        m.put("startersaftrekReden", r.calculation().text(WinstKeys.STARTERS_REDEN));
        m.put("soAftrek", r.get(WinstKeys.SO_AFTREK));
        m.put("startersaftrekArbeidsongeschiktheid", r.get(WinstKeys.SAO));
        m.put("meewerkaftrek", r.get(WinstKeys.MEEWERKAFTREK));
        m.put("stakingsaftrek", r.get(WinstKeys.STAKINGSAFTREK));
        m.put("ondernemersaftrek", r.get(WinstKeys.ONDERNEMERSAFTREK));
        m.put("naOndernemersaftrek", r.naOndernemersaftrek());
        m.put("mkbVrijstelling", r.mkbVrijstelling());
        m.put("belastbaar", r.belastbaar());
        m.put(
                "waarschuwingen",
                r.input().warnings().stream().map(Object::toString).toList());
        return m;
    }
}
