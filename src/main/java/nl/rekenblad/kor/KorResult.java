package nl.rekenblad.kor;

import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.rules.UsedParameter;

import java.util.List;
import java.util.Optional;

/**
 * A computed KOR jaaropstelling: the steps with their exact values, how they are laid out, the
 * parameters used and the warnings. Immutable.
 */
public record KorResult(
        KorInput input,
        Regime regime,
        Calculation calculation,
        Layout layout,
        List<UsedParameter> parameters,
        List<Problem> warnings) {

    public KorResult {
        parameters = List.copyOf(parameters);
        warnings = List.copyOf(warnings);
    }

    public int year() {
        return input.year();
    }

    public Money periode5a(Period p) {
        return calculation.money(KorKeys.period(p, KorKeys.PerPeriode.VERSCHULDIGD));
    }

    public Money periode5b(Period p) {
        return calculation.money(KorKeys.period(p, KorKeys.PerPeriode.VOORBELASTING));
    }

    public Money periode5c(Period p) {
        return calculation.money(KorKeys.period(p, KorKeys.PerPeriode.SALDO));
    }

    public Money verschuldigd() {
        return calculation.money(KorKeys.JAAR_5A);
    }

    public Money voorbelasting() {
        return calculation.money(KorKeys.JAAR_5B);
    }

    public Money saldo() {
        return calculation.money(KorKeys.JAAR_5C);
    }

    // old KOR

    public Money fictieveBtw() {
        return calculation.money(KorKeys.FICTIEF);
    }

    public Money grondslag() {
        return calculation.money(KorKeys.GRONDSLAG);
    }

    public Money vermindering() {
        return calculation.money(KorKeys.VERMINDERING);
    }

    public Money teBetalen() {
        return calculation.money(KorKeys.TE_BETALEN);
    }

    public Money winstcorrectie() {
        return calculation.money(KorKeys.WINSTCORRECTIE);
    }

    // exemption

    public Money omzet() {
        return calculation.money(KorKeys.OMZET);
    }

    public Money omzetgrens() {
        return calculation.money(KorKeys.OMZETGRENS);
    }

    public boolean binnenGrens() {
        return calculation.bool(KorKeys.BINNEN_GRENS);
    }

    /** The first period in which the cumulative turnover passes the omzetgrens. */
    public Optional<Period> overschredenIn() {
        return input.periods().stream()
                .filter(p -> calculation.bool(KorKeys.period(p, KorKeys.PerPeriode.OVERSCHREDEN)))
                .findFirst();
    }

    /** Whether the exemption can apply this year, as far as the previous year is known. */
    public boolean vrijstellingMogelijk() {
        return calculation.bool(KorKeys.MOGELIJK);
    }

    public Money afweging() {
        return calculation.money(KorKeys.AFWEGING);
    }
}
