package nl.rekenblad.cli;

import nl.rekenblad.testing.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Findings of the first fuzz run (issue 15), each built inside the test: every hostile input ends as Dutch lines
 * without Java's class names and the documented exit code, no output and no temporary file left behind.
 */
class HostileInputTest {
    private static final Pattern JAVA = Pattern.compile(
            "\\b(java|javax|org|com)\\.[a-z]+\\.|Exception|StackOverflow|\\bat [a-z]+\\.|interne fout|Cannot invoke|cannot be cast");
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @TempDir
    Path dir;

    /**
     * The temporary files rekenblad or POI could leave under the system temp folder ({@code rekenblad…}, {@code poi…},
     * anything in POI's {@code poifiles}), outside this test's own folder; files of other programs (the test runner's
     * own) come and go and do not count.
     */
    private Set<String> tempFiles() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.walk(TMP)) {
            s.filter(p -> !p.startsWith(dir) && Files.isRegularFile(p))
                    .filter(p -> p.getFileName().toString().startsWith("rekenblad")
                            || p.getFileName().toString().startsWith("poi")
                            || p.toString().contains("/poifiles/"))
                    .forEach(p -> files.add(p.toString()));
        } catch (java.io.UncheckedIOException e) {
            // a file of another process went away while walking
        }
        return files;
    }

    /** Runs the command and checks the promises every hostile input is held to. */
    private Run hostile(int exit, String... args) throws IOException {
        Set<String> before = tempFiles();
        Run r = nl.rekenblad.testing.Cli.run(args);
        assertEquals(exit, r.exit(), r.err());
        assertFalse(JAVA.matcher(r.err()).find(), "Java internals in: " + r.err());
        for (String line : r.err().lines().toList()) {
            assertTrue(line.startsWith("fout: ") || line.startsWith("waarschuwing: "), "not one Dutch line: " + line);
        }
        Set<String> after = tempFiles();
        after.removeAll(before);
        assertEquals(Set.of(), after, "temporary files left behind");
        if (exit != 0) {
            try (Stream<Path> s = Files.list(dir)) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("uit")), "an output was left behind");
            }
        }
        return r;
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** A copy of a sample workbook with one part changed. */
    private Path patched(String sample, String part, UnaryOperator<String> change) throws IOException {
        byte[] bytes = nl.rekenblad.testing.Xlsx.patched(sample, part, change);
        Path f = dir.resolve("invoer-" + Math.abs(change.hashCode()) + ".xlsx");
        Files.write(f, bytes);
        return f;
    }

    /** The KOR sample with the cell C10 (rubriek 1a, Q1 omzet) replaced by {@code cell}. */
    private Path korWithCell(String cell) throws IOException {
        return patched(
                "kor-2017-voorbeeld-2.xlsx",
                "xl/worksheets/sheet1.xml",
                x -> x.replace("<c r=\"C10\" t=\"n\" s=\"6\"><v>2500.0</v></c>", cell));
    }

    private String out() {
        return dir.resolve("uit.xlsx").toString();
    }

    @Test
    void jsonNestedAHundredThousandLevelsIsOneLine() throws Exception {
        write("diep.kor.json", "[".repeat(100_000) + "]".repeat(100_000));
        Path in = write("winst.csv", "veld,waarde\njaar,2017\nwinst,1000\nkor,diep.kor.json\n");
        Run r = hostile(Main.INVALID_INPUT, "winst", in.toString(), "-o", out());
        assertTrue(r.err().contains("niveaus"), r.err());
    }

    @Test
    void jsonNumberBeyondEveryAmountIsOneLine() throws Exception {
        write("groot.kor.json", "{\"jaar\": 2017, \"regime\": \"oud\", \"winstcorrectie\": 1e999999999}");
        Path in = write("winst.csv", "veld,waarde\njaar,2017\nwinst,1000\nkor,groot.kor.json\n");
        Run r = hostile(Main.INVALID_INPUT, "winst", in.toString(), "-o", out());
        assertTrue(r.err().contains("buiten het bereik"), r.err());
    }

    @Test
    void jsonWithTextWhereANumberBelongsIsOneLine() throws Exception {
        write("tekst.kor.json", "{\"jaar\": \"2017\", \"regime\": \"oud\", \"winstcorrectie\": 5}");
        Path in = write("winst.csv", "veld,waarde\njaar,2017\nwinst,1000\nkor,tekst.kor.json\n");
        Run r = hostile(Main.INVALID_INPUT, "winst", in.toString(), "-o", out());
        assertTrue(r.err().contains("jaar"), r.err());
    }

    @Test
    void aFormulaOfThousandsOfTermsIsRefusedByItsLength() throws Exception {
        Run r = hostile(
                Main.INVALID_INPUT,
                "kor",
                korWithCell("<c r=\"C10\"><f>" + "1+".repeat(5000) + "1</f></c>")
                        .toString(),
                "-o",
                out());
        assertTrue(r.err().contains("Aangiften!C10") && r.err().contains("8192"), r.err());
    }

    /**
     * A formula nested thousands deep: computed when the stack allows it (it depends on the JIT), else one line naming
     * the cell; never a stack trace, never another exit code.
     */
    @Test
    void aFormulaNestedThousandsDeepIsComputedOrRefusedInOneLine() throws Exception {
        Path f = korWithCell("<c r=\"C10\"><f>" + "(".repeat(4000) + "1" + ")".repeat(4000) + "</f></c>");
        Set<String> before = tempFiles();
        Run r = nl.rekenblad.testing.Cli.run("kor", f.toString(), "-o", out());
        assertTrue(r.exit() == Main.OK || r.exit() == Main.INVALID_INPUT, r.err());
        assertFalse(JAVA.matcher(r.err()).find(), r.err());
        if (r.exit() == Main.INVALID_INPUT) {
            assertTrue(r.err().contains("Aangiften!C10"), r.err());
        }
        Set<String> after = tempFiles();
        after.removeAll(before);
        assertEquals(Set.of(), after);
    }

    @Test
    void aChainOfThreeThousandFormulaCellsIsComputedOrRefusedInOneLine() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 3000; i++) {
            rows.append("<row r=\"")
                    .append(100 + i)
                    .append("\"><c r=\"Z")
                    .append(100 + i)
                    .append("\"><f>")
                    .append(i < 3000 ? "Z" + (101 + i) + "+0" : "7")
                    .append("</f></c></row>");
        }
        Path f = patched(
                "kor-2017-voorbeeld-2.xlsx",
                "xl/worksheets/sheet1.xml",
                x -> x.replace("<c r=\"C10\" t=\"n\" s=\"6\"><v>2500.0</v></c>", "<c r=\"C10\"><f>Z101</f></c>")
                        .replace("</sheetData>", rows + "</sheetData>"));
        Set<String> before = tempFiles();
        Run r = nl.rekenblad.testing.Cli.run("kor", f.toString(), "-o", out());
        assertTrue(r.exit() == Main.OK || r.exit() == Main.INVALID_INPUT, r.err());
        assertFalse(JAVA.matcher(r.err()).find(), r.err());
        if (r.exit() == Main.INVALID_INPUT) {
            assertTrue(r.err().contains("Aangiften!C10") && r.err().contains("te diep genest"), r.err());
        }
        Set<String> after = tempFiles();
        after.removeAll(before);
        assertEquals(Set.of(), after);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<c r=\"C10\" t=\"e\"><v>#FOO!</v></c>",
                "<c r=\"C10\"><v>abc</v></c>",
                "<c r=\"C10\" t=\"d\"><v>x</v></c>",
                "<c r=\"C10\" t=\"x\"><v>1</v></c>",
                "<c r=\"C10\"><v>NaN</v></c>",
                "<c r=\"C10\"><v>Infinity</v></c>",
                "<c r=\"C10\"><v>1e400</v></c>",
                "<c r=\"C10\"><v>1e13</v></c>"
            })
    void aCellThatIsNoAmountIsOneLineNamingTheCell(String cell) throws Exception {
        Run r = hostile(Main.INVALID_INPUT, "kor", korWithCell(cell).toString(), "-o", out());
        assertTrue(r.err().contains("C10") || r.err().contains("invoer-"), r.err());
    }

    @Test
    void aNegativeRowNumberIsOneLine() throws Exception {
        hostile(
                Main.INVALID_INPUT,
                "kor",
                patched(
                                "kor-2017-voorbeeld-2.xlsx",
                                "xl/worksheets/sheet1.xml",
                                x -> x.replace("<row r=\"10\">", "<row r=\"-10\">"))
                        .toString(),
                "-o",
                out());
    }

    @Test
    void aDoctypeInTheCorePropertiesIsRefusedCleanly() throws Exception {
        Run r = hostile(
                Main.INVALID_INPUT,
                "kor",
                patched(
                                "kor-2017-voorbeeld-2.xlsx",
                                "docProps/core.xml",
                                x -> x.replace("?>", "?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>"))
                        .toString(),
                "-o",
                out());
        assertTrue(r.err().contains("DOCTYPE") && r.err().contains("docProps/core.xml"), r.err());
    }

    @Test
    void aSharedStringIndexOutOfRangeIsRefused() throws Exception {
        Path f = patched(
                "kor-2017-voorbeeld-2.xlsx",
                "xl/worksheets/sheet1.xml",
                x -> x.replace(
                        "<c r=\"B10\" t=\"inlineStr\" s=\"3\"><is><t>Leveringen/diensten belast met hoog tarief</t></is></c>",
                        "<c r=\"B10\" t=\"s\"><v>99999</v></c>"));
        Run r = hostile(Main.INVALID_INPUT, "kor", f.toString(), "-o", out());
        assertTrue(r.err().contains("B10"), r.err());
    }

    @Test
    void anotherOfficeFileWithAWorkbookNameIsRefused() throws Exception {
        Path f = patched(
                "kor-2017-voorbeeld-2.xlsx",
                "[Content_Types].xml",
                x -> x.replace(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"));
        hostile(Main.INVALID_INPUT, "kor", f.toString(), "-o", out());
    }

    @Test
    void aSheetNameExcelDoesNotAllowIsRefused() throws Exception {
        Path f = patched(
                "kor-2017-voorbeeld-2.xlsx",
                "xl/workbook.xml",
                x -> x.replace("name=\"Aangiften\"", "name=\"Aan/giften\"").replace("Aangiften!", "'Aan/giften'!"));
        Run r = hostile(Main.INVALID_INPUT, "kor", f.toString(), "-o", out());
        assertTrue(r.err().contains("Aan/giften"), r.err());
    }

    @Test
    void journalFieldLongerThanACellIsOneLine() throws Exception {
        Path in = write(
                "j.csv", "datum,omschrijving,rubriek,grondslag,btw\n2025-01-05," + "x".repeat(40_000) + ",1a,100,21\n");
        Run r = hostile(Main.INVALID_INPUT, "btw", in.toString(), "-o", out());
        assertTrue(r.err().contains("regel 2") && r.err().contains("32767"), r.err());
    }

    @Test
    void journalWithMoreColumnsThanASheetIsOneLine() throws Exception {
        String extra = ",x".repeat(16_400);
        Path in = write(
                "j.csv",
                "datum,omschrijving,rubriek,grondslag,btw" + extra + "\n2025-01-05,a,1a,100,21" + extra + "\n");
        Run r = hostile(Main.INVALID_INPUT, "btw", in.toString(), "-o", out());
        assertTrue(r.err().contains("kolommen"), r.err());
    }

    @Test
    void journalWithAnUnclosedQuoteIsOneLine() throws Exception {
        Path in = write(
                "j.csv",
                "datum,omschrijving,rubriek,grondslag,btw\n2025-01-05,a,1a,100,21\n2025-01-06,\"open,1a,100,21\n");
        Run r = hostile(Main.INVALID_INPUT, "btw", in.toString(), "-o", out());
        assertTrue(r.err().contains("aanhalingsteken"), r.err());
    }

    @Test
    void aJournalFailingHalfwayLeavesNoTemporaryFile() throws Exception {
        StringBuilder j = new StringBuilder("datum,omschrijving,rubriek,grondslag,btw\n");
        for (int i = 0; i < 3000; i++) {
            j.append("2025-01-05,regel ").append(i).append(",1a,100,21\n");
        }
        j.append("2025-01-05,kapot,1a,honderd,21\n");
        hostile(Main.INVALID_INPUT, "btw", write("j.csv", j.toString()).toString(), "-o", out());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 100_000})
    void csvAmountsOfHundredsOfDigitsAreRefusedWithTheLimit(int digits) throws Exception {
        Path in = write("kor.csv", "periode,rubriek,omzet,btw\n2017-Q1,1a," + "9".repeat(digits) + ",21\n");
        Run r = hostile(Main.INVALID_INPUT, "kor", in.toString(), "-o", out());
        assertTrue(r.err().contains("999.999.999.999,99") || r.err().contains("ten hoogste"), r.err());
    }

    @Test
    void theLargestAmountIsAcceptedAndOneCentMoreIsNot() throws Exception {
        Path ok = write("ok.csv", "periode,rubriek,omzet,btw\n2017,1a,999999999999.99,0\n");
        hostile(
                Main.OK,
                "kor",
                ok.toString(),
                "-o",
                dir.resolve("resultaat.xlsx").toString());
        Path bad = write("bad.csv", "periode,rubriek,omzet,btw\n2017,1a,1000000000000.00,0\n");
        Run r = hostile(Main.INVALID_INPUT, "kor", bad.toString(), "-o", out());
        assertTrue(r.err().contains("€ 999.999.999.999,99"), r.err());
    }

    @Test
    void aMissingInputIsAFileThatCannotBeRead() throws Exception {
        Run r = hostile(Main.FAILURE, "kor", dir.resolve("weg.csv").toString(), "-o", out());
        assertTrue(r.err().contains("weg.csv"), r.err());
        Run d = hostile(Main.FAILURE, "kor", dir.toString(), "-o", out());
        assertTrue(d.err().contains("een map"), d.err());
    }

    @Test
    void sheetNamesThatLookLikeCellsAreQuotedInFormulas() throws Exception {
        for (String name : List.of("Q1", "KOR2017", "TRUE", "R1C1", "A1")) {
            Path f = patched(
                    "kor-2017-voorbeeld-2.xlsx",
                    "xl/workbook.xml",
                    x -> x.replace("name=\"Aangiften\"", "name=\"" + name + "\"")
                            .replace("Aangiften!", name + "!"));
            Path uit = dir.resolve("q-" + name + ".xlsx");
            Run r = nl.rekenblad.testing.Cli.run("kor", f.toString(), "-o", uit.toString());
            assertEquals(Main.OK, r.exit(), r.err());
            String sheet = part(uit, "xl/worksheets/sheet2.xml");
            assertTrue(
                    sheet.contains("'" + name + "'!"),
                    name + ": " + sheet.substring(0, Math.min(sheet.length(), 2000)));
            assertFalse(
                    Pattern.compile("[(,=+\\-*]" + name + "!").matcher(sheet).find(), name + " unquoted");
        }
    }

    private static String part(Path xlsx, String name) throws IOException {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(xlsx)))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no part " + name + " in " + xlsx);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kro x|bedoelde u kor?",
                "kor --hlep|bedoelde u --help?",
                "kor x.csv --rechtvorm bv|bedoelde u --rechtsvorm?",
                "template xyz|verwacht een van kor, kia, winst",
                "btw x.csv --periode week|verwacht een van kwartaal, maand, jaar",
                "template kor --jaar abc|geen geheel getal",
                "kor x.csv -o|mist een waarde"
            })
    void aWrongCallIsAnsweredInDutchWithASuggestion(String callAndExpected) throws Exception {
        String[] parts = callAndExpected.split("\\|");
        Run r = hostile(Main.USAGE, parts[0].split(" "));
        assertTrue(r.err().contains(parts[1]), r.err());
        assertFalse(
                Pattern.compile("Usage|Unmatched|Unknown|Missing|Invalid|expected|Did you mean")
                        .matcher(r.err())
                        .find(),
                r.err());
        assertTrue(r.err().contains("--help'"), r.err());
    }

    @Test
    void helpIsDutchThroughout() {
        for (String command : List.of("kor", "kia", "winst", "btw", "batch", "template", "bench")) {
            Run r = nl.rekenblad.testing.Cli.run(command, "--help");
            assertEquals(Main.OK, r.exit());
            assertFalse(
                    Pattern.compile("Usage|Show this help|Print version|Commands:")
                            .matcher(r.out())
                            .find(),
                    r.out());
            assertTrue(r.out().contains("Toon deze hulp en stop."), r.out());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kor samples/kor-2017-voorbeeld-2.csv",
                "kor samples/kor-2019-fictieve-btw.xlsx",
                "kia samples/kia-2024-2025-register.xlsx",
                "winst samples/winst-2025.csv",
                "btw samples/btw-2025-journaal.csv",
                "btw samples/btw-2025-journaal.csv --kor --periode maand"
            })
    void aSuccessfulRunLeavesTheTempFolderAsItWas(String call) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(call.split(" ")));
        args.addAll(List.of(
                "-o",
                dir.resolve("resultaat.xlsx").toString(),
                "--json",
                dir.resolve("resultaat.json").toString()));
        hostile(Main.OK, args.toArray(String[]::new));
    }

    /** Texts that a spreadsheet would take for a formula if they were written as one. */
    private static final List<String> FORMULA_LIKE =
            List.of("=1+1", "+SUM(A1:A2)", "-2+3", "@cmd|' /C calc'!A0", "\t=HYPERLINK(\"x\")");

    @Test
    void formulaLikeTextFromACsvStaysTextInEveryColumnThatReachesAWorkbook() throws Exception {
        StringBuilder kia = new StringBuilder("id,omschrijving,datum,bedrag,soort\n");
        StringBuilder journal = new StringBuilder("datum,omschrijving,rubriek,grondslag,btw,kenmerk\n");
        for (int i = 0; i < FORMULA_LIKE.size(); i++) {
            String t = "\"" + FORMULA_LIKE.get(i).replace("\"", "\"\"") + "\"";
            kia.append(t).append(',').append(t).append(",2025-03-01,1000,bedrijfsmiddel\n");
            journal.append("2025-01-05,")
                    .append(t)
                    .append(",1a,100,21,")
                    .append(t)
                    .append('\n');
        }
        Path kiaOut = dir.resolve("kia.xlsx");
        assertEquals(
                Main.OK,
                nl.rekenblad.testing.Cli.run(
                                "kia", write("kia.csv", kia.toString()).toString(), "-o", kiaOut.toString())
                        .exit());
        Path btwOut = dir.resolve("btw.xlsx");
        assertEquals(
                Main.OK,
                nl.rekenblad.testing.Cli.run(
                                "btw", write("j.csv", journal.toString()).toString(), "-o", btwOut.toString())
                        .exit());
        for (Path out : List.of(kiaOut, btwOut)) {
            try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
                    new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(out))) {
                java.util.Map<String, Integer> found = new java.util.HashMap<>();
                for (org.apache.poi.ss.usermodel.Sheet sh : wb) {
                    for (org.apache.poi.ss.usermodel.Row row : sh) {
                        for (org.apache.poi.ss.usermodel.Cell c : row) {
                            if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                                assertFalse(
                                        Pattern.compile("HYPERLINK|cmd|SUM\\(A1:A2\\)|^1\\+1$|^-2\\+3$")
                                                .matcher(c.getCellFormula())
                                                .find(),
                                        out + ": a text became the formula " + c.getCellFormula());
                            } else if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                                    && FORMULA_LIKE.stream()
                                            .anyMatch(t -> t.strip()
                                                    .equals(c.getStringCellValue()
                                                            .strip()))) {
                                found.merge(c.getStringCellValue().strip(), 1, Integer::sum);
                            }
                        }
                    }
                }
                assertEquals(
                        new TreeSet<>(FORMULA_LIKE.stream().map(String::strip).toList()),
                        new TreeSet<>(found.keySet()),
                        out + " keeps every text as text");
            }
        }
    }

    @Test
    void anOutputThatCannotBeWrittenIsOneDutchLineWithExitCodeThree() throws Exception {
        Path map = Files.createDirectory(dir.resolve("map.xlsx"));
        Run r = hostile(Main.FAILURE, "kor", "samples/kor-2017-voorbeeld-2.csv", "-o", map.toString());
        assertTrue(r.err().contains("is een map"), r.err());
        Path file = write("bestand.csv", "x");
        Run f = hostile(
                Main.FAILURE,
                "kor",
                "samples/kor-2017-voorbeeld-2.csv",
                "-o",
                file.resolve("resultaat.xlsx").toString());
        assertTrue(f.err().contains("is geen map"), f.err());
        assertFalse(f.err().contains(".tmp"), "the temporary name is not the user's business: " + f.err());
    }

    @Test
    void aRegisterBeyondTheDocumentedLimitIsRefusedEarlyWithTheLimit() throws Exception {
        StringBuilder csv = new StringBuilder("id,omschrijving,datum,bedrag,soort\n");
        for (int i = 0; i <= nl.rekenblad.kia.KiaBerekening.MAX_ACTIVA; i++) {
            csv.append(i).append(",laptop,2025-03-01,1000,bedrijfsmiddel\n");
        }
        Run r = hostile(
                Main.INVALID_INPUT, "kia", write("groot.csv", csv.toString()).toString(), "-o", out());
        assertTrue(r.err().contains("ten hoogste 60.000 per register"), r.err());
    }

    /** Found by fuzzing korWorkbook: POI parses docProps only when the output is written. */
    @Test
    void brokenDocumentPropertiesAreRefusedWhenOpened() throws Exception {
        Run r = hostile(
                Main.INVALID_INPUT,
                "kor",
                patched(
                                "kor-2017-voorbeeld-2.xlsx",
                                "docProps/app.xml",
                                x -> x.replace("<Properties", "<Properties <<"))
                        .toString(),
                "-o",
                out());
        assertTrue(r.err().contains("docProps"), r.err());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kor|periode,rubriek,omzet,btw\n2017-Q1,\"1a\"x,100,21\n",
                "kia|id,omschrijving,datum,bedrag,soort\n1,\"a\"b,2025-01-01,1000,bedrijfsmiddel\n",
                "btw|datum,omschrijving,rubriek,grondslag,btw\n2025-01-05,\"a\"b,1a,100,21\n",
                "winst|veld,waarde\njaar,2025\nwinst,\"1\"0\n"
            })
    void aCsvParseErrorIsSaidInDutchWithoutTheParsersClassName(String commandAndText) throws Exception {
        String[] parts = commandAndText.split("\\|", 2);
        Run r = hostile(
                Main.INVALID_INPUT, parts[0], write("invoer.csv", parts[1]).toString(), "-o", out());
        assertTrue(r.err().contains("aanhalingsteken"), r.err());
    }

    @Test
    void aWorkbookOfMoreCellsThanTheLimitIsRefusedBeforeItIsReadIntoMemory() throws Exception {
        // A small file (cells compress well) that POI's model would need far more than 512 MB for.
        Path big = dir.resolve("groot.xlsx");
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            var sh = wb.createSheet("Register");
            int perRow = 10;
            for (int r = 0; r <= nl.rekenblad.internal.io.Workbooks.MAX_CELLS / perRow; r++) {
                var row = sh.createRow(r);
                for (int c = 0; c < perRow; c++) {
                    row.createCell(c).setCellValue(r);
                }
            }
            try (var out = Files.newOutputStream(big)) {
                wb.write(out);
            }
            wb.dispose();
        }
        assertTrue(Files.size(big) < nl.rekenblad.internal.io.Workbooks.MAX_BYTES, "size " + Files.size(big));
        Run r = hostile(1, "kia", big.toString(), "-o", dir.resolve("uit.xlsx").toString());
        assertTrue(r.err().contains("meer dan 300.000 cellen") && r.err().contains("CSV"), r.err());
    }
}
