package nl.rekenblad.batch;

import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder of good and bad mails of every kind, processed twice. */
class BatchTest {
    @TempDir
    Path dir;

    Path in;
    Path out;

    static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of("samples", name));
    }

    @BeforeEach
    void mailFolder() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        out = dir.resolve("uit");
        Map<String, byte[]> good = new LinkedHashMap<>();
        good.put("kor 2017.csv", sample("kor-2017-voorbeeld-2.csv"));
        good.put("register.xlsx", sample("kia-2024-2025-register.xlsx"));
        good.put("journaal.csv", sample("btw-2025-journaal.csv"));
        good.put("brief.txt", "Beste boekhouder,".getBytes(StandardCharsets.UTF_8));
        Mails.eml(in.resolve("01-goed.eml"), "Jaarstukken", good);

        Map<String, byte[]> dup = new LinkedHashMap<>();
        dup.put("../../kor.csv", sample("kor-2017-voorbeeld-1.csv"));
        dup.put("kor.csv", sample("kor-2018-teruggaaf.csv"));
        Mails.eml(in.resolve("02-dubbel.eml"), "Twee keer dezelfde naam", dup);

        Mails.msg(in.resolve("03-outlook.msg"), "KOR", Map.of("aangiften.xlsx", sample("kor-2017-voorbeeld-1.xlsx")));

        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("fout.csv", "periode,rubriek,omzet,btw\n2017-Q1,9z,100,21\n".getBytes(StandardCharsets.UTF_8));
        bad.put("geheim.xlsx", encrypted(sample("kor-2017-voorbeeld-1.xlsx")));
        bad.put("bom.xlsx", zipBomb(sample("kor-2017-voorbeeld-1.xlsx")));
        bad.put("kapot.xlsx", java.util.Arrays.copyOf(sample("kor-2017-voorbeeld-1.xlsx"), 2000));
        bad.put("xxe.xlsx", xxe(sample("kor-2017-voorbeeld-1.xlsx")));
        bad.put("macro.xlsm", withMacros());
        Mails.eml(in.resolve("04-slecht.eml"), "Slecht", bad);

        Files.write(in.resolve("05-geen-mail.eml"), new byte[] {0, 1, 2, 3, 4, 5});
        Files.write(in.resolve("06-geen-msg.msg"), "dit is geen Outlook-bericht".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(in.resolve("sub"));
        Files.write(in.resolve("sub/vrijstelling.csv"), sample("kor-2025-vrijstelling.csv"));
        Files.write(in.resolve("sub/notitie.pdf"), "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
    }

    private Batch.Uitkomst run() throws Exception {
        return Batch.run(
                List.of(in),
                new Batch.Options(out, Optional.of(dir.resolve("verslag.jsonl")), 2, 60),
                new PrintWriter(new StringWriter()),
                false);
    }

    @Test
    void everyAttachmentGetsItsOwnStatusAndNoneStopsTheRest() throws Exception {
        Batch.Uitkomst u = run();
        Map<String, String> status = new TreeMap<>();
        for (Verslag v : u.regels()) {
            status.put(
                    Path.of(v.bron()).getFileName() + " › " + v.bijlage(),
                    v.status().word() + " " + v.soort());
        }
        Map<String, String> want = new TreeMap<>(Map.ofEntries(
                Map.entry("01-goed.eml › kor 2017.csv", "ok kor"),
                Map.entry("01-goed.eml › register.xlsx", "ok kia"),
                Map.entry("01-goed.eml › journaal.csv", "waarschuwing btw"),
                Map.entry("01-goed.eml › brief.txt", "niet herkend null"),
                Map.entry("02-dubbel.eml › kor.csv", "ok kor"),
                Map.entry("02-dubbel.eml › kor (2).csv", "ok kor"),
                Map.entry("03-outlook.msg › aangiften.xlsx", "ok kor"),
                Map.entry("04-slecht.eml › fout.csv", "fout null"),
                Map.entry("04-slecht.eml › geheim.xlsx", "fout null"),
                Map.entry("04-slecht.eml › bom.xlsx", "fout null"),
                Map.entry("04-slecht.eml › kapot.xlsx", "fout null"),
                Map.entry("04-slecht.eml › xxe.xlsx", "fout null"),
                Map.entry("04-slecht.eml › macro.xlsm", "ok kor"),
                Map.entry("05-geen-mail.eml › null", "fout null"),
                Map.entry("06-geen-msg.msg › null", "fout null"),
                Map.entry("vrijstelling.csv › vrijstelling.csv", "ok kor"),
                Map.entry("notitie.pdf › notitie.pdf", "niet herkend null")));
        assertEquals(want, status);
        Verslag fout = u.regels().stream()
                .filter(v -> "fout.csv".equals(v.bijlage()))
                .findFirst()
                .orElseThrow();
        assertTrue(fout.melding().contains("fout.csv › regel 2: onbekende rubriek"), fout.melding());
        Verslag geheim = u.regels().stream()
                .filter(v -> "geheim.xlsx".equals(v.bijlage()))
                .findFirst()
                .orElseThrow();
        assertTrue(geheim.melding().contains("versleuteld"), geheim.melding());
        Verslag bom = u.regels().stream()
                .filter(v -> "bom.xlsx".equals(v.bijlage()))
                .findFirst()
                .orElseThrow();
        assertTrue(bom.melding().contains("zip-bom"), bom.melding());
    }

    @Test
    void macrosNeverReachTheOutput() throws Exception {
        run();
        Path x = out.resolve("04-slecht__macro.kor.xlsx");
        assertTrue(Files.exists(x));
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(x))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                assertFalse(e.getName().toLowerCase().contains("vba"), e.getName());
                if (e.getName().equals("[Content_Types].xml")) {
                    assertFalse(new String(z.readAllBytes(), StandardCharsets.UTF_8).contains("macroEnabled"));
                }
            }
        }
    }

    @Test
    void inputsStayByteIdenticalAndNoTemporaryFilesRemain() throws Exception {
        Map<Path, String> before = hashes(in);
        run();
        assertEquals(before, hashes(in));
        try (Stream<Path> s = Files.walk(out)) {
            List<Path> stray = s.filter(p -> p.getFileName().toString().startsWith(".")
                            || p.toString().endsWith(".tmp"))
                    .toList();
            assertEquals(List.of(), stray);
        }
        assertTrue(Files.exists(out.resolve("overzicht.xlsx")));
        assertTrue(Files.exists(out.resolve("01-goed__kor 2017.kor.xlsx")));
        assertTrue(Files.exists(out.resolve("01-goed__kor 2017.kor.json")));
    }

    @Test
    void secondRunGivesTheSameReportAndFiguresWithoutDuplicates() throws Exception {
        run();
        String first = Files.readString(dir.resolve("verslag.jsonl"));
        Map<Path, String> jsons = hashes(out, ".json");
        List<Path> files = list(out);
        run();
        assertEquals(first, Files.readString(dir.resolve("verslag.jsonl")));
        assertEquals(jsons, hashes(out, ".json"));
        assertEquals(files, list(out));
        assertEquals(17, first.lines().count());
    }

    @Test
    void attachmentNamesAreSanitised() {
        assertEquals("passwd", Namen.veilig("../../etc/passwd"));
        assertEquals("evil.xlsx", Namen.veilig("C:\\Windows\\evil.xlsx"));
        assertEquals("a_b_.csv", Namen.veilig("a\u0001b\u0007.csv"));
        assertEquals("bijlage", Namen.veilig("..."));
        assertEquals("x_y.csv", Namen.veilig("x:y.csv"));
        Namen n = new Namen();
        assertEquals("a.csv", n.uniek("a.csv"));
        assertEquals("A (2).csv", n.uniek("A.csv"));
    }

    private static List<Path> list(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    private static Map<Path, String> hashes(Path d) throws Exception {
        return hashes(d, "");
    }

    private static Map<Path, String> hashes(Path d, String suffix) throws Exception {
        Map<Path, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(suffix))
                    .toList()) {
                m.put(
                        d.relativize(p),
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return m;
    }

    static byte[] encrypted(byte[] xlsx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("geheim");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(xlsx);
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            fs.writeFilesystem(b);
            return b.toByteArray();
        }
    }

    static byte[] zipBomb(byte[] xlsx) throws Exception {
        return rezip(xlsx, Map.of(), "xl/media/opvulling.bin", new byte[40 << 20]);
    }

    static byte[] xxe(byte[] xlsx) throws Exception {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets>&e;</sheets></workbook>";
        return rezip(xlsx, Map.of("xl/workbook.xml", evil.getBytes(StandardCharsets.UTF_8)), null, null);
    }

    private static byte[] rezip(byte[] xlsx, Map<String, byte[]> replace, String extraName, byte[] extra)
            throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream z = new ZipOutputStream(b)) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(replace.getOrDefault(e.getName(), zin.readAllBytes()));
                z.closeEntry();
            }
            if (extraName != null) {
                z.putNextEntry(new ZipEntry(extraName));
                z.write(extra);
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    /** The filled KOR sample as a macro-enabled workbook with a (dummy) VBA project. */
    static byte[] withMacros() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(sample("kor-2017-voorbeeld-1.xlsx")))) {
            wb.setWorkbookType(XSSFWorkbookType.XLSM);
            var pkg = wb.getPackage();
            var name = PackagingURIHelper.createPartName("/xl/vbaProject.bin");
            var part = pkg.createPart(name, "application/vnd.ms-office.vbaProject");
            try (OutputStream o = part.getOutputStream()) {
                o.write("Sub AutoOpen(): Shell \"calc\": End Sub".getBytes(StandardCharsets.UTF_8));
            }
            wb.getPackagePart()
                    .addRelationship(
                            name,
                            org.apache.poi.openxml4j.opc.TargetMode.INTERNAL,
                            "http://schemas.microsoft.com/office/2006/relationships/vbaProject");
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            wb.write(b);
            return b.toByteArray();
        }
    }

    @Test
    void fileOverItsTimeBudgetIsAnErrorStopsAndLeavesNoOutputWhileTheNextFileIsDone() throws Exception {
        Path slow = dir.resolve("traag");
        Files.createDirectories(slow);
        // About 350.000 journal lines: several seconds of work against a budget of one second.
        StringBuilder j = new StringBuilder("boekdatum;omschrijving;btw code;bedrag excl. btw;btw-bedrag\n");
        for (int i = 0; i < 350_000; i++) {
            j.append(String.format("%02d-%02d-2025;Boeking %d;1a;100,00;21,00%n", 1 + i % 28, 1 + i % 12, i));
        }
        Files.writeString(slow.resolve("a-journaal.csv"), j);
        Files.write(slow.resolve("b-kor.csv"), sample("kor-2017-voorbeeld-2.csv"));
        Path uit = dir.resolve("uit-traag");
        Batch.Uitkomst u = Batch.run(
                List.of(slow),
                new Batch.Options(uit, Optional.empty(), 1, 1),
                new PrintWriter(new StringWriter()),
                false);
        assertEquals(Verslag.Status.FOUT, u.regels().get(0).status());
        assertTrue(
                u.regels().get(0).melding().contains("te lang bezig"),
                u.regels().get(0).melding());
        assertEquals(
                Verslag.Status.OK, u.regels().get(1).status(), u.regels().get(1).melding());
        try (Stream<Path> s = Files.list(uit)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertFalse(
                    names.stream().anyMatch(n -> n.startsWith("a-journaal") || n.endsWith(".tmp")), names.toString());
            assertTrue(names.contains("b-kor.kor.xlsx"), names.toString());
        }
    }

    @Test
    void outputFolderInsideTheInputFolderIsNotTakenInAgain() throws Exception {
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox);
        Files.write(inbox.resolve("kor.csv"), sample("kor-2017-voorbeeld-2.csv"));
        Path uit = inbox.resolve("verwerkt");
        Path verslag = inbox.resolve("verslag.jsonl");
        Batch.Options o = new Batch.Options(uit, Optional.of(verslag), 2, 60);
        Batch.Uitkomst first = Batch.run(List.of(inbox), o, new PrintWriter(new StringWriter()), false);
        Batch.Uitkomst second = Batch.run(List.of(inbox), o, new PrintWriter(new StringWriter()), false);
        assertEquals(1, first.regels().size());
        assertEquals(1, second.regels().size(), second.regels().toString());
        assertEquals(first.regels().get(0).cijfers(), second.regels().get(0).cijfers());
        try (Stream<Path> s = Files.list(uit)) {
            assertEquals(
                    List.of("kor.kor.json", "kor.kor.xlsx", "overzicht.xlsx"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void auditfileAttachmentIsRecognisedByItsRootAndAnsweredAsABtwOpstelling() throws Exception {
        Path inbox = dir.resolve("xaf");
        Files.createDirectories(inbox);
        byte[] xaf = Files.readAllBytes(Path.of("samples/auditfile-2025.xaf"));
        Mails.eml(inbox.resolve("boeken.eml"), "Auditfile 2025", Map.of("export.xml", xaf, "boekhouding.xaf", xaf));
        Path uit = dir.resolve("uit-xaf");
        Batch.Uitkomst u = Batch.run(
                List.of(inbox),
                new Batch.Options(uit, Optional.empty(), 2, 60),
                new PrintWriter(new StringWriter()),
                false);
        assertEquals(2, u.regels().size());
        for (Verslag v : u.regels()) {
            assertEquals(Verslag.Status.OK, v.status(), v.melding());
            assertEquals("btw", v.soort());
            assertEquals(
                    "5022.00",
                    String.valueOf(v.cijfers().get("5c 2025-Q1")),
                    v.cijfers().toString());
        }
    }

    /** An auditfile whose return the ledger does not explain is "waarschuwing" with the quarter and amount, not "ok". */
    @Test
    void anUnexplainedAansluitingIsAWarningNotOk() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("onverklaard"));
        Files.write(inbox.resolve("boeken.xaf"), nl.rekenblad.btw.Auditfiles.onverklaard());
        Batch.Uitkomst u = Batch.run(
                List.of(inbox),
                new Batch.Options(dir.resolve("uit-o"), Optional.empty(), 2, 60),
                new PrintWriter(new StringWriter()),
                false);
        assertEquals(1, u.regels().size());
        Verslag v = u.regels().get(0);
        assertEquals(Verslag.Status.WAARSCHUWING, v.status(), v.melding());
        assertTrue(
                v.melding().contains("2025-Q1")
                        && v.melding().contains("10,00")
                        && v.melding().contains("niet verklaard"),
                v.melding());
    }
}
