package nl.rekenblad.kia;

import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.rules.MissingRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KiaBerekeningTest {
    private final KiaBerekening kia = KiaBerekening.withBundledRules();

    private KiaResult calc(Asset... assets) throws InvalidInputException {
        return calc(Optional.empty(), assets);
    }

    private KiaResult calc(Optional<BigDecimal> aandeel, Asset... assets) throws InvalidInputException {
        return kia.calculate(
                new KiaInput("test.csv", Arrays.stream(assets).map(Asset::build).toList(), aandeel, List.of()));
    }

    private static Money eur(String s) {
        return Money.parse(s);
    }

    /** The statutory tables as listed in shared/reference/tax-parameters.md: year, X, A, F, B, C. */
    static final long[][] TABLE = {
        {2017, 2300, 56192, 15734, 104059, 312176}, {2018, 2300, 56642, 15863, 104891, 314673},
        {2019, 2300, 57321, 16051, 106150, 318449}, {2020, 2400, 58238, 16307, 107848, 323544},
        {2021, 2400, 59170, 16568, 109574, 328721}, {2022, 2400, 59940, 16784, 110998, 332994},
        {2023, 2600, 63716, 17841, 117991, 353973}, {2024, 2800, 69765, 19535, 129194, 387580},
        {2025, 2900, 70602, 19769, 130744, 392230}, {2026, 2900, 71683, 20072, 132746, 398236}
    };

    /** The table computed here, independently of the rules file. */
    static BigDecimal expected(long[] row, BigDecimal t) {
        BigDecimal x = BigDecimal.valueOf(row[1]);
        BigDecimal a = BigDecimal.valueOf(row[2]);
        BigDecimal f = BigDecimal.valueOf(row[3]);
        BigDecimal b = BigDecimal.valueOf(row[4]);
        BigDecimal c = BigDecimal.valueOf(row[5]);
        if (t.compareTo(x) <= 0 || t.compareTo(c) > 0) {
            return BigDecimal.ZERO;
        }
        if (t.compareTo(a) <= 0) {
            return t.multiply(new BigDecimal("0.28"));
        }
        if (t.compareTo(b) <= 0) {
            return f;
        }
        return f.subtract(new BigDecimal("0.0756").multiply(t.subtract(b)));
    }

    static Stream<Arguments> tableEdges() {
        List<Arguments> args = new ArrayList<>();
        for (long[] row : TABLE) {
            for (int col = 1; col <= 5; col++) {
                if (col == 3) {
                    continue;
                }
                for (long delta : new long[] {0, 1}) {
                    args.add(Arguments.of(row, BigDecimal.valueOf(row[col] + delta)));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("tableEdges")
    void kiaFollowsTheTableOfItsYearAtEveryEdge(long[] row, BigDecimal t) throws Exception {
        int year = (int) row[0];
        KiaResult r = calc(Asset.of("1", year + "-06-15", t.toPlainString()));
        assertEquals(
                0, expected(row, t).compareTo(r.kia(year).amount()), "T " + t + " in " + year + ": " + r.kia(year));
        assertEquals(eur(t.toPlainString()), r.investeringen(year));
    }

    /** Seed example: 2025, € 50.000 → 28% = € 14.000. */
    @Test
    void seedExample2025() throws Exception {
        KiaResult r = calc(Asset.of("1", "2025-02-01", "30000"), Asset.of("2", "2025-09-01", "20000"));
        assertEquals(eur("14000"), r.kia(2025));
        assertEquals(eur("8400"), r.kiaVan(0));
        assertEquals(eur("5600"), r.kiaVan(1));
    }

    /** Seed example: 2023, € 20.000 → € 5.600. */
    @Test
    void seedExample2023() throws Exception {
        assertEquals(eur("5600"), calc(Asset.of("1", "2023-04-01", "20000")).kia(2023));
    }

    @Test
    void assetBelow450IsLeftOutWithItsReason() throws Exception {
        KiaResult r = calc(Asset.of("1", "2025-01-10", "449.99"), Asset.of("2", "2025-01-10", "5000"));
        assertFalse(r.kwalificeert(0));
        assertEquals("minder dan 450", r.reden(0));
        assertEquals(eur("5000"), r.investeringen(2025));
        assertEquals(eur("1400"), r.kia(2025));
        assertEquals(eur("0"), r.kiaVan(0));
    }

    @ParameterizedTest
    @EnumSource(value = Soort.class, names = "BEDRIJFSMIDDEL", mode = EnumSource.Mode.EXCLUDE)
    void everyExclusionIsLeftOutAndNamed(Soort soort) throws Exception {
        KiaResult r = calc(Asset.of("1", "2025-01-10", "8000").soort(soort), Asset.of("2", "2025-01-10", "5000"));
        assertFalse(r.kwalificeert(0));
        assertEquals(soort.word(), r.reden(0));
        assertEquals(eur("5000"), r.investeringen(2025));
    }

    /** A partnership: T and KIA of the whole vof; the partner gets his share. */
    @Test
    void partnershipShareIsTakenOfThePartnershipsKia() throws Exception {
        KiaResult r = calc(Optional.of(new BigDecimal("0.5")), Asset.of("1", "2024-03-01", "60000"));
        assertEquals(eur("16800"), r.kia(2024));
        assertEquals(eur("8400"), r.calculation().money(KiaKeys.year(2024, KiaKeys.PerJaar.VENNOOT)));
    }

    /** Bought 2021 (28%), sold in 2025 = the fifth year: bijtelling 28% of the price. */
    @Test
    void disposalInTheFifthYearGivesABijtelling() throws Exception {
        KiaResult r = calc(Asset.of("1", "2021-05-01", "10000").sold("2025-12-31", "4000"));
        assertEquals(eur("2800"), r.kia(2021));
        assertEquals(eur("1120"), r.bijtelling(2025));
    }

    @Test
    void disposalInTheSixthYearGivesNone() throws Exception {
        KiaResult r = calc(Asset.of("1", "2020-05-01", "10000").sold("2025-01-02", "4000"));
        assertEquals(eur("0"), r.bijtelling(2025));
        assertFalse(r.disposalYears().contains(2025));
    }

    @Test
    void disposalsNotAboveTheThresholdGiveNone() throws Exception {
        KiaResult r = calc(
                Asset.of("1", "2024-05-01", "10000").sold("2025-03-01", "1500"),
                Asset.of("2", "2024-05-01", "10000").sold("2025-08-01", "1400"));
        assertEquals(eur("0"), r.bijtelling(2025)); // 2.900, not more than € 2.900
        KiaResult over = calc(
                Asset.of("1", "2024-05-01", "10000").sold("2025-03-01", "1500"),
                Asset.of("2", "2024-05-01", "10000").sold("2025-08-01", "1400.01"));
        assertEquals(eur("812.0028"), over.bijtelling(2025)); // 28% of 2.900,01
    }

    @Test
    void bijtellingIsCappedAtTheKiaTheAssetReceived() throws Exception {
        KiaResult r = calc(Asset.of("1", "2024-05-01", "5000").sold("2025-03-01", "30000"));
        assertEquals(eur("1400"), r.kiaVan(0));
        assertEquals(eur("1400"), r.bijtelling(2025));
    }

    /**
     * Issue 13 item 6: an asset with KIA and EIA sold within five years adds the price × both percentages (art. 3.47
     * names the investeringsaftrek of art. 3.40: KIA, EIA and MIA). Bought 2024 for 10.000: KIA 28% = 2.800, EIA 40%
     * = 4.000; sold 2025 for 6.000: 6.000 × 68% = 4.080.
     */
    @Test
    void disposalOfAnAssetWithEiaAddsTheEiaPercentageToo() throws Exception {
        KiaResult r =
                calc(Asset.of("1", "2024-05-01", "10000").regeling(Regeling.EIA).sold("2025-06-01", "6000"));
        assertEquals(eur("2800"), r.kia(2024));
        assertEquals(eur("4080"), r.bijtelling(2025));
        // Capped at the investeringsaftrek it got: sold for 20.000 → 13.600 > 6.800.
        KiaResult high =
                calc(Asset.of("1", "2024-05-01", "10000").regeling(Regeling.EIA).sold("2025-06-01", "20000"));
        assertEquals(eur("6800"), high.bijtelling(2025));
    }

    /** MIA alone (no KIA: the investment total is under the KIA minimum) still gives a bijtelling. */
    @Test
    void disposalOfAnAssetWithMiaOnlyGivesTheMiaBijtelling() throws Exception {
        KiaResult r = calc(
                Asset.of("1", "2025-02-01", "2500").regeling(Regeling.MIA_1).sold("2026-03-01", "3000"));
        assertEquals(eur("0"), r.kia(2025));
        // MIA I 45% of 2.500 = 1.125; 3.000 > 2.900 (threshold 2026): 3.000 × 45% = 1.350, capped at 1.125.
        assertEquals(eur("1125"), r.bijtelling(2026));
    }

    @Test
    void assetWithoutKiaGivesNoBijtelling() throws Exception {
        KiaResult r = calc(Asset.of("1", "2025-05-01", "2000").sold("2026-03-01", "5000")); // T below X
        assertEquals(eur("0"), r.kia(2025));
        assertEquals(eur("0"), r.bijtelling(2026));
    }

    /** Not yet in use at year end: only the paid part counts; the rest in the year of taking into use. */
    @Test
    void partlyPaidAssetNotYetInUseMovesTheRestToTheYearOfUse() throws Exception {
        KiaResult r = calc(
                Asset.of("1", "2024-11-01", "40000").inGebruik("2025-02-01", "10000"),
                Asset.of("2", "2024-03-01", "5000"));
        assertEquals(eur("15000"), r.investeringen(2024));
        assertEquals(eur("30000"), r.investeringen(2025));
        assertEquals(eur("4200"), r.kia(2024));
        assertEquals(eur("8400"), r.kia(2025));
        assertEquals(eur("11200"), r.kiaVan(0));
    }

    @Test
    void eiaAndMiaAreComputedBesideTheKia() throws Exception {
        KiaResult r = calc(
                Asset.of("1", "2025-05-01", "10000").regeling(Regeling.EIA),
                Asset.of("2", "2025-05-01", "20000").regeling(Regeling.MIA_2),
                Asset.of("3", "2025-05-01", "2400").regeling(Regeling.MIA_1));
        assertEquals(eur("4000"), r.eia(2025));
        assertEquals(eur("7200"), r.mia(2025)); // the € 2.400 asset is under the € 2.500 minimum
        assertEquals(eur("9072"), r.kia(2025));
    }

    @Test
    void eiaInAYearWithoutFiguresIsAnError() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> calc(Asset.of("1", "2019-05-01", "10000").regeling(Regeling.EIA)));
        assertTrue(e.getMessage().contains("2019"), e.getMessage());
    }

    @Test
    void yearWithoutATableIsAnErrorNamingTheYear() {
        MissingRuleException e =
                assertThrows(MissingRuleException.class, () -> calc(Asset.of("1", "2016-05-01", "10000")));
        assertTrue(e.getMessage().contains("2016"), e.getMessage());
    }

    /** Belastingdienst, toelichting aangifte 2025 vraag 17: € 30.000, restwaarde € 5.000, 10 jaar, 1 oktober. */
    @Test
    void depreciationFollowsTheToelichtingExample() throws Exception {
        KiaResult r = calc(Asset.of("1", "2025-10-01", "30000").afschrijving("5000", "10"));
        assertEquals(eur("625"), r.afschrijvingVan(0, 2025));
        assertEquals(eur("2500"), r.afschrijvingVan(0, 2026));
        assertEquals(eur("2500"), r.afschrijvingVan(0, 2034));
        assertEquals(eur("1875"), r.afschrijvingVan(0, 2035)); // down to the restwaarde: 25.000 in total
    }

    @Test
    void depreciationIsCappedAtTwentyPercentOfCost() throws Exception {
        KiaResult r = calc(Asset.of("1", "2025-01-01", "10000").afschrijving("0", "2"));
        assertEquals(eur("2000"), r.afschrijvingVan(0, 2025));
        assertEquals(eur("2000"), r.afschrijvingVan(0, 2029));
    }

    @Test
    void goodwillIsCappedAtTenPercent() throws Exception {
        KiaResult r = calc(
                Asset.of("1", "2025-01-01", "10000").soort(Soort.GOODWILL).afschrijving("0", "5"),
                Asset.of("2", "2025-01-01", "5000"));
        assertEquals(eur("1000"), r.afschrijvingVan(0, 2025));
    }

    @Test
    void depreciationEndsAtDisposalWithABookProfit() throws Exception {
        KiaResult r =
                calc(Asset.of("1", "2024-01-01", "12000").afschrijving("0", "6").sold("2025-07-15", "10000"));
        assertEquals(eur("2000"), r.afschrijvingVan(0, 2024));
        assertEquals(eur("1000"), r.afschrijvingVan(0, 2025)); // January to June
        assertEquals(eur("1000"), r.boekwinstVan(0)); // 10.000 − (12.000 − 3.000)
    }

    @Test
    void kiaPercentageIsTheExactRatio() throws Exception {
        KiaResult r = calc(Asset.of("1", "2025-01-01", "100000"), Asset.of("2", "2025-01-01", "50000"));
        BigDecimal pct = r.percentage(2025);
        // 150.000 is above B: 19.769 − 7,56% × 19.256 = 18.313,2464
        assertEquals(eur("18313.2464"), r.kia(2025));
        assertEquals(new BigDecimal("18313.2464").divide(new BigDecimal("150000"), MathContext.DECIMAL128), pct);
    }
}
