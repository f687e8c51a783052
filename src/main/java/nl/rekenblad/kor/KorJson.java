package nl.rekenblad.kor;

import nl.rekenblad.core.Period;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} report of a KOR jaaropstelling. */
final class KorJson {
    private KorJson() {}

    public static Map<String, Object> toMap(KorResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jaar", r.year());
        m.put("regime", r.regime().word());
        m.put("rechtsvorm", r.input().rechtsvorm().word());
        List<Object> perioden = new ArrayList<>();
        for (Period p : r.input().periods()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("periode", p.label());
            pm.put("5a", r.periode5a(p));
            pm.put("5b", r.periode5b(p));
            pm.put("5c", r.periode5c(p));
            perioden.add(pm);
        }
        m.put("perioden", perioden);
        m.put("verschuldigd", r.verschuldigd());
        m.put("voorbelasting", r.voorbelasting());
        m.put("saldo", r.saldo());
        if (r.regime() == Regime.OUD) {
            m.put("fictieveBtw", r.fictieveBtw());
            m.put("grondslag", r.grondslag());
            m.put("vermindering", r.vermindering());
            m.put("teBetalen", r.teBetalen());
            m.put("winstcorrectie", r.winstcorrectie());
        } else {
            m.put("omzet", r.omzet());
            m.put("omzetgrens", r.omzetgrens());
            m.put("binnenGrens", r.binnenGrens());
            m.put("overschredenIn", r.overschredenIn().map(Period::label).orElse(null));
            m.put("omzetVorigJaar", r.input().omzetVorigJaar().orElse(null));
            m.put("vrijstellingMogelijk", r.vrijstellingMogelijk());
            m.put("afweging", r.afweging());
        }
        m.put("waarschuwingen", r.warnings().stream().map(Object::toString).toList());
        return m;
    }
}
