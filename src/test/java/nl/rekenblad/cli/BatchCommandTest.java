package nl.rekenblad.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchCommandTest {
    @TempDir
    Path dir;

    @Test
    void sampleFolderReportsEveryAttachmentAndExitsFourForTheBadOne() throws Exception {
        Path out = dir.resolve("uitvoer");
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "batch",
                "samples/batch",
                "-o",
                out.toString(),
                "--rapport",
                out.resolve("verslag.jsonl").toString(),
                "--threads",
                "2");
        assertEquals(Main.SOME_FAILED, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("bestanden: 6 · ok: 3 · waarschuwing: 1 · fout: 1 · niet herkend: 1"), r.out());
        assertTrue(
                r.out()
                        .contains(
                                "fout          2026-01-15 schildersbedrijf.eml › aangiften.csv: aangiften.csv › regel 3"),
                r.out());
        String jsonl = Files.readString(out.resolve("verslag.jsonl"));
        assertEquals(6, jsonl.lines().count());
        assertTrue(jsonl.lines().allMatch(l -> l.startsWith("{") && l.endsWith("}")), jsonl);
        assertTrue(jsonl.contains("\"status\": \"niet herkend\"") && jsonl.contains("\"soort\": \"kia\""), jsonl);
    }

    @Test
    void onlyGoodFilesExitZero() throws Exception {
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "batch",
                "samples/kor-2017-voorbeeld-1.csv",
                "samples/kia-2024-2025-register.csv",
                "-o",
                dir.resolve("u").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(Files.exists(dir.resolve("u/kor-2017-voorbeeld-1.kor.xlsx")));
        assertTrue(Files.exists(dir.resolve("u/overzicht.xlsx")));
    }
}
