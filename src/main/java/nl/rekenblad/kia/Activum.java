package nl.rekenblad.kia;

import nl.rekenblad.core.Money;
import nl.rekenblad.core.SpreadsheetDate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One asset of the investment register, as given. Immutable.
 *
 * @param where        where it stands in the input, for messages ({@code register.csv › regel 4})
 * @param id           the bookkeeper's identifier
 * @param datum        when the investment obligation was entered into
 * @param bedrag       cost excluding (deductible) btw
 * @param ingebruikname when it was taken into use, if known
 * @param betaald      paid by the end of the investment year, for an asset not yet in use
 * @param restwaarde   residual value (blank: nil)
 * @param gebruiksduur useful life in years (blank: no depreciation schedule)
 * @param verkoopdatum disposal date, if disposed of
 * @param verkoopprijs disposal value
 * @param regeling     EIA or MIA beside the KIA, if any
 */
public record Activum(
        String where,
        String id,
        String omschrijving,
        LocalDate datum,
        Money bedrag,
        Soort soort,
        Optional<LocalDate> ingebruikname,
        Optional<Money> betaald,
        Optional<Money> restwaarde,
        Optional<BigDecimal> gebruiksduur,
        Optional<LocalDate> verkoopdatum,
        Optional<Money> verkoopprijs,
        Optional<Regeling> regeling) {

    public Activum {
        Objects.requireNonNull(id);
        Objects.requireNonNull(datum);
        Objects.requireNonNull(bedrag);
        Objects.requireNonNull(soort);
    }

    /** The year the investment counts in first (the year the obligation was entered into). */
    public int investeringsjaar() {
        return datum.getYear();
    }

    /** True when it was not yet taken into use at the end of its investment year. */
    public boolean uitgesteld() {
        return ingebruikname.isPresent() && ingebruikname.get().getYear() > datum.getYear();
    }

    /**
     * What its register cell of {@code field} holds: a text, a number (a date as its spreadsheet serial) or null for
     * an empty cell. The register sheet is written from it, and the calculation reads it as the input column.
     */
    public Object cell(KiaKeys.Veld field) {
        return switch (field) {
            case ID -> id;
            case OMSCHRIJVING -> omschrijving;
            case DATUM -> SpreadsheetDate.serial(datum);
            case BEDRAG -> bedrag.amount();
            case SOORT -> soort.word();
            case INGEBRUIKNAME -> ingebruikname.map(SpreadsheetDate::serial).orElse(null);
            case BETAALD -> betaald.map(Money::amount).orElse(null);
            case RESTWAARDE -> restwaarde.map(Money::amount).orElse(null);
            case GEBRUIKSDUUR -> gebruiksduur.orElse(null);
            case VERKOOPDATUM -> verkoopdatum.map(SpreadsheetDate::serial).orElse(null);
            case VERKOOPPRIJS -> verkoopprijs.map(Money::amount).orElse(null);
            case REGELING -> regeling.map(Regeling::word).orElse(null);
        };
    }
}
