package nl.rekenblad.kor;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Rechtsvorm;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A year of btw returns, as read from a CSV or a template: per period and rubriek the omzet and
 * the btw (blank counts as zero). Immutable.
 *
 * @param bron           the input's name for messages (file name)
 * @param year           the calendar year
 * @param periods        every period of the year at the chosen length, in order (missing ones too)
 * @param lines          per period the amounts given; absent rubrieken are blank
 * @param rechtsvorm     the legal form
 * @param omzetVorigJaar turnover of the previous year for the omzetgrens, when known
 * @param warnings       what the reader noticed but did not stop for (a missing quarter)
 * @param diensten3b     per period the part of 3b that is services taxed in another EU country, when the source tells
 *                       goods and services apart (a journal's column soort, an auditfile's 3b-diensten code)
 */
public record KorInput(
        String bron,
        int year,
        List<Period> periods,
        Map<Period, Map<Rubriek, Bedragen>> lines,
        Rechtsvorm rechtsvorm,
        Optional<Money> omzetVorigJaar,
        List<Problem> warnings,
        Optional<Map<Period, Money>> diensten3b) {

    public KorInput(
            String bron,
            int year,
            List<Period> periods,
            Map<Period, Map<Rubriek, Bedragen>> lines,
            Rechtsvorm rechtsvorm,
            Optional<Money> omzetVorigJaar,
            List<Problem> warnings) {
        this(bron, year, periods, lines, rechtsvorm, omzetVorigJaar, warnings, Optional.empty());
    }

    /** This input with the legal form an option gives ({@code --rechtsvorm}), over what the file says. */
    public KorInput withRechtsvorm(Rechtsvorm r) {
        return new KorInput(bron, year, periods, lines, r, omzetVorigJaar, warnings, diensten3b);
    }

    /** This input with the previous year's turnover an option gives ({@code --omzet-vorig-jaar}), over the file's. */
    public KorInput withOmzetVorigJaar(Money omzet) {
        return new KorInput(bron, year, periods, lines, rechtsvorm, Optional.of(omzet), warnings, diensten3b);
    }

    /** The omzet and btw of one rubriek in one period; a null half is blank. */
    public record Bedragen(Money omzet, Money btw) {
        public static final Bedragen LEEG = new Bedragen(null, null);
    }

    public KorInput {
        Objects.requireNonNull(rechtsvorm);
        periods = List.copyOf(periods);
        Map<Period, Map<Rubriek, Bedragen>> copy = new LinkedHashMap<>();
        for (Period p : periods) {
            Map<Rubriek, Bedragen> m = new EnumMap<>(Rubriek.class);
            m.putAll(lines.getOrDefault(p, Map.of()));
            copy.put(p, java.util.Collections.unmodifiableMap(m));
        }
        lines = java.util.Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
        diensten3b = diensten3b.map(java.util.Map::copyOf);
    }

    public Bedragen get(Period p, Rubriek r) {
        return lines.getOrDefault(p, Map.of()).getOrDefault(r, Bedragen.LEEG);
    }

    /** True when some amount is given for the period. */
    public boolean hasData(Period p) {
        return lines.getOrDefault(p, Map.of()).values().stream().anyMatch(b -> b.omzet() != null || b.btw() != null);
    }
}
