package nl.rekenblad.btw;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The {@code --json} report of a btw-opstelling: exact sums to the cent. */
public final class BtwJson {
    private BtwJson() {}

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

    /** An auditfile's codes and aansluiting: {@code btwcodes} and {@code aansluiting}. */
    static Map<String, Object> auditfile(BtwRegulation.Auditfile a) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> codes = new ArrayList<>();
        for (XafBerekening.CodeRegel c : a.codes()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put(a.perRekening() ? "rekening" : "code", c.code().vatID());
            cm.put("kant", c.kant().tekst());
            cm.put("omschrijving", c.code().vatDesc());
            cm.put("rubriek", c.toewijzing().code());
            cm.put("reden", c.toewijzing().reden());
            cm.put("ookIn5b", c.ookVoorbelasting());
            cm.put("regels", c.regels());
            cm.put(
                    "grondslag",
                    Money.of(c.grondslag().values().stream()
                            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)));
            cm.put(
                    "btw",
                    Money.of(c.btw().values().stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)));
            codes.add(cm);
        }
        m.put("versie", a.versie());
        m.put("gelezen", a.perRekening() ? "per grootboekrekening" : "per btw-code");
        m.put(a.perRekening() ? "rekeningen" : "btwcodes", codes);
        List<Object> aansluiting = new ArrayList<>();
        for (XafBerekening.Aansluiting x : a.aansluiting()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("periode", x.periode().label());
            am.put("aangifte5a", Money.of(x.aangifte5a()));
            am.put("grootboek5a", Money.of(x.grootboek5a()));
            am.put("aangifte5b", Money.of(x.aangifte5b()));
            am.put("grootboek5b", Money.of(x.grootboek5b()));
            am.put("verschil", Money.of(x.verschil()));
            am.put("zonderBtwCode5a", Money.of(x.correctie5a()));
            am.put("zonderBtwCode5b", Money.of(x.correctie5b()));
            am.put("onverklaard", Money.of(x.onverklaard()));
            aansluiting.add(am);
        }
        m.put("aansluiting", aansluiting);
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
