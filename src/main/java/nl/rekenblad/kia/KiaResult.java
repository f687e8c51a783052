package nl.rekenblad.kia;

import java.util.List;
import java.util.Map;
import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;
import nl.rekenblad.rules.UsedParameter;

/**
 * A worked-out investment register: steps with exact values, the layout per result sheet, the
 * parameters used and the warnings. Immutable.
 */
public record KiaResult(KiaInput input, Calculation calculation, List<Integer> years, List<Integer> disposalYears,
        List<Integer> depreciationYears, Map<String, Layout> layouts, List<UsedParameter> parameters,
        List<Problem> warnings) {

    public Money investeringen(int year) {
        return years.contains(year) ? calculation.money(KiaKeys.year(year, "T")) : Money.zero();
    }

    public Money kia(int year) {
        return years.contains(year) ? calculation.money(KiaKeys.year(year, "kia")) : Money.zero();
    }

    public java.math.BigDecimal percentage(int year) {
        return years.contains(year) ? calculation.money(KiaKeys.year(year, "pct")).amount() : java.math.BigDecimal.ZERO;
    }

    public Money eia(int year) {
        return years.contains(year) ? calculation.money(KiaKeys.year(year, "eia")) : Money.zero();
    }

    public Money mia(int year) {
        return years.contains(year) ? calculation.money(KiaKeys.year(year, "mia")) : Money.zero();
    }

    public Money bijtelling(int year) {
        return disposalYears.contains(year) ? calculation.money(KiaKeys.disposal(year, "bijtelling")) : Money.zero();
    }

    public Money afschrijving(int year) {
        return depreciationYears.contains(year) ? calculation.money(KiaKeys.year(year, "afschrijving")) : Money.zero();
    }

    public boolean kwalificeert(int asset) {
        return calculation.bool(KiaKeys.asset(asset, "telt"));
    }

    public String reden(int asset) {
        return calculation.text(KiaKeys.asset(asset, "reden"));
    }

    public Money kiaVan(int asset) {
        return calculation.money(KiaKeys.asset(asset, "kia"));
    }

    public Money bijtellingVan(int asset) {
        return input.activa().get(asset).verkoopdatum().isPresent()
                ? calculation.money(KiaKeys.asset(asset, "bijtelling")) : Money.zero();
    }

    public Money afschrijvingVan(int asset, int year) {
        return depreciationYears.contains(year) ? calculation.money(KiaKeys.depreciation(asset, year, "bedrag")) : Money.zero();
    }

    public Money boekwinstVan(int asset) {
        return calculation.money(KiaKeys.depreciation(asset, 0, "boekwinst"));
    }
}
