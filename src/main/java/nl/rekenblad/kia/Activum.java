package nl.rekenblad.kia;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import nl.rekenblad.core.Money;

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
public record Activum(String where, String id, String omschrijving, LocalDate datum, Money bedrag, Soort soort,
        Optional<LocalDate> ingebruikname, Optional<Money> betaald, Optional<Money> restwaarde,
        Optional<BigDecimal> gebruiksduur, Optional<LocalDate> verkoopdatum, Optional<Money> verkoopprijs,
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
}
