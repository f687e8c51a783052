package nl.rekenblad.winst;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --json} report of a winstberekening. */
public final class WinstJson {
    private WinstJson() {
    }

    public static Map<String, Object> toMap(WinstResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jaar", r.input().jaar());
        m.put("winst", r.get("winst"));
        m.put("korWinstcorrectie", r.get("kor"));
        m.put("kia", r.get("kia"));
        m.put("eia", r.get("eia"));
        m.put("mia", r.get("mia"));
        m.put("bijtelling", r.get("bijtelling"));
        m.put("gemengdeKostenBijtelling", r.get("gk"));
        m.put("fiscaleWinst", r.fiscaleWinst());
        m.put("urencriterium", r.calculation().bool("urencriterium"));
        m.put("zelfstandigenaftrek", r.get("zaf"));
        m.put("startersaftrek", r.get("saf"));
        m.put("meewerkaftrek", r.get("mwa"));
        m.put("stakingsaftrek", r.get("sta"));
        m.put("ondernemersaftrek", r.get("oa"));
        m.put("naOndernemersaftrek", r.naOndernemersaftrek());
        m.put("mkbVrijstelling", r.mkbVrijstelling());
        m.put("belastbaar", r.belastbaar());
        m.put("waarschuwingen", r.input().warnings().stream().map(Object::toString).toList());
        return m;
    }
}
