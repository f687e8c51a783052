package nl.rekenblad.internal.io;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AmountNotationTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "€ 1.234,56|1234.56",
                "1.234,56|1234.56",
                "1234,56|1234.56",
                "€1.234|1234",
                "-€ 12,50|-12.50",
                "€ -12,50|-12.50",
                "- 3,5|-3.5",
                "1.000.000|1000000",
                "0,005|0.005",
                "EUR 10|10",
                "12|12"
            })
    void dutchNotation(String text, String expected) {
        assertEquals(new BigDecimal(expected), AmountNotation.DUTCH.parse(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1234.56|1234.56", "-12.5|-12.5", "€ 100|100", "0|0"})
    void plainNotation(String text, String expected) {
        assertEquals(new BigDecimal(expected), AmountNotation.PLAIN.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.23,4", "12,345.6", "1,2,3", "--5", "€", "1 234", "12.34"})
    void dutchNotationRefusesWhatItCannotReadExactly(String text) {
        assertThrows(IllegalArgumentException.class, () -> AmountNotation.DUTCH.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234,56", "1,234.56", "abc", "1e5", "NaN"})
    void plainNotationRefusesDutchAndOtherForms(String text) {
        assertThrows(IllegalArgumentException.class, () -> AmountNotation.PLAIN.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\u00a0"})
    void emptyIsBlank(String text) {
        assertNull(AmountNotation.DUTCH.parse(text));
    }
}
