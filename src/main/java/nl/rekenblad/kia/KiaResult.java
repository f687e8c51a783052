package nl.rekenblad.kia;

import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;
import nl.rekenblad.kia.KiaKeys.PerActivum;
import nl.rekenblad.kia.KiaKeys.PerAfschrijving;
import nl.rekenblad.kia.KiaKeys.PerJaar;
import nl.rekenblad.kia.KiaKeys.PerVerkoopjaar;
import nl.rekenblad.rules.UsedParameter;

import java.util.List;
import java.util.Map;

/**
 * A worked-out investment register: steps with exact values, the layout per result sheet, the
 * parameters used, the warnings, and the depreciation cap in words ("ten hoogste 20% per jaar (goodwill 10%)").
 * Immutable.
 */
public record KiaResult(
        KiaInput input,
        Calculation calculation,
        List<Integer> years,
        List<Integer> disposalYears,
        List<Integer> depreciationYears,
        Map<String, Layout> layouts,
        List<UsedParameter> parameters,
        List<Problem> warnings,
        String afschrijvingsgrens) {

    public KiaResult {
        years = List.copyOf(years);
        disposalYears = List.copyOf(disposalYears);
        depreciationYears = List.copyOf(depreciationYears);
        layouts = Map.copyOf(layouts);
        parameters = List.copyOf(parameters);
        warnings = List.copyOf(warnings);
    }

    public Money investeringen(int year) {
        return years.contains(year) ? calculation.money(KiaKeys.year(year, PerJaar.T)) : Money.zero();
    }

    public Money kia(int year) {
        return years.contains(year) ? calculation.money(KiaKeys.year(year, PerJaar.KIA)) : Money.zero();
    }

    public java.math.BigDecimal percentage(int year) {
        return years.contains(year)
                ? calculation.money(KiaKeys.year(year, PerJaar.PCT)).amount()
                : java.math.BigDecimal.ZERO;
    }

    public Money eia(int year) {
        return years.contains(year) ? calculation.money(KiaKeys.year(year, PerJaar.EIA)) : Money.zero();
    }

    public Money mia(int year) {
        return years.contains(year) ? calculation.money(KiaKeys.year(year, PerJaar.MIA)) : Money.zero();
    }

    public Money bijtelling(int year) {
        return disposalYears.contains(year)
                ? calculation.money(KiaKeys.disposal(year, PerVerkoopjaar.BIJTELLING))
                : Money.zero();
    }

    public Money afschrijving(int year) {
        return depreciationYears.contains(year)
                ? calculation.money(KiaKeys.year(year, PerJaar.AFSCHRIJVING))
                : Money.zero();
    }

    public boolean kwalificeert(int asset) {
        return calculation.bool(KiaKeys.asset(PerActivum.TELT), asset);
    }

    public String reden(int asset) {
        return calculation.text(KiaKeys.asset(PerActivum.REDEN), asset);
    }

    public Money kiaVan(int asset) {
        return calculation.money(KiaKeys.asset(PerActivum.KIA), asset);
    }

    public Money bijtellingVan(int asset) {
        return input.activa().get(asset).verkoopdatum().isPresent()
                ? calculation.money(KiaKeys.asset(PerActivum.BIJTELLING), asset)
                : Money.zero();
    }

    public Money afschrijvingVan(int asset, int year) {
        return depreciationYears.contains(year)
                ? calculation.money(KiaKeys.depreciation(year, PerAfschrijving.BEDRAG), asset)
                : Money.zero();
    }

    public Money boekwinstVan(int asset) {
        return calculation.money(KiaKeys.depreciation(PerAfschrijving.BOEKWINST), asset);
    }
}
