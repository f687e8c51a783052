package nl.rekenblad.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleBookTest {
    private final RuleBook kor = RuleBook.load("kor");

    @ParameterizedTest
    @ValueSource(ints = {2002, 2010, 2019})
    void oldKorThresholdsHoldFrom2002To2019(int year) {
        assertEquals(
                new BigDecimal("1345"),
                kor.get("KOR_Oud_Drempel", year, "drempel").number());
        assertEquals(
                new BigDecimal("1883"), kor.get("KOR_Oud_Grens", year, "grens").number());
        assertEquals(
                new BigDecimal("2.5"), kor.get("KOR_Oud_Factor", year, "factor").number());
    }

    @Test
    void everyRowCarriesItsSource() {
        Parameter p = kor.get("KOR_Oud_Grens", 2017, "grens");
        assertTrue(p.source().contains("Wet OB 1968 art. 25"), p.source());
        assertFalse(p.confidence().isBlank());
    }

    @Test
    void noFallBackToAnotherYear() {
        MissingRuleException e =
                assertThrows(MissingRuleException.class, () -> kor.get("KOR_Oud_Grens", 2020, "grens van de oude KOR"));
        assertTrue(e.getMessage().contains("2020") && e.getMessage().contains("2002–2019"), e.getMessage());
        assertEquals(2020, e.year());
    }

    @Test
    void previousYearCountsFrom2025() {
        assertEquals("nee", kor.get("KOR_Vrij_VorigJaarTelt", 2024, "x").value());
        assertEquals("ja", kor.get("KOR_Vrij_VorigJaarTelt", 2025, "x").value());
    }

    @Test
    void overlappingRowsAreRefused() {
        String text = "A\t2020-2022\t1\tEUR\tx\tbron\tH\nA\t2022\t2\tEUR\tx\tbron\tH\n";
        assertThrows(IllegalStateException.class, () -> RuleBook.parse("t", text));
    }
}
