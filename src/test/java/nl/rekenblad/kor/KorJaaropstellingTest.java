package nl.rekenblad.kor;

import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Rechtsvorm;
import nl.rekenblad.rules.MissingRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KorJaaropstellingTest {
    private final KorJaaropstelling kor = KorJaaropstelling.withBundledRules();

    private KorResult calc(KorInput in) throws InvalidInputException {
        return kor.calculate(in);
    }

    private static Money eur(String s) {
        return Money.parse(s);
    }

    /** Seed blog, 2017: omzet € 10.000 at 21%, voorbelasting € 760 → S = € 1.340, reduced in full. */
    @Test
    void blogExampleOneIsReducedInFullBelow1345() throws Exception {
        KorFixture f = KorFixture.of(2017);
        for (int q = 1; q <= 4; q++) {
            f.line("2017-Q" + q, "1a", "2500", "525").line("2017-Q" + q, "5b", null, "190");
        }
        KorResult r = calc(f.build());
        assertEquals(eur("2100"), r.verschuldigd());
        assertEquals(eur("760"), r.voorbelasting());
        assertEquals(eur("1340"), r.grondslag());
        assertEquals(eur("1340"), r.vermindering());
        assertEquals(eur("0"), r.teBetalen());
        assertEquals(eur("1340"), r.winstcorrectie());
    }

    /** Seed blog, 2017: omzet € 11.500 → S = € 1.655 → 2,5 × (1.883 − 1.655) = € 570; pay € 1.085. */
    @Test
    void blogExampleTwoIsReducedByTwoAndAHalfTimesTheDistanceTo1883() throws Exception {
        KorResult r = calc(KorFixture.of(2017)
                .line("2017-Q1", "1a", "2500", "525")
                .line("2017-Q2", "1a", "3000", "630")
                .line("2017-Q3", "1a", "2800", "588")
                .line("2017-Q4", "1a", "3200", "672")
                .line("2017-Q1", "5b", null, "190")
                .line("2017-Q2", "5b", null, "190")
                .line("2017-Q3", "5b", null, "190")
                .line("2017-Q4", "5b", null, "190")
                .build());
        assertEquals(eur("1655"), r.grondslag());
        assertEquals(eur("570"), r.vermindering());
        assertEquals(eur("1085"), r.teBetalen());
        assertEquals(eur("570"), r.winstcorrectie());
    }

    /** Belastingdienst, "Oude kleineondernemersregeling": € 1.500 → 2,5 × 383 = € 957,50, "afgerond € 958". */
    @Test
    void reductionIsRoundedUpToWholeEurosInTheTaxpayersFavour() throws Exception {
        assertEquals(eur("958"), calc(KorFixture.saldo(2018, "1500")).vermindering());
    }

    @ParameterizedTest(name = "S = {0} → vermindering {1}")
    @CsvSource({
        "1345, 1345", // full up to and including € 1.345
        "1345.01, 1345", // 2,5 × 537,99 = 1.344,975 → 1.345 (never more than S)
        "1346, 1343", // 2,5 × 537 = 1.342,50 → 1.343
        "1882, 3", // 2,5 × 1 = 2,50 → 3
        "1882.99, 1", // 2,5 × 0,01 = 0,025 → 1
        "1883, 0", // from € 1.883 nothing
        "5000, 0",
        "0, 0",
        "1340.40, 1340.40" // below the threshold the reduction is S itself, cents included
    })
    void reductionFollowsTheStatutoryBands(String s, String expected) throws Exception {
        assertEquals(eur(expected), calc(KorFixture.saldo(2015, s)).vermindering());
    }

    @Test
    void refundYearGetsNoReductionAndKeepsItsRefund() throws Exception {
        KorResult r = calc(KorFixture.of(2018)
                .line("2018", "1a", "2000", "420")
                .line("2018", "5b", null, "1119")
                .build());
        assertEquals(eur("-699"), r.grondslag());
        assertEquals(eur("0"), r.vermindering());
        assertEquals(eur("-699"), r.teBetalen());
        assertEquals(eur("0"), r.winstcorrectie());
    }

    /** A refunded quarter lowers S: the KOR works on the year total, after adding up all periods. */
    @Test
    void refundedQuarterLowersTheYearBase() throws Exception {
        KorResult r = calc(KorFixture.of(2016)
                .line("2016-Q1", "1a", "3000", "630")
                .line("2016-Q1", "5b", null, "100")
                .line("2016-Q2", "1a", "500", "105")
                .line("2016-Q2", "5b", null, "900")
                .line("2016-Q3", "1a", "3000", "630")
                .line("2016-Q3", "5b", null, "100")
                .line("2016-Q4", "1a", "4000", "840")
                .line("2016-Q4", "5b", null, "100")
                .build());
        assertEquals(eur("-795"), r.periode5c(Period.quarter(2016, 2)));
        assertEquals(eur("1005"), r.grondslag());
        assertEquals(eur("1005"), r.vermindering());
        assertEquals(eur("0"), r.teBetalen());
    }

    /**
     * Fictieve btw (1e) counts in S (UB OB art. 25a), so the reduction can exceed the btw actually
     * owed; the difference is refunded.
     */
    @Test
    void fictitiousBtwRaisesTheBaseAndCanLeadToARefund() throws Exception {
        KorFixture f = KorFixture.of(2019);
        for (int q = 1; q <= 4; q++) {
            f.line("2019-Q" + q, "1a", "1000", "210")
                    .line("2019-Q" + q, "1e", "1250", "262.50")
                    .line("2019-Q" + q, "5b", null, "150");
        }
        KorResult r = calc(f.build());
        assertEquals(eur("240"), r.saldo());
        assertEquals(eur("1050"), r.fictieveBtw());
        assertEquals(eur("1290"), r.grondslag());
        assertEquals(eur("1290"), r.vermindering());
        assertEquals(eur("-1050"), r.teBetalen());
        assertEquals(eur("1050"), r.calculation().money("terugFictief"));
    }

    /** Btw reverse-charged to the entrepreneur (4b) and its full deduction net to zero in S. */
    @Test
    void reverseChargeToYouNetsToZeroWithFullDeduction() throws Exception {
        KorResult r = calc(KorFixture.of(2017)
                .line("2017", "1a", "5000", "1050")
                .line("2017", "4b", "2000", "420")
                .line("2017", "5b", null, "720")
                .build());
        assertEquals(eur("1470"), r.verschuldigd());
        assertEquals(eur("750"), r.saldo());
        assertEquals(eur("420"), r.calculation().money("verlegd"));
        assertEquals(eur("750"), r.grondslag());
        assertEquals(eur("750"), r.vermindering());
    }

    @Test
    void privateUseCountsAsBtwOwed() throws Exception {
        KorResult r = calc(KorFixture.of(2017)
                .line("2017", "1a", "5000", "1050")
                .line("2017", "1d", null, "300")
                .line("2017", "5b", null, "100")
                .build());
        assertEquals(eur("1250"), r.grondslag());
    }

    @Test
    void monthlyPeriodsAddUpToTheYear() throws Exception {
        KorFixture f = KorFixture.of(2016);
        for (int m = 1; m <= 12; m++) {
            f.line(String.format("2016-%02d", m), "1a", "1000", "210")
                    .line(String.format("2016-%02d", m), "5b", null, "100");
        }
        KorResult r = calc(f.build());
        assertEquals(12, r.input().periods().size());
        assertEquals(eur("1320"), r.grondslag());
        assertEquals(eur("1320"), r.vermindering());
        assertEquals(eur("110"), r.periode5c(Period.month(2016, 7)));
    }

    @ParameterizedTest
    @EnumSource(
            value = Rechtsvorm.class,
            names = {"BV", "NV", "STICHTING", "VERENIGING"})
    void legalEntitiesAreRefusedUnderTheOldKor(Rechtsvorm vorm) {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> calc(KorFixture.of(2017)
                        .line("2017", "1a", "1000", "210")
                        .rechtsvorm(vorm)
                        .build()));
        assertTrue(e.getMessage().contains("natuurlijke personen"), e.getMessage());
        assertTrue(e.getMessage().contains(vorm.word()), e.getMessage());
    }

    @Test
    void legalEntitiesMayUseTheExemptionFrom2020() throws Exception {
        KorResult r = calc(KorFixture.of(2021)
                .line("2021", "1a", "15000", "3150")
                .rechtsvorm(Rechtsvorm.BV)
                .build());
        assertTrue(r.binnenGrens());
    }

    @Test
    void yearBeforeTheEuroThresholdsIsAnErrorNamingTheYear() {
        MissingRuleException e = assertThrows(MissingRuleException.class, () -> calc(KorFixture.saldo(2001, "1000")));
        assertTrue(e.getMessage().contains("2001"), e.getMessage());
    }

    @Test
    void yearAfterTheTableIsAnErrorNamingTheYear() {
        MissingRuleException e = assertThrows(MissingRuleException.class, () -> calc(KorFixture.saldo(2031, "1000")));
        assertTrue(e.getMessage().contains("2031"), e.getMessage());
    }

    /** 2025: € 6.000 + € 7.000 + € 7.400 passes € 20.000 in the third quarter. */
    @Test
    void crossingTheOmzetgrensInTheThirdQuarterIsNamed() throws Exception {
        KorResult r = calc(KorFixture.of(2025)
                .line("2025-Q1", "1a", "5200", "1092")
                .line("2025-Q1", "1b", "800", "72")
                .line("2025-Q2", "1a", "6100", "1281")
                .line("2025-Q2", "3b", "900", null)
                .line("2025-Q3", "1a", "7400", "1554")
                .line("2025-Q4", "1a", "5600", "1176")
                .line("2025-Q4", "3c", "1200", null)
                .line("2025-Q1", "5b", null, "310")
                .line("2025-Q2", "5b", null, "290")
                .line("2025-Q3", "5b", null, "335")
                .line("2025-Q4", "5b", null, "280")
                .build());
        assertEquals(Regime.VRIJSTELLING, r.regime());
        assertEquals(eur("26000"), r.omzet()); // 3c does not count
        assertEquals(eur("20000"), r.omzetgrens());
        assertFalse(r.binnenGrens());
        assertEquals(Optional.of(Period.quarter(2025, 3)), r.overschredenIn());
        assertEquals(eur("3960"), r.afweging()); // 5.175 − 1.215
        assertFalse(r.vrijstellingMogelijk());
    }

    @Test
    void turnoverExactlyAtTheOmzetgrensIsWithinIt() throws Exception {
        KorResult r =
                calc(KorFixture.of(2024).line("2024", "1a", "20000", "4200").build());
        assertTrue(r.binnenGrens());
        assertEquals(Optional.empty(), r.overschredenIn());
    }

    @Test
    void from2025ThePreviousYearOverTheGrensBlocksTheExemption() throws Exception {
        KorResult r = calc(KorFixture.of(2025)
                .line("2025", "1a", "12000", "2520")
                .omzetVorigJaar("20000.01")
                .build());
        assertTrue(r.binnenGrens());
        assertFalse(r.vrijstellingMogelijk());
        assertEquals("nee", r.calculation().text("vorigJaar"));
    }

    @Test
    void before2025ThePreviousYearDoesNotCount() throws Exception {
        KorResult r = calc(KorFixture.of(2023)
                .line("2023", "1a", "12000", "2520")
                .omzetVorigJaar("30000")
                .build());
        assertTrue(r.vrijstellingMogelijk());
    }

    @Test
    void unknownPreviousYearLeavesTheExemptionPossible() throws Exception {
        KorResult r =
                calc(KorFixture.of(2025).line("2025", "1a", "12000", "2520").build());
        assertTrue(r.vrijstellingMogelijk());
        assertEquals("onbekend", r.calculation().text("vorigJaar"));
    }
}
