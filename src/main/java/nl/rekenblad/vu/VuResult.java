package nl.rekenblad.vu;

import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;
import nl.rekenblad.rules.UsedParameter;

import java.util.List;

/** The verworpen uitgaven worked out: the steps, the two sheets' layouts, the parameters used. Immutable. */
public record VuResult(
        VuInput input,
        Calculation calculation,
        Layout opstelling,
        Layout wagens,
        List<UsedParameter> parameters,
        List<Problem> warnings) {
    public VuResult {
        parameters = List.copyOf(parameters);
        warnings = List.copyOf(warnings);
    }

    /** The total of a code of the aangifte ({@code "1208"}). */
    public Money code(String code) {
        return calculation.money(VuBerekening.code(code));
    }

    /**
     * A negative balance of code 1201 (a vennootschapsbelasting refund larger than the payments): not a negative
     * verworpen uitgave but an adjustment of the taxed reserves; zero or negative.
     */
    public Money naarBelasteReserves() {
        return calculation.has(VuBerekening.RESERVES_1201)
                ? calculation.money(VuBerekening.RESERVES_1201)
                : Money.zero();
    }

    public Money totaal() {
        return calculation.money(VuBerekening.TOTAAL);
    }

    /** A car's step: {@code wagen(0, "pct")}. */
    public java.math.BigDecimal wagen(int j, String what) {
        Object v = calculation.value("w." + j + "." + what);
        return v instanceof java.math.BigDecimal d ? d : java.math.BigDecimal.ZERO;
    }
}
