package nl.rekenblad.kor;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Rechtsvorm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Readable KOR inputs for tests: {@code KorFixture.of(2017).line("2017-Q1", "1a", "2500", "525")}. */
public final class KorFixture {
    private final int year;
    private final Map<Period, Map<Rubriek, KorInput.Bedragen>> lines = new LinkedHashMap<>();
    private Rechtsvorm rechtsvorm = Rechtsvorm.EENMANSZAAK;
    private Optional<Money> vorigJaar = Optional.empty();
    private Period.Kind kind;

    private KorFixture(int year) {
        this.year = year;
    }

    public static KorFixture of(int year) {
        return new KorFixture(year);
    }

    public KorFixture line(String period, String rubriek, String omzet, String btw) {
        Period p = Period.parse(period);
        kind = p.kind();
        lines.computeIfAbsent(p, k -> new EnumMap<>(Rubriek.class))
                .put(
                        Rubriek.ofCode(rubriek).orElseThrow(),
                        new KorInput.Bedragen(
                                omzet == null ? null : Money.parse(omzet), btw == null ? null : Money.parse(btw)));
        return this;
    }

    /** The whole year at once: btw owed in 1a and voorbelasting, spread over the year as one period. */
    public static KorInput saldo(int year, String saldo) {
        return of(year).line(Integer.toString(year), "1a", null, saldo).build();
    }

    public KorFixture rechtsvorm(Rechtsvorm r) {
        this.rechtsvorm = r;
        return this;
    }

    public KorFixture omzetVorigJaar(String amount) {
        this.vorigJaar = Optional.of(Money.parse(amount));
        return this;
    }

    public KorInput build() {
        List<Period> periods = new ArrayList<>();
        Period.Kind k = kind == null ? Period.Kind.KWARTAAL : kind;
        int n = switch (k) {
            case JAAR -> 1;
            case KWARTAAL -> 4;
            case MAAND -> 12;
        };
        for (int i = 1; i <= n; i++) {
            periods.add(
                    switch (k) {
                        case JAAR -> Period.year(year);
                        case KWARTAAL -> Period.quarter(year, i);
                        case MAAND -> Period.month(year, i);
                    });
        }
        return new KorInput("test.csv", year, periods, lines, rechtsvorm, vorigJaar, List.of());
    }
}
