package nl.rekenblad.internal.io;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CellCounterTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<row r='1'><c r='A1'><v>1</v></c><c r='B1' s='2'/></row>|2",
                "<x:row><x:c r='A1'><x:v>1</x:v></x:c><x:c\tr='B1'/></x:row>|2",
                "<cols><col min='1'/></cols><conditionalFormatting><cfRule/></conditionalFormatting><c>|1",
                "</c><c/><cc/><a:cx/>|1",
            })
    void countsCellStartTagsWithOrWithoutAPrefix(String xml, long cells) {
        Workbooks.CellCounter counter = new Workbooks.CellCounter();
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        // Fed in two pieces split inside a tag: the count does not depend on where a piece ends.
        int half = b.length / 2;
        counter.feed(b, half);
        byte[] rest = java.util.Arrays.copyOfRange(b, half, b.length);
        counter.feed(rest, rest.length);
        assertEquals(cells, counter.cells);
    }
}
