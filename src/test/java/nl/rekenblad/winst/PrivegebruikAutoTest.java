package nl.rekenblad.winst;

import nl.rekenblad.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21: the private use of a car by its date of first registration (DET), as art. 3.20 Wet IB 2001 and the
 * transitional law of Autobrief II key it: the 60-month period from the first day of the month after the DET, 25%
 * after the first period for a car of before 2017, the percentage of before 2017 during that period, the discount of
 * a zero-emission car of before 2017, the cap of a solar-cell car, the youngtimer age of 2026. Each amount worked out
 * by hand in the comment; each boundary on both sides.
 */
class PrivegebruikAutoTest {
    private final Winstberekening w = Winstberekening.withBundledRules();

    private BigDecimal auto(int jaar, Object... kv) throws InvalidInputException {
        Map<String, Object> m = new HashMap<>();
        m.put("jaar", BigDecimal.valueOf(jaar));
        m.put("winst", new BigDecimal("60000"));
        m.put("autoKosten", new BigDecimal("30000"));
        m.put("autoPriveKm", new BigDecimal("5000"));
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof String s && s.matches("-?[0-9.]+") ? new BigDecimal(s) : v);
        }
        return w.calculate(new WinstInput("w.csv", jaar, m, Map.of(), List.of()))
                .get(WinstKeys.PRIVEGEBRUIK_AUTO)
                .amount()
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static void eq(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), actual.toPlainString());
    }

    /** The example: a € 40.000 car of 2015 after its first 60 months: 25% = 10.000, not 22% = 8.800. */
    @Test
    void carRegisteredBefore2017Is25PercentAfterItsFirstSixtyMonths() throws Exception {
        eq("10000", auto(2025, "autoCataloguswaarde", "40000", "autoToelating", "2015-06-10"));
        // From 2017 on: 22%.
        eq("8800", auto(2025, "autoCataloguswaarde", "40000", "autoToelating", "2017-01-01"));
        // The last day of 2016 is before 2017: 25%.
        eq("10000", auto(2025, "autoCataloguswaarde", "40000", "autoToelating", "2016-12-31"));
    }

    /**
     * DET 15 November 2016: its first period is November 2016 and the 60 months from 1 December 2016, to 30 November
     * 2021. In 2021 Jan–Nov under the percentage of before 2017 (given: 14%), December 25%: 11/12 × 5.600 = 5.133,33 +
     * 1/12 × 10.000 = 833,33 → 5.966,67 (the unrounded parts added, then rounded to the cent).
     */
    @Test
    void carRegisteredBefore2017KeepsItsOldPercentageDuringItsFirstPeriod() throws Exception {
        eq(
                "5966.67",
                auto(2021, "autoCataloguswaarde", "40000", "autoToelating", "2016-11-15", "autoPercentageOud", "14"));
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> auto(2021, "autoCataloguswaarde", "40000", "autoToelating", "2016-11-15"));
        assertTrue(
                e.getMessage().contains("autoPercentageOud") && e.getMessage().contains("november 2021"),
                e.getMessage());
    }

    /** A DET before 1 July 2012 kept its percentage until 2018; from 2019 25%: in 2020 the whole year, 10.000. */
    @Test
    void carRegisteredBeforeJuly2012Is25PercentFrom2019() throws Exception {
        eq("10000", auto(2020, "autoCataloguswaarde", "40000", "autoToelating", "2012-06-30"));
    }

    /**
     * Zero-emission, DET 20 March 2016: first period to 31 March 2021; the second from 1 April 2021, with the rules of
     * 2021 (12% up to € 40.000, a discount of 22 − 12 = 10 points): 25% − 10 = 15% up to € 40.000, 25% above. In 2023,
     * catalogue 50.000: 6.000 + 2.500 = 8.500. (jonglaan.nl: a period of 2023 gives 19% up to € 30.000.)
     */
    @Test
    void zeroEmissionCarOfBefore2017GetsTheDiscountOffTwentyFivePercent() throws Exception {
        eq("8500", auto(2023, "autoCataloguswaarde", "50000", "autoToelating", "2016-03-20", "autoEmissievrij", "ja"));
        // DET 20 June 2017 is from 2017: its second period began 1 July 2022 (16% up to 35.000, 22% above), no 25%:
        // 5.600 + 3.300 = 8.900.
        eq("8900", auto(2023, "autoCataloguswaarde", "50000", "autoToelating", "2017-06-20", "autoEmissievrij", "ja"));
    }

    /**
     * The period starts the month after the DET: an EV of 7 March 2020 keeps 8% up to € 45.000 through March 2025, 17%
     * up to € 30.000 from April. Catalogue 45.000: Jan–Mar 3/12 × 3.600 = 900; Apr–Dec 9/12 × (5.100 + 3.300) = 6.300.
     */
    @Test
    void sixtyMonthsStartOnTheFirstDayOfTheMonthAfterRegistration() throws Exception {
        eq("7200", auto(2025, "autoCataloguswaarde", "45000", "autoToelating", "2020-03-07", "autoEmissievrij", "ja"));
        // DET 28 February 2020: February 2020 and the 60 months March 2020 – February 2025; from March 2025 the rules
        // of 2025. Catalogue 45.000: Jan–Feb 2/12 × 3.600 = 600; Mar–Dec 10/12 × 8.400 = 7.000.
        eq("7600", auto(2025, "autoCataloguswaarde", "45000", "autoToelating", "2020-02-28", "autoEmissievrij", "ja"));
    }

    /**
     * A solar-cell car has no cap only in a period that began from 2021: DET May 2020 (8% up to € 45.000, 22% above):
     * 3.600 + 1.100 = 4.700 on 50.000; DET May 2021 (12%, no cap): 6.000.
     */
    @Test
    void solarCellCarIsCappedInA2020PeriodAndNotFrom2021() throws Exception {
        eq(
                "4700",
                auto(
                        2022,
                        "autoCataloguswaarde",
                        "50000",
                        "autoToelating",
                        "2020-05-01",
                        "autoEmissievrij",
                        "zonnecel"));
        eq(
                "6000",
                auto(
                        2022,
                        "autoCataloguswaarde",
                        "50000",
                        "autoToelating",
                        "2021-05-01",
                        "autoEmissievrij",
                        "zonnecel"));
        // Hydrogen: no cap in 2020 either: 8% × 50.000 = 4.000.
        eq(
                "4000",
                auto(
                        2022,
                        "autoCataloguswaarde",
                        "50000",
                        "autoToelating",
                        "2020-05-01",
                        "autoEmissievrij",
                        "waterstof"));
    }

    /**
     * In 2026 a youngtimer must be 16: DET 15 July 2010 is 16 on 15 July 2026, so Jan–Jul 25% of 25.000 (7/12 × 6.250
     * = 3.645,83) and Aug–Dec 35% of 8.000 (5/12 × 2.800 = 1.166,67): 4.812,50. With the transitional choice (it turned
     * 15 in 2025): the whole year 2.800. A car of 2011 (15 in 2026) is no youngtimer in 2026 even with the choice.
     */
    @Test
    void youngtimerAgeIsSixteenIn2026WithTheTransitionalChoiceForCarsThatTurnedFifteenIn2025() throws Exception {
        eq(
                "4812.50",
                auto(
                        2026,
                        "autoCataloguswaarde",
                        "25000",
                        "autoToelating",
                        "2010-07-15",
                        "autoWaardeEconomischVerkeer",
                        "8000"));
        eq(
                "2800",
                auto(
                        2026,
                        "autoCataloguswaarde",
                        "25000",
                        "autoToelating",
                        "2010-07-15",
                        "autoWaardeEconomischVerkeer",
                        "8000",
                        "autoYoungtimerOvergang",
                        "ja"));
        eq(
                "6250",
                auto(
                        2026,
                        "autoCataloguswaarde",
                        "25000",
                        "autoToelating",
                        "2011-03-01",
                        "autoWaardeEconomischVerkeer",
                        "8000",
                        "autoYoungtimerOvergang",
                        "ja"));
    }
}
