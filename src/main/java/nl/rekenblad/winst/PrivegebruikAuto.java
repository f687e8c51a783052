package nl.rekenblad.winst;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.rules.RuleBook;

/**
 * Which rule of art. 3.20 Wet IB 2001 holds in which months of the year for the private use of a business car: the
 * percentage of the year of first registration for 60 months, then that of the year the next period of 60 months
 * begins; from the first month that begins at or after the car's 15th anniversary of first registration, 35% of
 * the waarde in het economisch verkeer. Months count from the month of {@code autoVan} to that of {@code autoTot}
 * (pro rata by month). Consecutive months under the same rule form one segment. Pure.
 */
final class PrivegebruikAuto {
    /** The kind of car as the input says it ({@code autoEmissievrij}). */
    enum Soort {
        GEWOON, EMISSIEVRIJ, WATERSTOF_OF_ZONNECEL;

        static Optional<Soort> of(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "", "nee", "no", "false", "n" -> Optional.of(GEWOON);
                case "ja", "yes", "true", "j", "elektrisch" -> Optional.of(EMISSIEVRIJ);
                case "waterstof", "zonnecel", "zonnecellen" -> Optional.of(WATERSTOF_OF_ZONNECEL);
                default -> Optional.empty();
            };
        }
    }

    /** The rule for a run of months. */
    enum Regel { GEWOON, EMISSIEVRIJ, YOUNGTIMER }

    /**
     * Months under one rule.
     *
     * @param regimeJaar the year whose percentage holds (the start of the 60-month period); 0 for a youngtimer
     */
    record Segment(int eersteMaand, int laatsteMaand, Regel regel, int regimeJaar) {
        int maanden() {
            return laatsteMaand - eersteMaand + 1;
        }
    }

    private PrivegebruikAuto() {
    }

    /** The segments of {@code jaar}; empty when the car was not in the business in that year. */
    static List<Segment> segmenten(RuleBook rules, int jaar, LocalDate toelating, LocalDate van, LocalDate tot, Soort soort,
            String bron) throws InvalidInputException {
        LocalDate first = van.isAfter(LocalDate.of(jaar, 1, 1)) ? van : LocalDate.of(jaar, 1, 1);
        LocalDate last = tot.isBefore(LocalDate.of(jaar, 12, 31)) ? tot : LocalDate.of(jaar, 12, 31);
        List<Segment> out = new ArrayList<>();
        if (first.getYear() != jaar || last.getYear() != jaar || last.isBefore(first)) {
            return out;
        }
        int years = rules.get("AUTO_YoungtimerJaren", jaar, "leeftijd voor de waarde in het economisch verkeer").number()
                .intValue();
        int periode = rules.get("AUTO_PeriodeMaanden", jaar, "periode van het bijtellingspercentage").number().intValue();
        LocalDate anniversary = toelating.plusYears(years);
        for (int m = first.getMonthValue(); m <= last.getMonthValue(); m++) {
            LocalDate start = LocalDate.of(jaar, m, 1);
            Regel regel;
            int regimeJaar;
            if (!start.isBefore(anniversary)) {
                regel = Regel.YOUNGTIMER;
                regimeJaar = 0;
            } else {
                int elapsed = (jaar * 12 + m) - (toelating.getYear() * 12 + toelating.getMonthValue());
                if (elapsed < 0) {
                    throw InvalidInputException.of(bron, "autoToelating " + toelating + " ligt na " + start.getMonth()
                            .getDisplayName(java.time.format.TextStyle.FULL, new Locale("nl")) + " " + jaar
                            + ", een maand waarin de auto volgens autoVan/autoTot al tot de onderneming hoorde");
                }
                regimeJaar = toelating.plusMonths((long) periode * (elapsed / periode)).getYear();
                regel = soort == Soort.GEWOON ? Regel.GEWOON : Regel.EMISSIEVRIJ;
                if (regimeJaar < 2017) {
                    throw InvalidInputException.of(bron, "de periode van 60 maanden van deze auto begon in " + regimeJaar
                            + "; rekenblad kent de bijtellingspercentages vanaf 2017 (vóór 2017 golden andere percentages)");
                }
            }
            if (!out.isEmpty() && out.get(out.size() - 1).regel() == regel && out.get(out.size() - 1).regimeJaar() == regimeJaar) {
                Segment s = out.remove(out.size() - 1);
                out.add(new Segment(s.eersteMaand(), m, regel, regimeJaar));
            } else {
                out.add(new Segment(m, m, regel, regimeJaar));
            }
        }
        return out;
    }
}
