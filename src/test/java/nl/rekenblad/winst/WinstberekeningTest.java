package nl.rekenblad.winst;

import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.rules.MissingRuleException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WinstberekeningTest {
    private final Winstberekening w = Winstberekening.withBundledRules();

    private WinstResult calc(int jaar, Object... kv) throws InvalidInputException {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof String s && s.matches("-?[0-9.]+") ? new BigDecimal(s) : v);
        }
        m.put("jaar", BigDecimal.valueOf(jaar));
        return w.calculate(new WinstInput("w.csv", jaar, m, Map.of(), List.of()));
    }

    private static Money eur(String s) {
        return Money.parse(s);
    }

    /** Seed example, 2025: € 50.000 after ondernemersaftrek → 12,7% = € 6.350 → € 43.650. */
    @Test
    void seedExample2025AppliesTwelvePointSevenPercent() throws Exception {
        WinstResult r = calc(2025, "winst", "52470", "uren", "1400");
        assertEquals(eur("2470"), r.get("zaf"));
        assertEquals(eur("50000"), r.naOndernemersaftrek());
        assertEquals(eur("6350"), r.mkbVrijstelling());
        assertEquals(eur("43650"), r.belastbaar());
    }

    /**
     * Issue 25: what the sheet shows adds up. The meewerkaftrek (a percentage of the profit) and the MKB-winstvrijstelling
     * are rounded to cents in their step, so belastbare winst is exactly the shown difference (the sample
     * winst-2025-volledig showed 3.089,03 − 392,31 = 2.696,73 before).
     */
    @Test
    void theShownStepsAddUpToTheCent() throws Exception {
        WinstResult r = Winstberekening.withBundledRules()
                .calculate(new WinstReader(nl.rekenblad.Rekenblad::provider)
                        .read(java.nio.file.Path.of("samples/winst-2025-volledig.csv"))
                        .input());
        assertEquals(eur("465.25"), r.get(WinstKeys.MEEWERKAFTREK));
        assertEquals(eur("3089.03"), r.naOndernemersaftrek());
        assertEquals(eur("392.31"), r.mkbVrijstelling());
        assertEquals(eur("2696.72"), r.belastbaar());
        assertEquals(r.belastbaar(), r.naOndernemersaftrek().minus(r.mkbVrijstelling()));
        // One more profit where 12,7% has a third decimal that rounds up: 1.000,05 × 12,7% = 127,00635.
        WinstResult k = calc(2025, "winst", "3470.05", "uren", "1400");
        assertEquals(eur("127.01"), k.mkbVrijstelling());
        assertEquals(eur("873.04"), k.belastbaar());
    }

    @Test
    void lossYearReducesTheLossAndLimitsTheZelfstandigenaftrek() throws Exception {
        WinstResult r = calc(2024, "winst", "-10000", "uren", "1400");
        assertEquals(eur("0"), r.get("zaf"));
        assertEquals(eur("-10000"), r.naOndernemersaftrek());
        assertEquals(eur("-1331"), r.mkbVrijstelling());
        assertEquals(eur("-8669"), r.belastbaar());
    }

    @Test
    void withoutTheUrencriterionThereIsNoOndernemersaftrekButStillTheMkbVrijstelling() throws Exception {
        WinstResult r = calc(2025, "winst", "30000", "uren", "1224", "starter", "ja", "partnerUren", "900");
        assertEquals(eur("0"), r.get("oa"));
        assertEquals(eur("3810"), r.mkbVrijstelling());
    }

    @Test
    void starterMayDeductMoreThanTheProfit() throws Exception {
        WinstResult r = calc(2025, "winst", "1000", "uren", "1300", "starter", "ja");
        assertEquals(eur("2470"), r.get("zaf"));
        assertEquals(eur("2123"), r.get("saf"));
        assertEquals(eur("-3593"), r.naOndernemersaftrek());
    }

    /** Toelichting aangifte IB 2025, vraag 11b; Wet IB 2001 art. 3.76 lid 4: at AOW age both are halved, not lost. */
    @Test
    void atAowAgeHalfTheZelfstandigenaftrekAndHalfTheStartersaftrek() throws Exception {
        WinstResult r = calc(2025, "winst", "20000", "uren", "1300", "aowLeeftijd", "Ja", "starter", "yes");
        assertEquals(eur("1235"), r.get("zaf"));
        assertEquals(eur("1062"), r.get("saf"));
        WinstResult young = calc(2025, "winst", "20000", "uren", "1300", "aowLeeftijd", "nee", "starter", "ja");
        assertEquals(eur("2470"), young.get("zaf"));
        assertEquals(eur("2123"), young.get("saf"));
    }

    @Test
    void meewerkaftrekFollowsThePartnerHours() throws Exception {
        assertEquals(
                eur("400"),
                calc(2025, "winst", "20000", "uren", "1300", "partnerUren", "875")
                        .get("mwa"));
        assertEquals(
                eur("250"),
                calc(2025, "winst", "20000", "uren", "1300", "partnerUren", "874")
                        .get("mwa"));
        assertEquals(
                eur("800"),
                calc(2025, "winst", "20000", "uren", "1300", "partnerUren", "1750")
                        .get("mwa"));
        assertEquals(
                eur("0"),
                calc(2025, "winst", "20000", "uren", "1300", "partnerUren", "524")
                        .get("mwa"));
    }

    @Test
    void stakingsaftrekIsCapped() throws Exception {
        assertEquals(
                eur("3630"),
                calc(2025, "winst", "20000", "stakingswinst", "5000").get("sta"));
        assertEquals(
                eur("1200"),
                calc(2025, "winst", "20000", "stakingswinst", "1200").get("sta"));
    }

    @Test
    void gemengdeKostenByThresholdOrEightyPercent() throws Exception {
        assertEquals(
                eur("3000"),
                calc(2025, "winst", "20000", "gemengdeKosten", "3000", "gemengdeKostenKeuze", "drempel")
                        .get("gk"));
        assertEquals(
                eur("5700"),
                calc(2025, "winst", "20000", "gemengdeKosten", "8000", "gemengdeKostenKeuze", "drempel")
                        .get("gk"));
        assertEquals(
                eur("1600"),
                calc(2025, "winst", "20000", "gemengdeKosten", "8000", "gemengdeKostenKeuze", "80%")
                        .get("gk"));
    }

    @Test
    void thresholdChoiceWithoutAThresholdForTheYearIsAnError() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> calc(2026, "winst", "20000", "gemengdeKosten", "3000", "gemengdeKostenKeuze", "drempel"));
        assertTrue(e.getMessage().contains("2026"), e.getMessage());
    }

    @Test
    void korAndInvestmentItemsComeBeforeTheOndernemersaftrek() throws Exception {
        WinstResult r = calc(2025, "winst", "40000", "kor", "570", "kia", "14000", "eia", "4000", "bijtelling", "1120");
        assertEquals(eur("23690"), r.fiscaleWinst());
    }

    @Test
    void amountsTakenOverFromAnotherOutputCount() throws Exception {
        Map<String, Object> m = new HashMap<>(Map.of("winst", new BigDecimal("40000"), "jaar", new BigDecimal("2025")));
        WinstResult r = w.calculate(new WinstInput(
                "w.csv",
                2025,
                m,
                Map.of("kia", new WinstInput.Overgenomen(new BigDecimal("19600"), "kia.json")),
                List.of()));
        assertEquals(eur("20400"), r.fiscaleWinst());
        assertTrue(r.calculation().step("kia").label().contains("kia.json"));
    }

    @Test
    void yearOutsideTheRulesIsNamed() {
        MissingRuleException e = assertThrows(MissingRuleException.class, () -> calc(2019, "winst", "1000"));
        assertTrue(e.getMessage().contains("2019"));
    }
}
