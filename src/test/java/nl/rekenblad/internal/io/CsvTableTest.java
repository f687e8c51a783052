package nl.rekenblad.internal.io;

import nl.rekenblad.api.Source;
import nl.rekenblad.core.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableTest {

    private static List<CsvTable.Record> all(CsvTable t, List<Problem> problems) {
        List<CsvTable.Record> out = new ArrayList<>();
        for (CsvTable.Record r = t.next(problems); r != null; r = t.next(problems)) {
            out.add(r);
        }
        return out;
    }

    @Test
    void recordsCarryTheLineTheyStartOnPastEmptyLinesAndCrLf() {
        CsvTable t = CsvTable.of("a.csv", "x;y\r\n\r\n1;2\r\n\"regel\nbreuk\";3\n\n4;5\n");
        List<Problem> problems = new ArrayList<>();
        List<CsvTable.Record> recs = all(t, problems);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(
                List.of(1L, 3L, 4L, 7L),
                recs.stream().map(CsvTable.Record::line).toList());
        assertEquals("a.csv › regel 7", recs.get(3).where());
    }

    @Test
    void headerMapsNamesInAnyCaseAndOrderAndReadsAmountsInTheFilesNotation() {
        CsvTable t = CsvTable.of("a.csv", "Bedrag;OMSCHRIJVING;extra\n€ 1.234,56;fiets;x\n");
        List<Problem> problems = new ArrayList<>();
        CsvTable.Header h = t.header(t.next(problems));
        assertEquals(List.of("datum"), h.missing(List.of("omschrijving", "datum", "bedrag")));
        assertEquals(List.of("extra"), h.unknown(List.of("omschrijving", "bedrag")));
        CsvTable.Record r = t.next(problems);
        assertEquals("fiets", r.text("omschrijving"));
        assertEquals(new BigDecimal("1234.56"), r.amount("bedrag", problems));
        assertEquals("", r.text("datum"));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void aBadAmountOrDateIsAProblemNamingLineAndColumn() {
        CsvTable t = CsvTable.of("a.csv", "bedrag,datum\nveel,31-02-2025\n");
        List<Problem> problems = new ArrayList<>();
        t.header(t.next(problems));
        CsvTable.Record r = t.next(problems);
        assertNull(r.amount("bedrag", problems));
        assertNull(r.date("datum", problems));
        assertEquals(2, problems.size());
        assertTrue(
                problems.get(0).where().equals("a.csv › regel 2")
                        && problems.get(0).message().startsWith("kolom bedrag: "),
                problems.toString());
        assertTrue(problems.get(1).message().startsWith("kolom datum: geen datum"), problems.toString());
    }

    @Test
    void anUnclosedQuoteIsNamedByTheLineWhereItOpensAndEndsTheTable() {
        CsvTable t = CsvTable.of("a.csv", "a,b\n1,2\n3,\"open\n4,5\n");
        List<Problem> problems = new ArrayList<>();
        all(t, problems);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(
                "de CSV is niet verder te lezen: regel 3: een aanhalingsteken (\") wordt niet gesloten",
                problems.get(0).message());
        assertNull(t.next(problems));
        assertEquals(1, problems.size());
    }

    @Test
    void textAfterAClosingQuoteIsNamedByItsLine() {
        CsvTable t = CsvTable.of("a.csv", "a;b\n1;2\n\"x\"y;3\n", 5);
        List<Problem> problems = new ArrayList<>();
        List<CsvTable.Record> recs = all(t, problems);
        assertEquals(List.of(5L, 6L), recs.stream().map(CsvTable.Record::line).toList());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0)
                        .message()
                        .startsWith("de CSV is niet verder te lezen: regel 7: na het sluitende"
                                + " aanhalingsteken volgt nog tekst"),
                problems.toString());
    }

    @Test
    void quotesInsideAnUnquotedFieldAndDoubledQuotesAreInOrder() {
        CsvTable t = CsvTable.of("a.csv", "a,b\nzeg \"hoi\",\"a \"\"b\"\" c\"  \n");
        List<Problem> problems = new ArrayList<>();
        List<CsvTable.Record> recs = all(t, problems);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(List.of("zeg \"hoi\"", "a \"b\" c"), recs.get(1).fields());
    }

    @Test
    void aStreamedWindows1252FileWithoutBomAndAUtf8FileWithBomReadAlike() throws Exception {
        byte[] ansi = "omschrijving;bedrag\ncaf\u00e9;\u20ac 3,50\n".getBytes(Charset.forName("windows-1252"));
        byte[] utf8 = ("\ufeff" + "omschrijving;bedrag\ncaf\u00e9;\u20ac 3,50\n").getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : List.of(ansi, utf8)) {
            try (CsvTable t = CsvTable.stream(Source.of("k.csv", bytes))) {
                List<Problem> problems = new ArrayList<>();
                t.header(t.next(problems));
                CsvTable.Record r = t.next(problems);
                assertEquals("café", r.text("omschrijving"));
                assertEquals(new BigDecimal("3.50"), r.amount("bedrag", problems));
                assertEquals(';', t.dialect().delimiter());
                assertFalse(t.next(problems) != null);
            }
        }
    }
}
