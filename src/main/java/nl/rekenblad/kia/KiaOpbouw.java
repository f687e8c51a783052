package nl.rekenblad.kia;

import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.RowStep;
import nl.rekenblad.core.Step;
import nl.rekenblad.kia.KiaKeys.PerActivum;
import nl.rekenblad.kia.KiaKeys.Regel;
import nl.rekenblad.rules.Parameter;
import nl.rekenblad.rules.RuleBook;
import nl.rekenblad.rules.UsedParameter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.IntFunction;

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
    /** The steps and per-asset columns, in the order they are worked out. */
    final List<Calculation.Part> parts = new ArrayList<>();
    /** Every asset: the rows of a column that every asset has. */
    final int[] all;

    KiaOpbouw(
            RuleBook rules,
            KiaInput in,
            SortedSet<Integer> years,
            SortedSet<Integer> disposalYears,
            List<Problem> warnings) {
        this.rules = rules;
        this.in = in;
        this.activa = in.activa();
        this.n = activa.size();
        this.years = years;
        this.disposalYears = disposalYears;
        this.warnings = warnings;
        this.all = RowStep.all(n);
    }

    void add(Step s) {
        parts.add(s);
    }

    /** A column of every asset: {@code step} gives asset {@code i}'s step (made again whenever it is needed). */
    void add(PerActivum what, IntFunction<Step> step) {
        parts.add(new RowStep(KiaKeys.asset(what), all, step));
    }

    /** The same for a column some of whose rows are explained on a line of their own in the Toelichting. */
    void addExplained(PerActivum what, IntFunction<Step> step) {
        parts.add(new RowStep(KiaKeys.asset(what), all, step, true));
    }

    /** A column of some assets ({@code rows}, ascending). */
    void add(String column, int[] rows, IntFunction<Step> step) {
        parts.add(new RowStep(column, rows, step));
    }

    /** Takes the parameter of {@code year} into the calculation (once) and returns its key. */
    String use(Regel r, int year, String description) {
        String key = r.key(year);
        if (!params.containsKey(key)) {
            params.put(
                    key,
                    new UsedParameter(
                            key, year, rules.get(r.ruleName(), year, description + " (" + r.ruleName() + ")")));
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

    /** {@code prefix} and the parameter as a plain number ("minder dan 450"), made once per parameter. */
    String text(String prefix, Regel r, int year) {
        return texts.computeIfAbsent(prefix + r.key(year), k -> prefix + DutchText.number(value(r, year)));
    }

    private final Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();

    /** An amount parameter as the Toelichting writes it: {@code € 2.900}. */
    String euro(Regel r, int year) {
        return DutchText.euro(value(r, year));
    }

    /** A percentage parameter as the Toelichting writes it: {@code 28%}. */
    String percent(Regel r, int year) {
        return DutchText.percent(value(r, year));
    }
}
