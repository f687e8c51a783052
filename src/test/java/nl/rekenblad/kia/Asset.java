package nl.rekenblad.kia;

import nl.rekenblad.core.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Readable assets for tests: {@code Asset.of("1", "2025-03-01", "50000").sold("2027-05-01", "20000").build()}. */
final class Asset {
    private final String id;
    private final LocalDate datum;
    private final Money bedrag;
    private Soort soort = Soort.BEDRIJFSMIDDEL;
    private LocalDate ingebruikname;
    private Money betaald;
    private Money restwaarde;
    private BigDecimal duur;
    private LocalDate verkoop;
    private Money prijs;
    private Regeling regeling;

    private Asset(String id, String datum, String bedrag) {
        this.id = id;
        this.datum = LocalDate.parse(datum);
        this.bedrag = Money.parse(bedrag);
    }

    static Asset of(String id, String datum, String bedrag) {
        return new Asset(id, datum, bedrag);
    }

    Asset soort(Soort s) {
        soort = s;
        return this;
    }

    Asset inGebruik(String date, String paid) {
        ingebruikname = LocalDate.parse(date);
        betaald = paid == null ? null : Money.parse(paid);
        return this;
    }

    Asset afschrijving(String rest, String years) {
        restwaarde = Money.parse(rest);
        duur = new BigDecimal(years);
        return this;
    }

    Asset sold(String date, String price) {
        verkoop = LocalDate.parse(date);
        prijs = Money.parse(price);
        return this;
    }

    Asset regeling(Regeling r) {
        regeling = r;
        return this;
    }

    Activum build() {
        return new Activum(
                "test.csv › " + id,
                id,
                "activum " + id,
                datum,
                bedrag,
                soort,
                Optional.ofNullable(ingebruikname),
                Optional.ofNullable(betaald),
                Optional.ofNullable(restwaarde),
                Optional.ofNullable(duur),
                Optional.ofNullable(verkoop),
                Optional.ofNullable(prijs),
                Optional.ofNullable(regeling));
    }
}
