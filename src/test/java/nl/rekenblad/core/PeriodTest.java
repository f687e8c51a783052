package nl.rekenblad.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {
    @Test
    void parsesTheThreeForms() {
        assertEquals(Period.quarter(2017, 3), Period.parse("2017-Q3"));
        assertEquals(Period.quarter(2017, 3), Period.parse(" 2017-q3 "));
        assertEquals(Period.month(2017, 11), Period.parse("2017-11"));
        assertEquals(Period.year(2017), Period.parse("2017"));
        assertEquals("2017-03", Period.month(2017, 3).label());
        assertEquals("2017_Q1", Period.quarter(2017, 1).key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017-Q5", "2017-Q0", "2017-13", "2017-00", "17-Q1", "Q1", "2017Q1", ""})
    void refusesOtherForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(text));
        assertTrue(e.getMessage().contains("2017-Q1"), e.getMessage());
    }

    @Test
    void ordersByTime() {
        assertTrue(Period.quarter(2017, 1).compareTo(Period.quarter(2017, 2)) < 0);
        assertTrue(Period.month(2017, 12).compareTo(Period.month(2018, 1)) < 0);
    }
}
