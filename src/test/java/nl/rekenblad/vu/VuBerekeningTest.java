package nl.rekenblad.vu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The verworpen uitgaven from the rules: the seed's two worked examples, each car regime and each boundary of
 * issue 14 (50% floor, 40% from 200 g/km, the purchase dates 30-06-2023 / 01-07-2023 / 31-12-2025 / 01-01-2026).
 */
class VuBerekeningTest {
    private final VuBerekening b = VuBerekening.withBundledRules();

    private static VuInput.Kost kost(String soort, String bedrag, String aantal, String pct) {
        return new VuInput.Kost("600000", "test", new BigDecimal(bedrag), Soort.of(soort).orElseThrow(),
                aantal == null ? null : new BigDecimal(aantal), pct == null ? null : new BigDecimal(pct), "t.csv › regel 2");
    }

    private static VuInput.Wagen wagen(String datum, VuInput.Brandstof br, String co2, String brandstof, String andere,
            String vaa, boolean tussenkomst) {
        return new VuInput.Wagen("w", LocalDate.parse(datum), br, new BigDecimal(co2), new BigDecimal("10"),
                new BigDecimal(brandstof), new BigDecimal(andere), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(vaa),
                tussenkomst, false, null, "w.csv › regel 2");
    }

    private VuResult kosten(int aj, VuInput.Kost... k) throws InvalidInputException {
        return b.calculate(new VuInput("t.csv", aj, List.of(k), List.of(), List.of()));
    }

    private VuResult wagens(int aj, VuInput.Wagen... w) throws InvalidInputException {
        return b.calculate(new VuInput("t.csv", aj, List.of(), List.of(w), List.of()));
    }

    private static void eq(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.setScale(4, RoundingMode.HALF_UP)), actual.toPlainString());
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
        eq("4.91", kosten(2026, kost("maaltijdcheque", "6.91", "1", null)).code("1215").amount());
        eq("491", kosten(2026, kost("maaltijdcheque", "691", "100", null)).code("1215").amount());
        // From 2026 (aanslagjaar 2027) € 4 is deductible.
        eq("2.91", kosten(2027, kost("maaltijdcheque", "6.91", "1", null)).code("1215").amount());
    }

    @Test
    void percentagesPerKind() throws Exception {
        VuResult r = kosten(2026, kost("restaurant", "1000", null, null), kost("receptie", "1000", null, null),
                kost("relatiegeschenk", "500", null, null), kost("kledij", "300", null, null), kost("aftrekbaar", "5000", null, null),
                kost("gewestbelasting-eigenlijk", "800", null, null), kost("gewestbelasting", "200", null, null));
        eq("310", r.code("1208").amount());
        eq("750", r.code("1207").amount());
        eq("300", r.code("1209").amount());
        eq("200", r.code("1202").amount());
        eq("1560", r.totaal().amount());
    }

    @Test
    void excessiveInterestIsThePartAboveTheMarketRate() throws Exception {
        // 1.000 at 10% with a market rate of 7,08%: 1.000 × 2,92 / 10 = 292.
        eq("292", kosten(2026, kost("intrest", "1000", null, "0.10")).code("1210").amount());
        eq("0", kosten(2026, kost("intrest", "1000", null, "0.07")).code("1210").amount());
    }

    @Test
    void interestInAYearWithoutAMarketRateNamesTheYear() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> kosten(2025, kost("intrest", "1000", null, "0.10")));
        assertTrue(e.getMessage().contains("aanslagjaar 2025"), e.getMessage());
    }

    /** Bought up to 30-06-2023: at least 50%; diesel 150 g/km gives 120 − 75 = 45%, so 50%. */
    @Test
    void oldRegimeHasAFiftyPercentFloor() throws Exception {
        eq("0.5", wagens(2026, wagen("2022-01-01", VuInput.Brandstof.DIESEL, "150", "0", "1000", "0", false)).wagen(0, "pct"));
        eq("0.6", wagens(2026, wagen("2022-01-01", VuInput.Brandstof.DIESEL, "120", "0", "1000", "0", false)).wagen(0, "pct"));
        eq("1", wagens(2026, wagen("2022-01-01", VuInput.Brandstof.BENZINE, "30", "0", "1000", "0", false)).wagen(0, "pct"));
    }

    /** From 200 g/km: 40% (199 g/km still has the 50% floor). */
    @Test
    void fortyPercentFrom200Grams() throws Exception {
        eq("0.5", wagens(2026, wagen("2020-01-01", VuInput.Brandstof.DIESEL, "199", "0", "1000", "0", false)).wagen(0, "pct"));
        VuResult r = wagens(2026, wagen("2020-01-01", VuInput.Brandstof.DIESEL, "200", "0", "1000", "0", false));
        eq("0.4", r.wagen(0, "pct"));
        eq("600", r.code("1205").amount());
    }

    /** 30-06-2023: the old regime (floor 50%); 01-07-2023: no floor, at most 75% in aanslagjaar 2026. */
    @Test
    void purchaseDateOfThirtyJuneAndFirstJuly2023() throws Exception {
        eq("0.5", wagens(2026, wagen("2023-06-30", VuInput.Brandstof.DIESEL, "150", "0", "1000", "0", false)).wagen(0, "pct"));
        eq("0.45", wagens(2026, wagen("2023-07-01", VuInput.Brandstof.DIESEL, "150", "0", "1000", "0", false)).wagen(0, "pct"));
    }

    /** A petrol car of 2024 at 80 g/km: 120 − 38 = 82%, capped at 75% (aanslagjaar 2026) and 50% (2027). */
    @Test
    void petrolCarOf2024IsCappedByTheAanslagjaar() throws Exception {
        eq("0.75", wagens(2026, wagen("2024-03-15", VuInput.Brandstof.BENZINE, "80", "0", "1000", "0", false)).wagen(0, "pct"));
        eq("0.5", wagens(2027, wagen("2024-03-15", VuInput.Brandstof.BENZINE, "80", "0", "1000", "0", false)).wagen(0, "pct"));
    }

    /** 31-12-2025: still the gramformule (capped); 01-01-2026: a fossil car is not deductible. */
    @Test
    void purchaseDateOfLastDecember2025AndFirstJanuary2026() throws Exception {
        eq("0.5", wagens(2027, wagen("2025-12-31", VuInput.Brandstof.BENZINE, "100", "0", "1000", "0", false)).wagen(0, "pct"));
        VuResult r = wagens(2027, wagen("2026-01-01", VuInput.Brandstof.BENZINE, "100", "0", "1000", "0", false));
        eq("0", r.wagen(0, "pct"));
        eq("1000", r.code("1205").amount());
    }

    @Test
    void electricCarsByYearOfPurchase() throws Exception {
        eq("1", wagens(2027, wagen("2026-12-31", VuInput.Brandstof.ELEKTRISCH, "0", "0", "1000", "0", false)).wagen(0, "pct"));
        eq("0.95", wagens(2027, wagen("2027-01-01", VuInput.Brandstof.ELEKTRISCH, "0", "0", "1000", "0", false)).wagen(0, "pct"));
    }

    @Test
    void pluginFuelIsAtMostHalfDeductible() throws Exception {
        // Plug-in petrol of 2024, 40 g/km: 120 − 19 = 101%, capped 75% (AJ 2026); its fuel at most 50%.
        VuResult r = wagens(2026, wagen("2024-09-01", VuInput.Brandstof.PLUGIN_BENZINE, "40", "2000", "4000", "0", false));
        eq("0.75", r.wagen(0, "pct"));
        eq("0.5", r.wagen(0, "pctBrandstof"));
        eq("2000", r.code("1205").amount()); // 2.000 × 50% + 4.000 × 25%
    }

    @Test
    void fakeHybridWithoutMatchingModelCountsItsCo2TwoAndAHalfTimes() throws Exception {
        VuInput.Wagen w = new VuInput.Wagen("vals", LocalDate.parse("2022-01-01"), VuInput.Brandstof.PLUGIN_DIESEL,
                new BigDecimal("40"), BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, false, true, null, "w");
        VuResult r = wagens(2026, w);
        eq("100", r.wagen(0, "co2"));
        eq("0.7", r.wagen(0, "pct")); // 120 − 0,5 × 100
    }

    @Test
    void naturalGasUnderTwelveHorsepowerHasCoefficientNinety() throws Exception {
        VuInput.Wagen w = new VuInput.Wagen("cng", LocalDate.parse("2022-01-01"), VuInput.Brandstof.AARDGAS,
                new BigDecimal("100"), new BigDecimal("11"), BigDecimal.ZERO, new BigDecimal("1000"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, false, false, null, "w");
        eq("0.75", wagens(2026, w).wagen(0, "pct")); // 120 − 0,5 × 0,9 × 100
    }

    /** The VAA part of the costs is deductible; 17% of the VAA (40% with fuel paid) is VU 1206. */
    @Test
    void vaaIsTakenOffBeforeThePercentageAndPartlyRejected() throws Exception {
        VuResult r = wagens(2026, wagen("2022-05-10", VuInput.Brandstof.DIESEL, "120", "2400", "3600", "1800", true));
        eq("1680", r.code("1205").amount()); // 6.000 − 1.800 = 4.200 × 40%
        eq("720", r.code("1206").amount()); // 40% × 1.800
        eq("306", wagens(2026, wagen("2022-05-10", VuInput.Brandstof.DIESEL, "120", "0", "6000", "1800", false))
                .code("1206").amount()); // 17% × 1.800
    }

    private static String error(String kosten) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new VuRegulation().run(
                Source.of("k.csv", kosten.getBytes(StandardCharsets.UTF_8)), Options.defaults()).close());
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
        assertTrue(error("rekening,omschrijving,bedrag,soort\n600,x,100,restaurant\n").contains("het aanslagjaar ontbreekt"));
        // An attachment (bytes without a folder) may not name another file to read.
        assertTrue(error("boekjaar,2025\nwagens,/etc/passwd\nrekening,omschrijving,bedrag,soort\n600,x,100,restaurant\n")
                .contains("geef de wagens mee met --wagens"));
    }
}
