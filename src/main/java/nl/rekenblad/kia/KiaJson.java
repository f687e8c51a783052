package nl.rekenblad.kia;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The {@code --json} report of a KIA register. */
final class KiaJson {
    private KiaJson() {}

    public static Map<String, Object> toMap(KiaResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        TreeSet<Integer> years = new TreeSet<>(r.years());
        years.addAll(r.disposalYears());
        // Every year with a disposal appears, also one past the five years (bijtelling nil).
        r.input().activa().forEach(a -> a.verkoopdatum().ifPresent(d -> years.add(d.getYear())));
        List<Object> jaren = new ArrayList<>();
        for (int y : years) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("jaar", y);
            j.put("investeringen", r.investeringen(y));
            j.put("kia", r.kia(y));
            j.put("percentage", r.percentage(y).setScale(6, RoundingMode.HALF_UP));
            j.put("bijtelling", r.bijtelling(y));
            j.put("eia", r.eia(y));
            j.put("mia", r.mia(y));
            j.put("afschrijving", r.afschrijving(y));
            r.input().aandeel().ifPresent(a -> j.put("kiaVennoot", r.kia(y).multipliedBy(a)));
            jaren.add(j);
        }
        m.put("jaren", jaren);
        List<Object> activa = new ArrayList<>();
        for (int i = 0; i < r.input().activa().size(); i++) {
            Activum a = r.input().activa().get(i);
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("id", a.id());
            am.put("kwalificeert", r.kwalificeert(i));
            am.put("reden", r.reden(i).isEmpty() ? null : r.reden(i));
            am.put("kia", r.kiaVan(i));
            am.put("bijtelling", r.bijtellingVan(i));
            Map<String, Object> afs = new LinkedHashMap<>();
            for (int y : r.depreciationYears()) {
                if (r.afschrijvingVan(i, y).amount().signum() != 0) {
                    afs.put(Integer.toString(y), r.afschrijvingVan(i, y));
                }
            }
            am.put("afschrijving", afs);
            activa.add(am);
        }
        m.put("activa", activa);
        if (r.input().aandeel().isPresent()) {
            m.put("aandeel", r.input().aandeel().get());
        }
        m.put("waarschuwingen", r.warnings().stream().map(Object::toString).toList());
        return m;
    }
}
