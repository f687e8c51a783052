package nl.rekenblad.internal.io;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 21 item 10: amounts on the command line are read the Dutch way; an ambiguous dot is refused with both readings. */
class TypedAmountTest {
    private static void reads(String expected, String typed) {
        assertEquals(0, new BigDecimal(expected).compareTo(AmountNotation.parseTyped(typed)), typed);
    }

    @Test
    void amountsAreReadTheDutchWay() {
        reads("21000", "21000");
        reads("21000", "21.000");
        reads("21000", "21.000,00");
        reads("21000.50", "21000,50");
        reads("21000", "€ 21.000");
        reads("21000", "€21.000");
        reads("21000", "EUR 21.000");
        reads("1234567.89", "1.234.567,89");
        reads("-1250", "-1.250");
        reads("-1250", "€ -1.250");
        reads("0.5", "0,5");
        assertNull(AmountNotation.parseTyped("  "));
    }

    @Test
    void aDotThatCannotGroupThousandsIsRefusedWithBothReadings() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> AmountNotation.parseTyped("21.5"));
        assertTrue(e.getMessage().contains("€ 21,50") && e.getMessage().contains("€ 215,00"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AmountNotation.parseTyped("1234.56"));
        assertTrue(e.getMessage().contains("€ 1.234,56") && e.getMessage().contains("€ 123.456,00"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AmountNotation.parseTyped("1.2.3"));
        assertTrue(e.getMessage().contains("niet eenduidig"), e.getMessage());
    }

    @Test
    void otherTextIsRefusedQuotingIt() {
        for (String bad : new String[] {"twintigduizend", "21.000,5,0", "21,000.00", "1e5", "--5", "21 000"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> AmountNotation.parseTyped(bad), bad);
            assertTrue(e.getMessage().contains(bad.trim()) || e.getMessage().contains("tekens"), e.getMessage());
        }
    }
}
