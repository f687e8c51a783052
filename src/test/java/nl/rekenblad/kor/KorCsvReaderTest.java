package nl.rekenblad.kor;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KorCsvReaderTest {
    @TempDir
    Path dir;

    private KorInput read(String text) throws Exception {
        return new KorCsvReader().parse("k.csv", text);
    }

    private List<Problem> problems(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(text));
        return e.problems();
    }

    private static String only(List<Problem> ps) {
        assertEquals(1, ps.size(), ps.toString());
        return ps.get(0).toString();
    }

    @Test
    void dutchNotationInSemicolonFiles() throws Exception {
        KorInput in = read("periode;rubriek;omzet;btw\n2017-Q1;1a;€ 1.234,56;€ 259,26\n2017-Q1;5b;;-€ 12,5\n");
        assertEquals(
                Money.parse("1234.56"),
                in.get(Period.quarter(2017, 1), Rubriek.R1A).omzet());
        assertEquals(
                Money.parse("259.26"),
                in.get(Period.quarter(2017, 1), Rubriek.R1A).btw());
        assertEquals(
                Money.parse("-12.5"),
                in.get(Period.quarter(2017, 1), Rubriek.R5B).btw());
    }

    @Test
    void plainNotationInCommaFiles() throws Exception {
        KorInput in = read("periode,rubriek,omzet,btw\n2017-Q1,1a,1234.56,259.26\n");
        assertEquals(
                Money.parse("1234.56"),
                in.get(Period.quarter(2017, 1), Rubriek.R1A).omzet());
    }

    @Test
    void emptyFieldIsBlank() throws Exception {
        KorInput in = read("periode,rubriek,omzet,btw\n2017-Q1,1e,500,\n");
        assertEquals(null, in.get(Period.quarter(2017, 1), Rubriek.R1E).btw());
    }

    @Test
    void headerIsCaseInsensitiveAndColumnsMayBeReordered() throws Exception {
        KorInput in = read("Rubriek,BTW,Periode,Omzet\n1A,21,2017-Q2,100\n");
        assertEquals(
                Money.parse("21"), in.get(Period.quarter(2017, 2), Rubriek.R1A).btw());
    }

    @Test
    void missingQuarterIsAWarningNotAnError() throws Exception {
        KorInput in = read("periode,rubriek,omzet,btw\n2017-Q2,1a,100,21\n2017-Q3,1a,100,21\n2017-Q4,1a,100,21\n");
        assertEquals(4, in.periods().size());
        assertEquals(1, in.warnings().size());
        assertTrue(
                in.warnings().get(0).toString().contains("2017-Q1"),
                in.warnings().toString());
    }

    @Test
    void monthlyAndYearlyPeriodsAreRead() throws Exception {
        assertEquals(
                12,
                read("periode,rubriek,omzet,btw\n2017-03,1a,100,21\n").periods().size());
        assertEquals(
                List.of(Period.year(2017)),
                read("periode,rubriek,omzet,btw\n2017,1a,100,21\n").periods());
    }

    @Test
    void utf8WithBomIsRead() throws Exception {
        Path f = dir.resolve("bom.csv");
        byte[] body = "periode;rubriek;omzet;btw\n2017-Q1;1a;€ 100,00;21\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(f, withBom);
        KorInput in = new KorCsvReader().read(f);
        assertEquals(
                Money.parse("100"), in.get(Period.quarter(2017, 1), Rubriek.R1A).omzet());
    }

    @Test
    void windows1252EuroSignIsRead() throws Exception {
        Path f = dir.resolve("ansi.csv");
        Files.write(
                f,
                "periode;rubriek;omzet;btw\r\n2017-Q1;1a;€ 2.500,00;€ 525,00\r\n"
                        .getBytes(Charset.forName("windows-1252")));
        KorInput in = new KorCsvReader().read(f);
        assertEquals(
                Money.parse("2500"),
                in.get(Period.quarter(2017, 1), Rubriek.R1A).omzet());
    }

    @Test
    void unknownRubriekIsNamedWithItsLine() {
        String p = only(problems("periode,rubriek,omzet,btw\n2017-Q1,1a,100,21\n2017-Q1,9z,100,21\n"));
        assertTrue(p.startsWith("k.csv › regel 3: onbekende rubriek \"9z\""), p);
        assertTrue(p.contains("1a 1b"), p);
    }

    @Test
    void periodsOfTwoYearsAreRefused() {
        String p = only(problems("periode,rubriek,omzet,btw\n2017-Q1,1a,100,21\n2018-Q1,1a,100,21\n"));
        assertTrue(p.contains("regel 3") && p.contains("2018-Q1") && p.contains("2017"), p);
    }

    @Test
    void quarterFiveIsRefused() {
        String p = only(problems("periode,rubriek,omzet,btw\n2017-Q5,1a,100,21\n"));
        assertTrue(p.contains("regel 2") && p.contains("2017-Q5"), p);
    }

    @Test
    void periodsOfDifferentLengthAreRefused() {
        String p = only(problems("periode,rubriek,omzet,btw\n2017-Q1,1a,100,21\n2017-05,1a,100,21\n"));
        assertTrue(p.contains("regel 3") && p.contains("lengte"), p);
    }

    @Test
    void missingHeaderIsNamed() {
        String p = only(problems("2017-Q1,1a,100,21\n2017-Q2,1a,100,21\n"));
        assertTrue(p.contains("regel 1") && p.contains("kopregel ontbreekt"), p);
    }

    @Test
    void missingColumnIsNamedWithTheExpectedOnes() {
        String p = only(problems("periode,rubriek,bedrag\n2017-Q1,1a,100\n"));
        assertTrue(p.contains("omzet, btw ontbreekt") && p.contains("periode,rubriek,omzet,btw"), p);
    }

    @Test
    void emptyFileIsRefused() {
        assertTrue(only(problems("")).contains("leeg bestand"));
        assertTrue(only(problems("  \n\n")).contains("leeg bestand"));
    }

    @Test
    void headerWithoutLinesIsRefused() {
        assertTrue(only(problems("periode,rubriek,omzet,btw\n")).contains("geen regels"));
    }

    @Test
    void textWhereAnAmountBelongsIsNamed() {
        String p = only(problems("periode,rubriek,omzet,btw\n2017-Q1,1a,abc,21\n"));
        assertTrue(p.contains("regel 2") && p.contains("kolom omzet") && p.contains("\"abc\""), p);
    }

    @Test
    void dutchAmountInACommaFileIsRefusedWithAHint() {
        String p = only(problems("periode,rubriek,omzet,btw\n2017-Q1,1a,\"1.234,56\",21\n"));
        assertTrue(p.contains("1234.56"), p);
    }

    @Test
    void duplicatePeriodAndRubriekNamesBothLines() {
        String p = only(problems("periode,rubriek,omzet,btw\n2017-Q1,1a,100,21\n\n2017-Q1,1A,100,21\n"));
        assertTrue(p.contains("regel 4") && p.contains("regel 2"), p);
    }

    @Test
    void btwInAnExportRubriekIsRefused() {
        String p = only(problems("periode,rubriek,omzet,btw\n2017-Q1,3b,100,21\n"));
        assertTrue(p.contains("3b heeft geen btw"), p);
    }

    @Test
    void everyProblemOfTheFileIsReportedInOneRun() {
        List<Problem> ps = problems("periode,rubriek,omzet,btw\n2017-Q1,9z,100,21\n2017-Q5,1a,100,21\n2017-Q2,1a,x,21\n"
                + "2018-Q1,1a,1,1\n");
        assertEquals(4, ps.size(), ps.toString());
    }

    @Test
    void hugeFileIsRefusedBeforeItIsRead() throws Exception {
        Path f = dir.resolve("groot.csv");
        try (var out = Files.newOutputStream(f)) {
            byte[] line = "2017-Q1,1a,100,21\n".getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written <= KorCsvReader.MAX_BYTES; written += line.length) {
                out.write(line);
            }
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new KorCsvReader().read(f));
        assertTrue(e.getMessage().contains("groot.csv") && e.getMessage().contains("te groot"), e.getMessage());
    }
}
