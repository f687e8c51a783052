package nl.rekenblad.kor;

import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.internal.io.AmountNotation;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * {@code --omzet-vorig-jaar}, for every command that ends in a KOR jaaropstelling ({@code kor}, {@code btw --kor}):
 * the previous year's turnover, typed the Dutch way ({@link AmountNotation#parseTyped}).
 */
public final class OmzetVorigJaarOptie {
    @Option(
            names = "--omzet-vorig-jaar",
            paramLabel = "BEDRAG",
            description = "omzet van het vorige jaar voor de omzetgrens (vanaf 2025), bijv. 18500, 18.500 of 18.500,00")
    String tekst;

    /** The amount typed, or empty when the option was not given. */
    public Optional<Money> bedrag() throws InvalidInputException {
        if (tekst == null) {
            return Optional.empty();
        }
        try {
            BigDecimal v = AmountNotation.parseTyped(tekst);
            if (v != null && v.signum() < 0) {
                throw new IllegalArgumentException(
                        "een omzet kan niet negatief zijn, gevonden \"" + tekst.trim() + "\"");
            }
            return v == null ? Optional.empty() : Optional.of(Money.of(v));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("--omzet-vorig-jaar", e.getMessage());
        }
    }
}
