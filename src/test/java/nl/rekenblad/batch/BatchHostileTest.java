package nl.rekenblad.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batch findings of the first fuzz run (issue 15): the report is always written, names fit and stay unique. */
class BatchHostileTest {
    private static final byte[] KOR =
            "periode,rubriek,omzet,btw\n2017,1a,2500,525\n2017,5b,,190\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Batch.Uitkomst run(Path in, Path uit) throws Exception {
        return Batch.run(
                List.of(in),
                new Batch.Options(uit, Optional.of(uit.resolve("verslag.jsonl")), 2, 60),
                new PrintWriter(new StringWriter()),
                false);
    }

    @Test
    void theReportIsWrittenWhenOneMessageRunsPastWhatACellHolds() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("goed.csv"), KOR);
        Files.writeString(
                in.resolve("slecht.csv"), "periode,rubriek,omzet,btw\n2017-Q1," + "x".repeat(40_000) + ",1,1\n");
        Path uit = dir.resolve("uit");
        Batch.Uitkomst u = run(in, uit);
        assertEquals(1, u.tel(Verslag.Status.OK));
        assertEquals(1, u.tel(Verslag.Status.FOUT));
        List<String> lines = Files.readAllLines(uit.resolve("verslag.jsonl"));
        assertEquals(2, lines.size());
        assertTrue(Files.size(uit.resolve("overzicht.xlsx")) > 0);
        for (Verslag v : u.regels()) {
            assertTrue(
                    v.melding().length() < Verslag.MAX_MELDING + 100,
                    "cut: " + v.melding().length());
        }
        assertTrue(u.regels().stream().anyMatch(v -> v.melding().contains("tekens weggelaten")));
    }

    @Test
    void attachmentNamesFitInAFileNameCountedInBytes() throws Exception {
        Path mail = dir.resolve("€".repeat(80) + ".eml");
        Mails.eml(mail, "euro's", List.of(Map.entry("€".repeat(200) + ".csv", KOR)));
        Path uit = dir.resolve("uit");
        Batch.Uitkomst u = run(mail, uit);
        assertEquals(1, u.tel(Verslag.Status.OK), u.regels().toString());
        try (Stream<Path> s = Files.list(uit)) {
            for (Path p : s.toList()) {
                assertTrue(
                        p.getFileName().toString().getBytes(StandardCharsets.UTF_8).length <= 255 - 30, p.toString());
            }
        }
    }

    @Test
    void attachmentsWithTheSameNameAreNumberedUniquely() throws Exception {
        Path mail = dir.resolve("dubbel.eml");
        Mails.eml(
                mail,
                "dubbel",
                List.of(Map.entry("kor.csv", KOR), Map.entry("kor.csv", KOR), Map.entry("kor (2).csv", KOR)));
        Path uit = dir.resolve("uit");
        Batch.Uitkomst u = run(mail, uit);
        assertEquals(3, u.tel(Verslag.Status.OK), u.regels().toString());
        Set<String> names = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        for (Verslag v : u.regels()) {
            assertTrue(names.add(v.bijlage()), "twice in the report: " + v.bijlage());
            assertTrue(outputs.addAll(v.uitvoer()), "an output written twice: " + v.uitvoer());
        }
    }

    /** A mail written by hand: a forwarded message holding a KOR CSV, a part whose base64 is broken, and a good CSV. */
    private static String forwardedWithABrokenPart() {
        String csv = java.util.Base64.getMimeEncoder().encodeToString(KOR);
        return "From: klant@example.nl\r\nSubject: doorgestuurd\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nZie bijlagen.\r\n"
                + "--b1\r\nContent-Type: message/rfc822\r\n\r\n"
                + "From: boekhouder@example.nl\r\nSubject: KOR\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b2\"\r\n\r\n"
                + "--b2\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"doorgestuurd.csv\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + csv + "\r\n--b2--\r\n"
                + "--b1\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"kapot.csv\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n@@@@ dit is geen base64 !!!!\r\n"
                + "--b1\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"goed.csv\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + csv + "\r\n--b1--\r\n";
    }

    @Test
    void attachmentsOfAForwardedMailAreOpenedAndABrokenPartFailsOnlyItself() throws Exception {
        Path mail = dir.resolve("doorgestuurd.eml");
        Files.writeString(mail, forwardedWithABrokenPart(), StandardCharsets.US_ASCII);
        Batch.Uitkomst u = run(mail, dir.resolve("uit"));
        Map<String, Verslag.Status> byName = new java.util.HashMap<>();
        u.regels().forEach(v -> byName.put(v.bijlage(), v.status()));
        assertEquals(
                Verslag.Status.OK, byName.get("doorgestuurd.csv"), u.regels().toString());
        assertEquals(Verslag.Status.OK, byName.get("goed.csv"), u.regels().toString());
        assertEquals(Verslag.Status.FOUT, byName.get("kapot.csv"), u.regels().toString());
        assertEquals(3, u.regels().size(), u.regels().toString());
    }
}
