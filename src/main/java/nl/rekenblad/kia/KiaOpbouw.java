package nl.rekenblad.kia;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Step;
import nl.rekenblad.kia.KiaKeys.PerActivum;
import nl.rekenblad.kia.KiaKeys.Regel;
import nl.rekenblad.rules.Parameter;
import nl.rekenblad.rules.RuleBook;
import nl.rekenblad.rules.UsedParameter;

/**
 * What the rules of the KIA calculation build on together: the register, the years, the rules data, and the steps
 * and parameters gathered so far. Each rule ({@link Kwalificatie}, {@link KiaTabel}, …) adds its steps in turn.
 */
final class KiaOpbouw {
    final RuleBook rules;
    final KiaInput in;
    final List<Activum> activa;
    final int n;
    /** Years with investments, including the deferred part. */
    final SortedSet<Integer> years;
    /** Years with disposals within five years of investing. */
    final SortedSet<Integer> disposalYears;
    final List<Problem> warnings;
    final Map<String, UsedParameter> params = new LinkedHashMap<>();
    final List<Step> steps = new ArrayList<>();

    KiaOpbouw(RuleBook rules, KiaInput in, SortedSet<Integer> years, SortedSet<Integer> disposalYears,
            List<Problem> warnings) {
        this.rules = rules;
        this.in = in;
        this.activa = in.activa();
        this.n = activa.size();
        this.years = years;
        this.disposalYears = disposalYears;
        this.warnings = warnings;
    }

    void add(Step s) {
        steps.add(s);
    }

    /** Takes the parameter of {@code year} into the calculation (once) and returns its key. */
    String use(Regel r, int year, String description) {
        String key = r.key(year);
        if (!params.containsKey(key)) {
            params.put(key, new UsedParameter(key, year, rules.get(r.ruleName(), year, description + " (" + r.ruleName() + ")")));
        }
        return key;
    }

    /** A parameter already used. */
    Parameter parameter(Regel r, int year) {
        UsedParameter p = params.get(r.key(year));
        if (p == null) {
            throw new IllegalStateException(r.key(year) + " not used");
        }
        return p.parameter();
    }

    BigDecimal value(Regel r, int year) {
        return parameter(r, year).number();
    }

    /** An amount parameter as the Toelichting writes it: {@code € 2.900}. */
    String euro(Regel r, int year) {
        return DutchText.euro(value(r, year));
    }

    /** A percentage parameter as the Toelichting writes it: {@code 28%}. */
    String percent(Regel r, int year) {
        return DutchText.percent(value(r, year));
    }

    List<String> assetKeys(PerActivum what) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(KiaKeys.asset(i, what));
        }
        return keys;
    }
}
