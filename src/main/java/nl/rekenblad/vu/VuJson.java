package nl.rekenblad.vu;

import nl.rekenblad.core.Money;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} report: amounts with two decimals, percentages as fractions with four decimals. */
final class VuJson {
    private VuJson() {}

    static Map<String, Object> toMap(VuResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aanslagjaar", r.input().aanslagjaar());
        Map<String, Object> codes = new LinkedHashMap<>();
        for (String c : VuBerekening.CODES.keySet()) {
            codes.put(c, r.code(c));
        }
        m.put("codes", codes);
        m.put("totaal", r.totaal());
        m.put("naarBelasteReserves", r.naarBelasteReserves());
        List<Object> wagens = new ArrayList<>();
        for (int j = 0; j < r.input().wagens().size(); j++) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("wagen", r.input().wagens().get(j).naam());
            w.put("aftrekpercentage", r.wagen(j, "pct").setScale(4, RoundingMode.HALF_UP));
            w.put("vu1205", Money.of(r.wagen(j, "vu1205")));
            w.put("vu1206", Money.of(r.wagen(j, "vu1206")));
            wagens.add(w);
        }
        m.put("wagens", wagens);
        m.put("waarschuwingen", r.warnings().stream().map(Object::toString).toList());
        return m;
    }
}
