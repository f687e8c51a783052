package nl.rekenblad.vu;

import nl.rekenblad.api.Options;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verworpen uitgaven from the rules: the seed's two worked examples, each car regime and each boundary of
 * issue 14 (50% floor, 40% from 200 g/km, the purchase dates 30-06-2023 / 01-07-2023 / 31-12-2025 / 01-01-2026).
 */
class VuBerekeningTest {
    private final VuBerekening b = VuBerekening.withBundledRules();

    private static VuInput.Kost kost(String soort, String bedrag, String aantal, String pct) {
        return kost(soort, bedrag, aantal, pct, null);
    }

    private static VuInput.Kost kost(String soort, String bedrag, String aantal, String pct, String waarde) {
        return new VuInput.Kost(
                "600000",
                "test",
                new BigDecimal(bedrag),
                Soort.of(soort).orElseThrow(),
                aantal == null ? null : new BigDecimal(aantal),
                pct == null ? null : new BigDecimal(pct),
                waarde == null ? null : new BigDecimal(waarde),
                "t.csv › regel 2");
    }

    private static VuInput.Wagen wagen(
            String datum,
            VuInput.Brandstof br,
            String co2,
            String brandstof,
            String andere,
            String vaa,
            boolean tussenkomst) {
        return new VuInput.Wagen(
                "w",
                LocalDate.parse(datum),
                br,
                new BigDecimal(co2),
                new BigDecimal("10"),
                new BigDecimal(brandstof),
                new BigDecimal(andere),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal(vaa),
                tussenkomst,
                false,
                null,
                "w.csv › regel 2");
    }

    private VuResult kosten(int aj, VuInput.Kost... k) throws InvalidInputException {
        return b.calculate(new VuInput("t.csv", aj, List.of(k), List.of(), List.of()));
    }

    private VuResult wagens(int aj, VuInput.Wagen... w) throws InvalidInputException {
        return b.calculate(new VuInput("t.csv", aj, List.of(), List.of(w), List.of()));
    }

    private static void eq(String expected, BigDecimal actual) {
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(actual.setScale(4, RoundingMode.HALF_UP)),
                actual.toPlainString());
    }

    /** Seed example: € 9.000 interest received after 10% foreign tax gives an FBB of € 1.000, in code 1201. */
    @Test
    void fbbOfNineThousandNetAtTenPercentIsOneThousand() throws Exception {
        eq("1000", kosten(2026, kost("fbb", "9000", null, "0.10")).code("1201").amount());
        // At most 15/85 of the net income: 40% foreign tax on 8.500 net would be 5.666,67; 15/85 × 8.500 = 1.500.
        eq("1500", kosten(2026, kost("fbb", "8500", null, "0.40")).code("1201").amount());
    }

    /** Seed example: a maaltijdcheque of € 8 − € 1,09 (employee) − € 2 (deductible) = € 4,91 per cheque. */
    @Test
    void maaltijdchequeOfEightEurosLeavesFourNinetyOnePerCheque() throws Exception {
        eq(
                "4.91",
                kosten(2026, kost("maaltijdcheque", "6.91", "1", null))
                        .code("1215")
                        .amount());
        eq(
                "491",
                kosten(2026, kost("maaltijdcheque", "691", "100", null))
                        .code("1215")
                        .amount());
        // An € 8 cheque keeps € 2 in every aanslagjaar, also 2027.
        eq(
                "4.91",
                kosten(2027, kost("maaltijdcheque", "6.91", "1", null, "8"))
                        .code("1215")
                        .amount());
    }

    /**
     * Issue 21: € 4 only for a cheque at the new € 10 maximum (granted from 1-1-2026): 8,91 employer part − 4 = 4,91;
     * keyed on the cheque's value, so a boekjaar ending 30-6-2026 (aanslagjaar 2026) with € 10 cheques has it too.
     * Without a value, € 2 and a warning.
     */
    @Test
    void fourEurosOnlyForChequesOfTheNewTenEuroMaximum() throws Exception {
        eq(
                "4.91",
                kosten(2027, kost("maaltijdcheque", "8.91", "1", null, "10"))
                        .code("1215")
                        .amount());
        eq(
                "4.91",
                kosten(2026, kost("maaltijdcheque", "8.91", "1", null, "10"))
                        .code("1215")
                        .amount());
        eq(
                "4.91",
                kosten(2026, kost("maaltijdcheque", "6.91", "1", null, "8"))
                        .code("1215")
                        .amount());
        // 9,99: below the maximum, € 2: 7,90 − 2 = 5,90.
        eq(
                "5.90",
                kosten(2027, kost("maaltijdcheque", "7.90", "1", null, "9.99"))
                        .code("1215")
                        .amount());
        VuResult r = kosten(2027, kost("maaltijdcheque", "8.91", "1", null));
        eq("6.91", r.code("1215").amount());
        org.junit.jupiter.api.Assertions.assertTrue(
                r.warnings().stream().anyMatch(w -> w.message().contains("zonder waarde")),
                r.warnings().toString());
    }

    @Test
    void percentagesPerKind() throws Exception {
        VuResult r = kosten(
                2026,
                kost("restaurant", "1000", null, null),
                kost("receptie", "1000", null, null),
                kost("relatiegeschenk", "500", null, null),
                kost("kledij", "300", null, null),
                kost("aftrekbaar", "5000", null, null),
                kost("oneigenlijke-gewestbelasting", "800", null, null),
                kost("eigenlijke-gewestbelasting", "200", null, null));
        eq("310", r.code("1208").amount());
        eq("750", r.code("1207").amount());
        eq("300", r.code("1209").amount());
        eq("200", r.code("1202").amount());
        eq("1560", r.totaal().amount());
    }

    @Test
    void excessiveInterestIsThePartAboveTheMarketRate() throws Exception {
        // 1.000 at 10% with a market rate of 7,08%: 1.000 × 2,92 / 10 = 292.
        eq(
                "292",
                kosten(2026, kost("intrest", "1000", null, "0.10")).code("1210").amount());
        eq("0", kosten(2026, kost("intrest", "1000", null, "0.07")).code("1210").amount());
    }

    /**
     * Issue 21: a refund of 3.000 against 1.000 of payments does not make 1201 negative: 1201 is 0 and the −2.000 goes
     * to the taxed reserves; the total does not count it. A positive balance stays as it was.
     */
    @Test
    void aNegativeBalanceOf1201GoesToTheTaxedReservesNotTheCode() throws Exception {
        VuResult r = kosten(
                2026,
                kost("vennootschapsbelasting", "1000", null, null),
                kost("vennootschapsbelasting", "-3000", null, null),
                kost("restaurant", "1000", null, null));
        eq("0", r.code("1201").amount());
        eq("-2000", r.naarBelasteReserves().amount());
        eq("310", r.totaal().amount());
        VuResult plus = kosten(
                2026,
                kost("vennootschapsbelasting", "3000", null, null),
                kost("vennootschapsbelasting", "-1000", null, null));
        eq("2000", plus.code("1201").amount());
        eq("0", plus.naarBelasteReserves().amount());
    }

    /** Issue 21: the market rate of aanslagjaar 2024 is 5,70% and of 2025 8,02% (MFI rate + 2,5 points). */
    @Test
    void marketRatePerAanslagjaar() throws Exception {
        // 1.000 at 10%: AJ 2024 1.000 × 4,30 / 10 = 430; AJ 2025 1.000 × 1,98 / 10 = 198.
        eq(
                "430",
                kosten(2024, kost("intrest", "1000", null, "0.10")).code("1210").amount());
        eq(
                "198",
                kosten(2025, kost("intrest", "1000", null, "0.10")).code("1210").amount());
    }

    @Test
    void interestInAYearWithoutAMarketRateNamesTheYear() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> kosten(2027, kost("intrest", "1000", null, "0.10")));
        assertTrue(e.getMessage().contains("aanslagjaar 2027"), e.getMessage());
    }

    /** Bought up to 30-06-2023: at least 50%; diesel 150 g/km gives 120 − 75 = 45%, so 50%. */
    @Test
    void oldRegimeHasAFiftyPercentFloor() throws Exception {
        eq(
                "0.5",
                wagens(2026, wagen("2022-01-01", VuInput.Brandstof.DIESEL, "150", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        eq(
                "0.6",
                wagens(2026, wagen("2022-01-01", VuInput.Brandstof.DIESEL, "120", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        eq(
                "1",
                wagens(2026, wagen("2022-01-01", VuInput.Brandstof.BENZINE, "30", "0", "1000", "0", false))
                        .wagen(0, "pct"));
    }

    /** From 200 g/km: 40% (199 g/km still has the 50% floor). */
    @Test
    void fortyPercentFrom200Grams() throws Exception {
        eq(
                "0.5",
                wagens(2026, wagen("2020-01-01", VuInput.Brandstof.DIESEL, "199", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        VuResult r = wagens(2026, wagen("2020-01-01", VuInput.Brandstof.DIESEL, "200", "0", "1000", "0", false));
        eq("0.4", r.wagen(0, "pct"));
        eq("600", r.code("1205").amount());
    }

    /** 30-06-2023: the old regime (floor 50%); 01-07-2023: no floor, at most 75% in aanslagjaar 2026. */
    @Test
    void purchaseDateOfThirtyJuneAndFirstJuly2023() throws Exception {
        eq(
                "0.5",
                wagens(2026, wagen("2023-06-30", VuInput.Brandstof.DIESEL, "150", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        eq(
                "0.45",
                wagens(2026, wagen("2023-07-01", VuInput.Brandstof.DIESEL, "150", "0", "1000", "0", false))
                        .wagen(0, "pct"));
    }

    /** A petrol car of 2024 at 80 g/km: 120 − 38 = 82%, capped at 75% (aanslagjaar 2026) and 50% (2027). */
    /**
     * Issue 21: a car bought 01-07-2023 to 31-12-2025 keeps the old rules in aanslagjaar 2024 and 2025 (floor 50%, 40%
     * from 200 g/km); the floor goes and the 75% cap begins in aanslagjaar 2026. A diesel of 180 g/km bought 09-2023:
     * gramformule 120 − 0,5 × 180 = 30%: AJ 2025 50%, AJ 2026 30%.
     */
    @Test
    void carBoughtAfterJune2023KeepsTheOldRulesInAanslagjaar2024And2025() throws Exception {
        eq(
                "0.5",
                wagens(2025, wagen("2023-09-15", VuInput.Brandstof.DIESEL, "180", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        eq(
                "0.5",
                wagens(2024, wagen("2023-09-15", VuInput.Brandstof.DIESEL, "180", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        eq(
                "0.3",
                wagens(2026, wagen("2023-09-15", VuInput.Brandstof.DIESEL, "180", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        // 200 g/km: 40% in AJ 2025; 20% in AJ 2026 (no floor).
        eq(
                "0.4",
                wagens(2025, wagen("2024-05-01", VuInput.Brandstof.DIESEL, "200", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        eq(
                "0.2",
                wagens(2026, wagen("2024-05-01", VuInput.Brandstof.DIESEL, "200", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        // A petrol car of 80 g/km: 120 − 0,5 × 0,95 × 80 = 82%: AJ 2025 82% (at most 100%), AJ 2026 75%.
        eq(
                "0.82",
                wagens(2025, wagen("2024-03-15", VuInput.Brandstof.BENZINE, "80", "0", "1000", "0", false))
                        .wagen(0, "pct"));
    }

    /** Issue 21: an electric car bought from 2031 on is 67,5% deductible, not refused. */
    @Test
    void electricCarBoughtFrom2031IsSixtySevenAndAHalfPercent() throws Exception {
        eq(
                "0.675",
                wagens(2027, wagen("2031-03-01", VuInput.Brandstof.ELEKTRISCH, "0", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        eq(
                "0.675",
                wagens(2027, wagen("2034-03-01", VuInput.Brandstof.ELEKTRISCH, "0", "0", "1000", "0", false))
                        .wagen(0, "pct"));
    }

    @Test
    void petrolCarOf2024IsCappedByTheAanslagjaar() throws Exception {
        eq(
                "0.75",
                wagens(2026, wagen("2024-03-15", VuInput.Brandstof.BENZINE, "80", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        eq(
                "0.5",
                wagens(2027, wagen("2024-03-15", VuInput.Brandstof.BENZINE, "80", "0", "1000", "0", false))
                        .wagen(0, "pct"));
    }

    /** 31-12-2025: still the gramformule (capped); 01-01-2026: a fossil car is not deductible. */
    @Test
    void purchaseDateOfLastDecember2025AndFirstJanuary2026() throws Exception {
        eq(
                "0.5",
                wagens(2027, wagen("2025-12-31", VuInput.Brandstof.BENZINE, "100", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        VuResult r = wagens(2027, wagen("2026-01-01", VuInput.Brandstof.BENZINE, "100", "0", "1000", "0", false));
        eq("0", r.wagen(0, "pct"));
        eq("1000", r.code("1205").amount());
    }

    @Test
    void electricCarsByYearOfPurchase() throws Exception {
        eq(
                "1",
                wagens(2027, wagen("2026-12-31", VuInput.Brandstof.ELEKTRISCH, "0", "0", "1000", "0", false))
                        .wagen(0, "pct"));
        eq(
                "0.95",
                wagens(2027, wagen("2027-01-01", VuInput.Brandstof.ELEKTRISCH, "0", "0", "1000", "0", false))
                        .wagen(0, "pct"));
    }

    @Test
    void pluginFuelIsAtMostHalfDeductible() throws Exception {
        // Plug-in petrol of 2024, 40 g/km: 120 − 19 = 101%, capped 75% (AJ 2026); its fuel at most 50%.
        VuResult r =
                wagens(2026, wagen("2024-09-01", VuInput.Brandstof.PLUGIN_BENZINE, "40", "2000", "4000", "0", false));
        eq("0.75", r.wagen(0, "pct"));
        eq("0.5", r.wagen(0, "pctBrandstof"));
        eq("2000", r.code("1205").amount()); // 2.000 × 50% + 4.000 × 25%
    }

    @Test
    void fakeHybridWithoutMatchingModelCountsItsCo2TwoAndAHalfTimes() throws Exception {
        VuInput.Wagen w = new VuInput.Wagen(
                "vals",
                LocalDate.parse("2022-01-01"),
                VuInput.Brandstof.PLUGIN_DIESEL,
                new BigDecimal("40"),
                BigDecimal.TEN,
                BigDecimal.ZERO,
                new BigDecimal("1000"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                false,
                true,
                null,
                "w");
        VuResult r = wagens(2026, w);
        eq("100", r.wagen(0, "co2"));
        eq("0.7", r.wagen(0, "pct")); // 120 − 0,5 × 100
    }

    @Test
    void naturalGasUnderTwelveHorsepowerHasCoefficientNinety() throws Exception {
        VuInput.Wagen w = new VuInput.Wagen(
                "cng",
                LocalDate.parse("2022-01-01"),
                VuInput.Brandstof.AARDGAS,
                new BigDecimal("100"),
                new BigDecimal("11"),
                BigDecimal.ZERO,
                new BigDecimal("1000"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                false,
                false,
                null,
                "w");
        eq("0.75", wagens(2026, w).wagen(0, "pct")); // 120 − 0,5 × 0,9 × 100
    }

    /** The VAA part of the costs is deductible; 17% of the VAA (40% with fuel paid) is VU 1206. */
    @Test
    void vaaIsTakenOffBeforeThePercentageAndPartlyRejected() throws Exception {
        VuResult r = wagens(2026, wagen("2022-05-10", VuInput.Brandstof.DIESEL, "120", "2400", "3600", "1800", true));
        eq("1680", r.code("1205").amount()); // 6.000 − 1.800 = 4.200 × 40%
        eq("720", r.code("1206").amount()); // 40% × 1.800
        eq(
                "306",
                wagens(2026, wagen("2022-05-10", VuInput.Brandstof.DIESEL, "120", "0", "6000", "1800", false))
                        .code("1206")
                        .amount()); // 17% × 1.800
    }

    private static String error(String kosten) {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> new VuRegulation()
                        .run(Source.of("k.csv", kosten.getBytes(StandardCharsets.UTF_8)), Options.defaults())
                        .close());
        return e.getMessage();
    }

    @Test
    void badInputIsOneLineNamingFileAndLine() {
        assertTrue(error("boekjaar,2025\nrekening,omschrijving,bedrag,soort\n600,x,100,taart\n")
                .contains("k.csv › regel 3: onbekende soort \"taart\"; verwacht een van: vennootschapsbelasting"));
        assertTrue(error("boekjaar,2025\nrekening,omschrijving,bedrag,soort\n600,x,-100,restaurant\n")
                .contains("negatief bedrag"));
        assertTrue(error("boekjaar,2030\nrekening,omschrijving,bedrag,soort\n600,x,100,restaurant\n")
                .contains("aanslagjaar 2031"));
        assertTrue(error("rekening,omschrijving,bedrag,soort\n600,x,100,restaurant\n")
                .contains("het aanslagjaar ontbreekt"));
        // An attachment (bytes without a folder) may not name another file to read.
        assertTrue(
                error("boekjaar,2025\nwagens,/etc/passwd\nrekening,omschrijving,bedrag,soort\n600,x,100,restaurant\n")
                        .contains("geef de wagens mee met --wagens"));
    }
}
