package nl.rekenblad.cli;

import nl.rekenblad.kor.KorFiles;
import nl.rekenblad.testing.Cli;
import nl.rekenblad.testing.Cli.Run;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code kor} and {@code template} commands, run through {@link CommandLine#execute} as a user would. */
class KorCommandTest {
    @TempDir
    Path dir;

    static Run run(String... args) {
        return Cli.run(args);
    }

    private Path copy(String sample) throws Exception {
        Path f = dir.resolve(Path.of(sample).getFileName());
        Files.copy(Path.of(sample), f);
        return f;
    }

    private List<Path> filesIn(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    static XSSFWorkbook open(Path p) throws Exception {
        return Cli.open(p);
    }

    static double named(XSSFWorkbook wb, String name) {
        return Cli.named(wb, name);
    }

    @Test
    void csvSampleGivesTheBlogFiguresAndAWorkbook() throws Exception {
        Path in = copy("samples/kor-2017-voorbeeld-2.csv");
        Path out = dir.resolve("uit.xlsx");
        Run r = run("kor", in.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("vermindering (5d)") && r.out().contains("€ 570,00"), r.out());
        assertTrue(r.out().contains("€ 1.085,00"), r.out());
        assertTrue(r.out().contains(out.toString()), r.out());
        try (XSSFWorkbook wb = open(out)) {
            assertEquals(570.0, named(wb, "KOR_Vermindering"));
            assertEquals(1655.0, named(wb, "KOR_Grondslag"));
            assertEquals(1085.0, named(wb, "KOR_TeBetalen"));
            assertEquals(570.0, named(wb, "KOR_Winstcorrectie"));
            assertEquals(1655.0, named(wb, "KOR_Saldo"));
            assertTrue(wb.getForceFormulaRecalculation());
            assertEquals(KorFiles.JAAROPSTELLING, wb.getSheetName(wb.getActiveSheetIndex()));
            CellReference v = new CellReference(wb.getName("KOR_Vermindering").getRefersToFormula());
            assertEquals(
                    CellType.FORMULA,
                    wb.getSheet(v.getSheetName())
                            .getRow(v.getRow())
                            .getCell(v.getCol())
                            .getCellType());
            assertNotNull(wb.getSheet("Toelichting"));
            assertNotNull(wb.getSheet("Parameters"));
        }
    }

    @Test
    void jsonReportHasTheAgreedFieldsWithTwoDecimals() throws Exception {
        Path in = copy("samples/kor-2017-voorbeeld-2.csv");
        Path json = dir.resolve("uit.json");
        Run r = run("kor", in.toString(), "-o", dir.resolve("uit.xlsx").toString(), "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        String j = Files.readString(json);
        for (String field : List.of(
                "\"jaar\": 2017",
                "\"regime\": \"oud\"",
                "\"verschuldigd\": 2415.00",
                "\"voorbelasting\": 760.00",
                "\"saldo\": 1655.00",
                "\"fictieveBtw\": 0.00",
                "\"grondslag\": 1655.00",
                "\"vermindering\": 570.00",
                "\"teBetalen\": 1085.00",
                "\"winstcorrectie\": 570.00",
                "\"periode\": \"2017-Q2\"",
                "\"5a\": 630.00",
                "\"5b\": 190.00",
                "\"5c\": 440.00")) {
            assertTrue(j.contains(field), field + " in " + j);
        }
    }

    @Test
    void jsonToStandardOutputKeepsTheSummaryOnStandardError() throws Exception {
        Path in = copy("samples/kor-2025-vrijstelling.csv");
        Run r = run("kor", in.toString(), "-o", dir.resolve("uit.xlsx").toString(), "--json", "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("{") && r.out().trim().endsWith("}"), r.out());
        assertTrue(
                r.out().contains("\"regime\": \"vrijstelling\"")
                        && r.out().contains("\"overschredenIn\": \"2025-Q3\"")
                        && r.out().contains("\"binnenGrens\": false")
                        && r.out().contains("\"omzet\": 26000.00")
                        && r.out().contains("\"omzetgrens\": 20000.00")
                        && r.out().contains("\"afweging\": 3960.00"),
                r.out());
        assertTrue(r.err().contains("omzetgrens"), r.err());
    }

    @Test
    void filledTemplateKeepsTheBookkeepersOwnSheetsAndCells() throws Exception {
        Path in = dir.resolve("klant.xlsx");
        try (XSSFWorkbook wb = open(Path.of("samples/kor-2017-voorbeeld-1.xlsx"))) {
            wb.createSheet("Notities").createRow(3).createCell(1).setCellValue("gebeld met klant 12-01");
            wb.getSheet("Aangiften").getRow(0).createCell(12).setCellValue("eigen opmerking");
            try (OutputStream o = Files.newOutputStream(in)) {
                wb.write(o);
            }
        }
        byte[] before = Files.readAllBytes(in);
        Path out = dir.resolve("klant.kor.xlsx");
        Run r = run("kor", in.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(before, Files.readAllBytes(in), "input changed");
        try (XSSFWorkbook wb = open(out)) {
            assertEquals(
                    "gebeld met klant 12-01",
                    wb.getSheet("Notities").getRow(3).getCell(1).getStringCellValue());
            assertEquals(
                    "eigen opmerking",
                    wb.getSheet("Aangiften").getRow(0).getCell(12).getStringCellValue());
            assertEquals(1340.0, named(wb, "KOR_Vermindering"));
        }
    }

    @Test
    void rerunOnItsOwnOutputReplacesTheResultSheets() throws Exception {
        Path in = copy("samples/kor-2017-voorbeeld-1.xlsx");
        Path first = dir.resolve("eerste.xlsx");
        Path second = dir.resolve("tweede.xlsx");
        assertEquals(0, run("kor", in.toString(), "-o", first.toString()).exit());
        Run r = run("kor", first.toString(), "-o", second.toString());
        assertEquals(0, r.exit(), r.err());
        try (XSSFWorkbook wb = open(second)) {
            assertEquals(4, wb.getNumberOfSheets());
            assertEquals(1340.0, named(wb, "KOR_Vermindering"));
        }
    }

    @Test
    void bookkeepersOwnSheetWithOurNameIsNotOverwritten() throws Exception {
        Path in = dir.resolve("eigen.xlsx");
        try (XSSFWorkbook wb = open(Path.of("samples/kor-2017-voorbeeld-1.xlsx"))) {
            wb.createSheet("Parameters");
            try (OutputStream o = Files.newOutputStream(in)) {
                wb.write(o);
            }
        }
        Run r = run("kor", in.toString(), "-o", dir.resolve("uit.xlsx").toString());
        assertEquals(Main.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("eigen.xlsx") && r.err().contains("\"Parameters\""), r.err());
        assertFalse(Files.exists(dir.resolve("uit.xlsx")));
    }

    @Test
    void badInputGivesOneLinePerProblemNoStackTraceAndNoOutput() throws Exception {
        Path in = dir.resolve("fout.csv");
        Files.writeString(in, "periode,rubriek,omzet,btw\n2017-Q1,9z,100,21\n2017-Q2,1a,abc,21\n");
        byte[] before = Files.readAllBytes(in);
        Run r = run(
                "kor",
                in.toString(),
                "-o",
                dir.resolve("uit.xlsx").toString(),
                "--json",
                dir.resolve("uit.json").toString());
        assertEquals(Main.INVALID_INPUT, r.exit());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("fout: fout.csv › regel 2: onbekende rubriek"), lines.get(0));
        assertTrue(lines.get(1).startsWith("fout: fout.csv › regel 3: kolom omzet"), lines.get(1));
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals(List.of(in), filesIn(dir), "nothing may be left behind");
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    @Test
    void legalEntityUnderTheOldKorIsRefusedWithTheReason() throws Exception {
        Path in = copy("samples/kor-2017-voorbeeld-1.csv");
        Run r = run(
                "kor",
                in.toString(),
                "--rechtsvorm",
                "bv",
                "-o",
                dir.resolve("uit.xlsx").toString());
        assertEquals(Main.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("kor-2017-voorbeeld-1.csv") && r.err().contains("natuurlijke personen"), r.err());
    }

    @Test
    void unknownLegalFormListsTheAcceptedOnes() throws Exception {
        Path in = copy("samples/kor-2017-voorbeeld-1.csv");
        Run r = run("kor", in.toString(), "--rechtsvorm", "bvba");
        assertEquals(Main.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("eenmanszaak, vof"), r.err());
    }

    @Test
    void yearWithoutRulesIsNamed() throws Exception {
        Path in = dir.resolve("oud.csv");
        Files.writeString(in, "periode,rubriek,omzet,btw\n1999,1a,1000,175\n");
        Run r = run("kor", in.toString(), "-o", dir.resolve("uit.xlsx").toString());
        assertEquals(Main.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("1999"), r.err());
    }

    @Test
    void missingInputFileIsNamedWithTheExitCodeOfAFileThatCannotBeRead() {
        Run r = run("kor", dir.resolve("bestaat-niet.csv").toString());
        assertEquals(Main.FAILURE, r.exit());
        assertTrue(r.err().contains("bestaat-niet.csv"), r.err());
    }

    @Test
    void outputOverTheInputIsRefused() throws Exception {
        Path in = copy("samples/kor-2017-voorbeeld-1.xlsx");
        byte[] before = Files.readAllBytes(in);
        Run r = run("kor", in.toString(), "-o", in.toString());
        assertEquals(Main.INVALID_INPUT, r.exit());
        assertArrayEquals(before, Files.readAllBytes(in));
        assertEquals(List.of(in), filesIn(dir));
    }

    @Test
    void defaultOutputIsNamedAfterTheInput() {
        assertEquals(
                Path.of("uit/kor-2017.kor.xlsx"),
                nl.rekenblad.internal.io.Outputs.defaultOutput(Path.of("a/b/kor-2017.csv"), Path.of("uit"), "kor"));
    }

    @Test
    void previousYearTurnoverFromTheCommandLineCounts() throws Exception {
        Path in = dir.resolve("k25.csv");
        Files.writeString(in, "periode,rubriek,omzet,btw\n2025,1a,12000,2520\n");
        Run r = run(
                "kor",
                in.toString(),
                "-o",
                dir.resolve("u.xlsx").toString(),
                "--json",
                "-",
                "--omzet-vorig-jaar",
                "21.000,00");
        assertEquals(0, r.exit(), r.err());
        assertTrue(
                r.out().contains("\"omzetVorigJaar\": 21000.00") && r.out().contains("\"vrijstellingMogelijk\": false"),
                r.out());
    }

    /**
     * Issue 21: "21.000" is twenty-one thousand (above the omzetgrens of € 20.000: no exemption), "19.500" below it;
     * "21.5" is refused with both readings and exit 1, and no output is written.
     */
    @Test
    void previousYearTurnoverIsTypedTheDutchWay() throws Exception {
        Path in = dir.resolve("k25.csv");
        Files.writeString(in, "periode,rubriek,omzet,btw\n2025,1a,12000,2520\n");
        Run r = run(
                "kor",
                in.toString(),
                "-o",
                dir.resolve("a.xlsx").toString(),
                "--json",
                "-",
                "--omzet-vorig-jaar",
                "21.000");
        assertEquals(0, r.exit(), r.err());
        assertTrue(
                r.out().contains("\"omzetVorigJaar\": 21000.00") && r.out().contains("\"vrijstellingMogelijk\": false"),
                r.out());
        r = run(
                "kor",
                in.toString(),
                "-o",
                dir.resolve("b.xlsx").toString(),
                "--json",
                "-",
                "--omzet-vorig-jaar",
                "€ 19.500");
        assertEquals(0, r.exit(), r.err());
        assertTrue(
                r.out().contains("\"omzetVorigJaar\": 19500.00") && r.out().contains("\"vrijstellingMogelijk\": true"),
                r.out());
        r = run("kor", in.toString(), "-o", dir.resolve("c.xlsx").toString(), "--omzet-vorig-jaar", "21.5");
        assertEquals(1, r.exit(), r.err());
        assertTrue(
                r.err().contains("--omzet-vorig-jaar")
                        && r.err().contains("€ 21,50")
                        && r.err().contains("€ 215,00"),
                r.err());
        assertTrue(!Files.exists(dir.resolve("c.xlsx")));
    }

    @Test
    void missingQuarterIsReportedAsAWarningAndStillSucceeds() throws Exception {
        Path in = dir.resolve("start.csv");
        Files.writeString(in, "periode,rubriek,omzet,btw\n2017-Q3,1a,1000,210\n2017-Q4,1a,1000,210\n");
        Run r = run("kor", in.toString(), "-o", dir.resolve("u.xlsx").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("waarschuwing: start.csv: geen regels voor 2017-Q1"), r.err());
    }

    @Test
    void templateCommandWritesTheTemplate() throws Exception {
        Path t = dir.resolve("sjabloon.xlsx");
        Run r = run("template", "kor", "-o", t.toString(), "--periode", "maand", "--jaar", "2016");
        assertEquals(0, r.exit(), r.err());
        try (XSSFWorkbook wb = open(t)) {
            assertNotNull(wb.getName("KOR_Invoer"));
            assertEquals(2016.0, named(wb, "KOR_Jaar"));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"kor", "kia", "winst", "btw", "batch", "template", "bench"})
    void everyCommandsHelpPrintsCleanly(String command) {
        Run help = run(command, "--help");
        assertEquals(0, help.exit());
        assertEquals("", help.err());
        assertTrue(help.out().startsWith("Gebruik: rekenblad " + command), help.out());
        assertFalse(help.out().contains("Show this help") || help.out().contains("Usage"), help.out());
    }

    @Test
    void helpListsTheOptionsAndUnknownOptionsAreAUsageError() {
        Run help = run("kor", "--help");
        assertEquals(0, help.exit());
        for (String o : List.of("--output", "--json", "--rechtsvorm", "--omzet-vorig-jaar")) {
            assertTrue(help.out().contains(o), o);
        }
        assertEquals(Main.USAGE, run("kor", "x.csv", "--onbekend").exit());
    }
}
