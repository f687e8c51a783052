package nl.rekenblad.winst;

import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: every part of the ondernemersaftrek and the private use of the car, each condition on both sides of its
 * boundary, with the amounts of the toelichting op de aangifte IB 2025 (zelfstandigenaftrek € 2.470, startersaftrek
 * € 2.123, S&O € 15.738 + € 7.875, startersaftrek bij arbeidsongeschiktheid € 12.000 / 8.000 / 4.000, stakingsaftrek
 * € 3.630, car 22%, zero-emission 2025 17% up to € 30.000).
 */
class OndernemersaftrekTest {
    private final Winstberekening w = Winstberekening.withBundledRules();

    private WinstResult calc(Object... kv) throws InvalidInputException {
        Map<String, Object> m = new HashMap<>();
        m.put("jaar", BigDecimal.valueOf(2025));
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof String s && s.matches("-?[0-9.]+") ? new BigDecimal(s) : v);
        }
        return w.calculate(new WinstInput("w.csv", 2025, m, Map.of(), List.of()));
    }

    private static void eq(String expected, WinstResult r, String key) {
        assertEquals(Money.parse(expected), r.get(key), key);
    }

    @Test
    void urencriteriumAt1224And1225Hours() throws Exception {
        eq("0", calc("winst", "40000", "uren", "1224"), WinstKeys.ZELFSTANDIGENAFTREK);
        eq("2470", calc("winst", "40000", "uren", "1225"), WinstKeys.ZELFSTANDIGENAFTREK);
    }

    @Test
    void moreThanHalfOfTheWorkingTimeIsNeededExceptForAStarter() throws Exception {
        eq("0", calc("winst", "40000", "uren", "1300", "meerDanHelft", "nee"), WinstKeys.ZELFSTANDIGENAFTREK);
        eq(
                "2470",
                calc("winst", "40000", "uren", "1300", "meerDanHelft", "nee", "starter", "ja"),
                WinstKeys.ZELFSTANDIGENAFTREK);
        eq("2470", calc("winst", "40000", "uren", "1300"), WinstKeys.ZELFSTANDIGENAFTREK); // empty counts as ja
    }

    @Test
    void startersaftrekNeedsAtMostTwoEarlierZelfstandigenaftrekken() throws Exception {
        WinstResult two = calc("winst", "40000", "uren", "1300", "starter", "ja", "zelfstandigenaftrekEerder", "2");
        eq("2123", two, WinstKeys.STARTERSAFTREK);
        assertEquals("recht", two.calculation().text(WinstKeys.STARTERS_REDEN));
        WinstResult three = calc("winst", "40000", "uren", "1300", "starter", "ja", "zelfstandigenaftrekEerder", "3");
        eq("0", three, WinstKeys.STARTERSAFTREK);
        assertTrue(three.calculation().text(WinstKeys.STARTERS_REDEN).contains("meer dan 2 keer"));
        WinstResult noStarter = calc("winst", "40000", "uren", "1300");
        assertTrue(noStarter.calculation().text(WinstKeys.STARTERS_REDEN).contains("geen starter"));
        WinstResult fewHours = calc("winst", "40000", "uren", "1000", "starter", "ja");
        assertTrue(fewHours.calculation().text(WinstKeys.STARTERS_REDEN).contains("urencriterium"));
    }

    /** Unused zelfstandigenaftrek of earlier years: only the profit above this year's aftrek, never with the startersaftrek. */
    @Test
    void unusedZelfstandigenaftrekIsDeductedUpToTheExcessAndTheRestCarriedOn() throws Exception {
        WinstResult r = calc("winst", "3000", "uren", "1300", "onbenutteZelfstandigenaftrek", "1000");
        eq("2470", r, WinstKeys.ZELFSTANDIGENAFTREK);
        eq("530", r, WinstKeys.ZA_VERREKEND); // 3.000 − 2.470
        eq("470", r, WinstKeys.ZA_NOG);
        WinstResult low = calc("winst", "2000", "uren", "1300", "onbenutteZelfstandigenaftrek", "1000");
        eq("2000", low, WinstKeys.ZELFSTANDIGENAFTREK);
        eq("0", low, WinstKeys.ZA_VERREKEND);
        eq("1470", low, WinstKeys.ZA_NOG); // 1.000 carried + 470 of this year
        WinstResult starter =
                calc("winst", "30000", "uren", "1300", "starter", "ja", "onbenutteZelfstandigenaftrek", "1000");
        eq("0", starter, WinstKeys.ZA_VERREKEND);
        eq("1000", starter, WinstKeys.ZA_NOG);
    }

    @Test
    void soAftrekFrom500HoursWithTheUrencriterium() throws Exception {
        eq("0", calc("winst", "40000", "uren", "1300", "soUren", "499"), WinstKeys.SO_AFTREK);
        eq("15738", calc("winst", "40000", "uren", "1300", "soUren", "500"), WinstKeys.SO_AFTREK);
        eq("23613", calc("winst", "40000", "uren", "1300", "soUren", "500", "soStarter", "ja"), WinstKeys.SO_AFTREK);
        eq("0", calc("winst", "40000", "uren", "1200", "soUren", "800"), WinstKeys.SO_AFTREK);
    }

    @Test
    void soAftrekInAYearWithoutItsAmountNamesTheYear() {
        Map<String, Object> m = new HashMap<>(Map.of(
                "jaar",
                BigDecimal.valueOf(2024),
                "winst",
                new BigDecimal("40000"),
                "uren",
                new BigDecimal("1300"),
                "soUren",
                new BigDecimal("600")));
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> w.calculate(new WinstInput("w.csv", 2024, m, Map.of(), List.of())));
        assertTrue(e.getMessage().contains("S&O-aftrek voor 2024"), e.getMessage());
    }

    @Test
    void startersaftrekBijArbeidsongeschiktheidAt799And800Hours() throws Exception {
        eq("0", calc("winst", "40000", "uren", "799", "starter", "ja", "arbeidsongeschikt", "ja"), WinstKeys.SAO);
        eq("12000", calc("winst", "40000", "uren", "800", "starter", "ja", "arbeidsongeschikt", "ja"), WinstKeys.SAO);
        eq(
                "8000",
                calc(
                        "winst",
                        "40000",
                        "uren",
                        "800",
                        "starter",
                        "ja",
                        "arbeidsongeschikt",
                        "ja",
                        "arbeidsongeschiktEerder",
                        "1"),
                WinstKeys.SAO);
        eq(
                "4000",
                calc(
                        "winst",
                        "40000",
                        "uren",
                        "800",
                        "starter",
                        "ja",
                        "arbeidsongeschikt",
                        "ja",
                        "arbeidsongeschiktEerder",
                        "2"),
                WinstKeys.SAO);
        eq(
                "0",
                calc(
                        "winst",
                        "40000",
                        "uren",
                        "800",
                        "starter",
                        "ja",
                        "arbeidsongeschikt",
                        "ja",
                        "arbeidsongeschiktEerder",
                        "3"),
                WinstKeys.SAO);
        eq(
                "5000",
                calc("winst", "5000", "uren", "800", "starter", "ja", "arbeidsongeschikt", "ja"),
                WinstKeys.SAO); // ≤ profit
        eq(
                "0",
                calc("winst", "40000", "uren", "800", "starter", "ja", "arbeidsongeschikt", "ja", "aowLeeftijd", "ja"),
                WinstKeys.SAO);
        eq("0", calc("winst", "40000", "uren", "800", "arbeidsongeschikt", "ja"), WinstKeys.SAO); // not a starter
        // With the ordinary urencriterium the ordinary aftrek applies instead.
        WinstResult full = calc("winst", "40000", "uren", "1225", "starter", "ja", "arbeidsongeschikt", "ja");
        eq("0", full, WinstKeys.SAO);
        eq("2123", full, WinstKeys.STARTERSAFTREK);
    }

    @Test
    void meewerkaftrekStopsAtAPartnerPayOf5000AndLeavesStakingswinstOut() throws Exception {
        eq(
                "800",
                calc("winst", "40000", "uren", "1300", "partnerUren", "900", "partnerVergoeding", "4999.99"),
                WinstKeys.MEEWERKAFTREK); // 2% of 40.000
        eq(
                "0",
                calc("winst", "40000", "uren", "1300", "partnerUren", "900", "partnerVergoeding", "5000"),
                WinstKeys.MEEWERKAFTREK);
        eq(
                "600",
                calc("winst", "40000", "uren", "1300", "partnerUren", "900", "stakingswinst", "10000"),
                WinstKeys.MEEWERKAFTREK); // 2% of 30.000
    }

    @Test
    void stakingsaftrekIsALifetimeMaximum() throws Exception {
        eq("3630", calc("winst", "40000", "uren", "1300", "stakingswinst", "10000"), WinstKeys.STAKINGSAFTREK);
        eq(
                "1630",
                calc("winst", "40000", "uren", "1300", "stakingswinst", "10000", "stakingsaftrekEerder", "2000"),
                WinstKeys.STAKINGSAFTREK);
        eq(
                "0",
                calc("winst", "40000", "uren", "1300", "stakingswinst", "10000", "stakingsaftrekEerder", "5000"),
                WinstKeys.STAKINGSAFTREK);
    }

    @Test
    void medegerechtigdeGetsNoOndernemersaftrekAndNoMkbVrijstelling() throws Exception {
        WinstResult r = calc("winst", "40000", "uren", "1300", "medegerechtigde", "ja", "stakingswinst", "5000");
        eq("0", r, WinstKeys.ONDERNEMERSAFTREK);
        eq("0", r, WinstKeys.MKB_VRIJSTELLING);
        eq("40000", r, WinstKeys.BELASTBAAR);
    }

    @Test
    void carWith500And501PrivateKilometres() throws Exception {
        eq(
                "0",
                calc(
                        "winst",
                        "40000",
                        "autoCataloguswaarde",
                        "40000",
                        "autoToelating",
                        "2022-05-01",
                        "autoKosten",
                        "12000",
                        "autoPriveKm",
                        "500"),
                WinstKeys.PRIVEGEBRUIK_AUTO);
        eq(
                "8800",
                calc(
                        "winst",
                        "40000",
                        "autoCataloguswaarde",
                        "40000",
                        "autoToelating",
                        "2022-05-01",
                        "autoKosten",
                        "12000",
                        "autoPriveKm",
                        "501"),
                WinstKeys.PRIVEGEBRUIK_AUTO); // 22% of 40.000
    }

    @Test
    void carBijtellingIsNeverMoreThanItsCosts() throws Exception {
        eq(
                "6000",
                calc(
                        "winst",
                        "40000",
                        "autoCataloguswaarde",
                        "40000",
                        "autoToelating",
                        "2022-05-01",
                        "autoKosten",
                        "6000",
                        "autoPriveKm",
                        "5000"),
                WinstKeys.PRIVEGEBRUIK_AUTO);
    }

    /** Zero-emission, first registered in 2025: 17% up to € 30.000, 22% above: 5.100 + 2.200 = 7.300. */
    @Test
    void zeroEmissionCarOf2025HasTheReducedPercentageUpToTheCap() throws Exception {
        eq(
                "7300",
                calc(
                        "winst",
                        "40000",
                        "autoCataloguswaarde",
                        "40000",
                        "autoToelating",
                        "2025-01-10",
                        "autoEmissievrij",
                        "ja",
                        "autoKosten",
                        "12000",
                        "autoPriveKm",
                        "5000"),
                WinstKeys.PRIVEGEBRUIK_AUTO);
        // Hydrogen: the reduced percentage over the whole value.
        eq(
                "6800",
                calc(
                        "winst",
                        "40000",
                        "autoCataloguswaarde",
                        "40000",
                        "autoToelating",
                        "2025-01-10",
                        "autoEmissievrij",
                        "waterstof",
                        "autoKosten",
                        "12000",
                        "autoPriveKm",
                        "5000"),
                WinstKeys.PRIVEGEBRUIK_AUTO);
    }

    /**
     * Zero-emission, first registered 1 March 2020 (8% up to € 45.000): the 60 months run from 1 April 2020 (the
     * month after the DET) to 31 March 2025; from April a new period of 2025 (17% up to € 30.000). Catalogue value
     * 50.000: Jan–Mar 3/12 × (3.600 + 1.100) = 1.175; Apr–Dec 9/12 × (5.100 + 4.400) = 7.125; together 8.300.
     */
    @Test
    void zeroEmissionPercentageChangesAfterSixtyMonths() throws Exception {
        WinstResult r = calc(
                "winst",
                "40000",
                "autoCataloguswaarde",
                "50000",
                "autoToelating",
                "2020-03-01",
                "autoEmissievrij",
                "ja",
                "autoKosten",
                "20000",
                "autoPriveKm",
                "5000");
        assertEquals(
                0,
                new BigDecimal("8300")
                        .compareTo(r.get(WinstKeys.PRIVEGEBRUIK_AUTO)
                                .amount()
                                .setScale(2, java.math.RoundingMode.HALF_UP)),
                r.get(WinstKeys.PRIVEGEBRUIK_AUTO).toString());
    }

    /**
     * Exactly 15 years old mid-year: first registered 15 July 2010, so 15 years on 15 July 2025; from August 35% of
     * the waarde in het economisch verkeer. Registered before 2017, so 25% of the catalogue value before that (not
     * 22%). 25.000 catalogue, 8.000 value: Jan–Jul 7/12 × 6.250 = 3.645,83; Aug–Dec 5/12 × 2.800 = 1.166,67; 4.812,50.
     */
    @Test
    void carTurningFifteenMidYearSwitchesToTheValueInTheMonthAfter() throws Exception {
        WinstResult r = calc(
                "winst",
                "40000",
                "autoCataloguswaarde",
                "25000",
                "autoToelating",
                "2010-07-15",
                "autoKosten",
                "9000",
                "autoPriveKm",
                "3000",
                "autoWaardeEconomischVerkeer",
                "8000");
        assertEquals(
                0,
                new BigDecimal("4812.50")
                        .compareTo(r.get(WinstKeys.PRIVEGEBRUIK_AUTO)
                                .amount()
                                .setScale(2, java.math.RoundingMode.HALF_UP)),
                r.get(WinstKeys.PRIVEGEBRUIK_AUTO).toString());
        // Registered on the 1st of the month: 15 years on 1 July, so July counts as old already.
        WinstResult first = calc(
                "winst",
                "40000",
                "autoCataloguswaarde",
                "25000",
                "autoToelating",
                "2010-07-01",
                "autoKosten",
                "9000",
                "autoPriveKm",
                "3000",
                "autoWaardeEconomischVerkeer",
                "8000");
        // Jan–Jun 6/12 × 6.250 = 3.125; Jul–Dec 6/12 × 2.800 = 1.400.
        assertEquals(
                0,
                new BigDecimal("4525")
                        .compareTo(first.get(WinstKeys.PRIVEGEBRUIK_AUTO).amount()));
    }

    @Test
    void carForPartOfTheYearCountsItsMonths() throws Exception {
        // April to September: 6/12 × 22% × 30.000 = 3.300.
        eq(
                "3300",
                calc(
                        "winst",
                        "40000",
                        "autoCataloguswaarde",
                        "30000",
                        "autoToelating",
                        "2023-01-01",
                        "autoKosten",
                        "9000",
                        "autoPriveKm",
                        "3000",
                        "autoVan",
                        "2025-04-10",
                        "autoTot",
                        "2025-09-30"),
                WinstKeys.PRIVEGEBRUIK_AUTO);
    }

    @Test
    void oldCarWithoutItsValueAsksForIt() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> calc(
                        "winst",
                        "40000",
                        "autoCataloguswaarde",
                        "25000",
                        "autoToelating",
                        "2008-01-01",
                        "autoKosten",
                        "9000",
                        "autoPriveKm",
                        "3000"));
        assertTrue(e.getMessage().contains("autoWaardeEconomischVerkeer"), e.getMessage());
    }

    @Test
    void carAddsToTheFiscalProfitBeforeTheZelfstandigenaftrekLimit() throws Exception {
        WinstResult r = calc(
                "winst",
                "1000",
                "uren",
                "1300",
                "autoCataloguswaarde",
                "10000",
                "autoToelating",
                "2022-01-01",
                "autoKosten",
                "5000",
                "autoPriveKm",
                "3000");
        eq("3200", r, WinstKeys.FISCAAL); // 1.000 + 2.200
        eq("2470", r, WinstKeys.ZELFSTANDIGENAFTREK);
    }
}
