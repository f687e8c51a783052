package nl.rekenblad.btw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.aangifte.Rubriek;

/** The {@code --json} report of a btw-opstelling: exact sums to the cent. */
public final class BtwJson {
    private BtwJson() {
    }

    public static Map<String, Object> toMap(BtwBerekening b, BtwAangifte.Result a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jaar", b.jaar());
        List<Object> perioden = new ArrayList<>();
        for (Period p : b.perioden()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("periode", p.label());
            pm.putAll(block(what -> BtwAangifte.exact(p, what), a));
            perioden.add(pm);
        }
        m.put("perioden", perioden);
        m.put("totaal", block(BtwAangifte::exactYear, a));
        m.put("regels", b.regels());
        m.put("meldingen", b.aantalMeldingen());
        return m;
    }

    private static Map<String, Object> block(Function<String, String> key, BtwAangifte.Result a) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> rub = new LinkedHashMap<>();
        for (Rubriek r : Rubriek.values()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("omzet", Money.of(a.exact(key.apply(r.code() + ".omzet"))));
            rm.put("btw", Money.of(a.exact(key.apply(r.code() + ".btw"))));
            rub.put(r.code(), rm);
        }
        m.put("rubrieken", rub);
        m.put("5a", Money.of(a.exact(key.apply("5a"))));
        m.put("5b", Money.of(a.exact(key.apply("5b"))));
        m.put("5c", Money.of(a.exact(key.apply("5c"))));
        return m;
    }
}
