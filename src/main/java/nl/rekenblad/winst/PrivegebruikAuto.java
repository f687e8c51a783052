package nl.rekenblad.winst;

import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.rules.RuleBook;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which rule of art. 3.20 Wet IB 2001 holds in which months of the year for the private use of a business car, by
 * its date of first registration (DET) as the law keys it:
 * <ul>
 * <li>a period of 60 months starts on the first day of the month <em>after</em> the DET (7 March → 1 April); the DET
 * month goes with the first period. The first period has the rules of the DET's year, each later one those of the
 * year it begins in;</li>
 * <li>DET from 1-1-2017: 22%, a zero-emission car the reduced percentage of its period up to the cap;</li>
 * <li>DET before 1-1-2017 (the transitional law of Autobrief II): during its first period the percentage of the law
 * before 2017, which the bookkeeper gives ({@code autoPercentageOud}: 4, 7, 14, 15, 20, 21 or 25); a DET before
 * 1-7-2012 keeps that percentage until 31-12-2018. After that 25%; a zero-emission car gets the discount of its new
 * period (22% minus the reduced percentage) off the 25%, up to the cap;</li>
 * <li>from the first month that begins on or after the car's anniversary of the youngtimer age (15 years, 16 in
 * 2026), 35% of the waarde in het economisch verkeer.</li>
 * </ul>
 * Months count from the month of {@code autoVan} to that of {@code autoTot} (pro rata by month). Consecutive months
 * under the same rule form one segment. Pure.
 */
final class PrivegebruikAuto {
    /** From this DET on, the rules of Autobrief II (Wet uitwerking Autobrief II, in force 1-1-2017). */
    static final LocalDate NIEUWE_REGELS = LocalDate.of(2017, 1, 1);
    /**
     * A car with a DET before this date kept its percentage without a limit in time, until 31-12-2018
     * (belastingdienst.nl "Kenteken afgegeven vóór 2014"; adp.nl "Overgangsregeling").
     */
    static final LocalDate ONBEPERKT_VOOR = LocalDate.of(2012, 7, 1);
    /** The first month in which such a car no longer keeps its old percentage. */
    static final YearMonth ONBEPERKT_TOT = YearMonth.of(2019, 1);

    /** The kind of car as the input says it ({@code autoEmissievrij}). */
    enum Soort {
        GEWOON,
        EMISSIEVRIJ,
        WATERSTOF,
        ZONNECEL;

        static Optional<Soort> of(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "", "nee", "no", "false", "n" -> Optional.of(GEWOON);
                case "ja", "yes", "true", "j", "elektrisch" -> Optional.of(EMISSIEVRIJ);
                case "waterstof" -> Optional.of(WATERSTOF);
                case "zonnecel", "zonnecellen" -> Optional.of(ZONNECEL);
                default -> Optional.empty();
            };
        }

        boolean emissievrij() {
            return this != GEWOON;
        }
    }

    /** The rule for a run of months. */
    enum Regel {
        /** DET from 2017: 22%. */
        GEWOON,
        /** DET from 2017, zero emission: the reduced percentage of the period's year up to its cap. */
        EMISSIEVRIJ,
        /** DET before 2017, during its first period (before 2019 when before 1-7-2012): the percentage given. */
        OUD,
        /** DET before 2017, after that: 25%. */
        OVERGANG,
        /** DET before 2017, after that, zero emission: 25% less the discount of the period's year up to its cap. */
        OVERGANG_EMISSIEVRIJ,
        /** Old enough: 35% of the waarde in het economisch verkeer. */
        YOUNGTIMER
    }

    /**
     * Months under one rule.
     *
     * @param regimeJaar the year whose rules hold (the start of the 60-month period); 0 for a youngtimer and for the
     *                   percentage of before 2017
     */
    record Segment(int eersteMaand, int laatsteMaand, Regel regel, int regimeJaar) {
        int maanden() {
            return laatsteMaand - eersteMaand + 1;
        }
    }

    private PrivegebruikAuto() {}

    /** The month a period of {@code periode} months starting the month after the DET has its {@code k}-th start (k ≥ 1). */
    static YearMonth periodeStart(LocalDate toelating, int periode, int k) {
        return YearMonth.from(toelating).plusMonths(1 + (long) periode * k);
    }

    /** The last month of the car's first period (the DET month and the 60 months after it). */
    static YearMonth eindeEerstePeriode(LocalDate toelating, int periode) {
        return periodeStart(toelating, periode, 1).minusMonths(1);
    }

    /**
     * The segments of {@code jaar}; empty when the car was not in the business in that year.
     *
     * @param youngtimerOvergang the bookkeeper chose the transitional rule of 2026: a car that turned 15 in 2025 keeps
     *                           the youngtimer rule of 15 years in 2026
     */
    static List<Segment> segmenten(
            RuleBook rules,
            int jaar,
            LocalDate toelating,
            LocalDate van,
            LocalDate tot,
            Soort soort,
            boolean youngtimerOvergang,
            String bron)
            throws InvalidInputException {
        LocalDate first = van.isAfter(LocalDate.of(jaar, 1, 1)) ? van : LocalDate.of(jaar, 1, 1);
        LocalDate last = tot.isBefore(LocalDate.of(jaar, 12, 31)) ? tot : LocalDate.of(jaar, 12, 31);
        List<Segment> out = new ArrayList<>();
        if (first.getYear() != jaar || last.getYear() != jaar || last.isBefore(first)) {
            return out;
        }
        int years = rules.get("AUTO_YoungtimerJaren", jaar, "leeftijd voor de waarde in het economisch verkeer")
                .number()
                .intValue();
        if (youngtimerOvergang) {
            int vorig = rules.get(
                            "AUTO_YoungtimerJaren",
                            jaar - 1,
                            "leeftijd voor de waarde in het economisch verkeer in " + (jaar - 1))
                    .number()
                    .intValue();
            if (toelating.plusYears(vorig).getYear() == jaar - 1) {
                years = vorig;
            }
        }
        int periode = rules.get("AUTO_PeriodeMaanden", jaar, "periode van het bijtellingspercentage")
                .number()
                .intValue();
        LocalDate anniversary = toelating.plusYears(years);
        boolean oud = toelating.isBefore(NIEUWE_REGELS);
        for (int m = first.getMonthValue(); m <= last.getMonthValue(); m++) {
            LocalDate start = LocalDate.of(jaar, m, 1);
            YearMonth maand = YearMonth.of(jaar, m);
            Regel regel;
            int regimeJaar;
            if (!start.isBefore(anniversary)) {
                regel = Regel.YOUNGTIMER;
                regimeJaar = 0;
            } else {
                int elapsed = (jaar * 12 + m) - (toelating.getYear() * 12 + toelating.getMonthValue());
                if (elapsed < 0) {
                    throw InvalidInputException.of(
                            bron,
                            "autoToelating " + toelating + " ligt na "
                                    + start.getMonth().getDisplayName(java.time.format.TextStyle.FULL, new Locale("nl"))
                                    + " " + jaar
                                    + ", een maand waarin de auto volgens autoVan/autoTot al tot de onderneming hoorde");
                }
                // The DET month and the 60 months after it are period 0; then each 60 months a new one.
                int k = elapsed <= 0 ? 0 : (elapsed - 1) / periode;
                if (oud) {
                    boolean eerste = toelating.isBefore(ONBEPERKT_VOOR) ? maand.isBefore(ONBEPERKT_TOT) : k == 0;
                    if (eerste) {
                        regel = Regel.OUD;
                        regimeJaar = 0;
                    } else {
                        regel = soort.emissievrij() ? Regel.OVERGANG_EMISSIEVRIJ : Regel.OVERGANG;
                        regimeJaar = toelating.isBefore(ONBEPERKT_VOOR)
                                ? ONBEPERKT_TOT.getYear()
                                        + (maand.getYear() - ONBEPERKT_TOT.getYear()) / (periode / 12) * (periode / 12)
                                : periodeStart(toelating, periode, k).getYear();
                    }
                } else {
                    regimeJaar = k == 0
                            ? toelating.getYear()
                            : periodeStart(toelating, periode, k).getYear();
                    regel = soort.emissievrij() ? Regel.EMISSIEVRIJ : Regel.GEWOON;
                }
            }
            if (!out.isEmpty()
                    && out.get(out.size() - 1).regel() == regel
                    && out.get(out.size() - 1).regimeJaar() == regimeJaar) {
                Segment s = out.remove(out.size() - 1);
                out.add(new Segment(s.eersteMaand(), m, regel, regimeJaar));
            } else {
                out.add(new Segment(m, m, regel, regimeJaar));
            }
        }
        return out;
    }
}
