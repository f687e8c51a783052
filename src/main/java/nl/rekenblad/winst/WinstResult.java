package nl.rekenblad.winst;

import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Money;
import nl.rekenblad.rules.UsedParameter;

import java.util.List;

/** A computed winstberekening. Immutable. */
public record WinstResult(WinstInput input, Calculation calculation, Layout layout, List<UsedParameter> parameters) {

    public WinstResult {
        parameters = List.copyOf(parameters);
    }

    public Money get(String step) {
        return calculation.money(step);
    }

    public Money fiscaleWinst() {
        return get(WinstKeys.FISCAAL);
    }

    public Money naOndernemersaftrek() {
        return get(WinstKeys.NA_ONDERNEMERSAFTREK);
    }

    public Money mkbVrijstelling() {
        return get(WinstKeys.MKB_VRIJSTELLING);
    }

    public Money belastbaar() {
        return get(WinstKeys.BELASTBAAR);
    }
}
