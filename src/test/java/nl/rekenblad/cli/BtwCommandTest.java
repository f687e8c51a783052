package nl.rekenblad.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BtwCommandTest {
    @TempDir
    Path dir;

    @Test
    void korFlagRunsTheJaaropstellingOnTheWholeEuroFigures() throws Exception {
        Path f = dir.resolve("k.csv");
        Files.writeString(
                f,
                "datum,omschrijving,rubriek,grondslag,btw\n2017-02-01,f,1a,5000,\n2017-05-01,f,1a,3000.40,\n"
                        + "2017-06-01,k,5b,1000,210.30\n");
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "btw", f.toString(), "--kor", "-o", dir.resolve("k.xlsx").toString(), "--json", "-");
        assertEquals(0, r.exit(), r.err());
        // 1050 + 630 (630,08 down) − 211 (210,30 up) = 1469 → 2,5 × (1883 − 1469) = 1035
        assertTrue(
                r.out().contains("\"kor\"")
                        && r.out().contains("\"grondslag\": 1469.00")
                        && r.out().contains("\"vermindering\": 1035.00"),
                r.out());
        try (var wb = nl.rekenblad.testing.Cli.open(dir.resolve("k.xlsx"))) {
            assertEquals(1035.0, nl.rekenblad.testing.Cli.named(wb, "KOR_Vermindering"));
            assertEquals(1050.0, nl.rekenblad.testing.Cli.named(wb, "BTW_2017_Q1_5a"));
        }
    }

    /** Issue 21: btw --kor passes the previous year's turnover on to the KOR half (from 2025 it decides the verdict). */
    @Test
    void korFlagTakesThePreviousYearsTurnover() throws Exception {
        Path f = dir.resolve("k25.csv");
        Files.writeString(
                f, "datum,omschrijving,rubriek,grondslag,btw\n2025-02-01,f,1a,5000,\n2025-05-01,f,1a,3000,\n");
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "btw",
                f.toString(),
                "--kor",
                "--omzet-vorig-jaar",
                "21.000",
                "-o",
                dir.resolve("k.xlsx").toString(),
                "--json",
                "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(
                r.out().contains("\"omzetVorigJaar\": 21000.00") && r.out().contains("\"vrijstellingMogelijk\": false"),
                r.out());
        r = nl.rekenblad.testing.Cli.run(
                "btw",
                f.toString(),
                "--kor",
                "--omzet-vorig-jaar",
                "18.000",
                "-o",
                dir.resolve("k2.xlsx").toString(),
                "--json",
                "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"vrijstellingMogelijk\": true"), r.out());
        r = nl.rekenblad.testing.Cli.run(
                "btw",
                f.toString(),
                "--omzet-vorig-jaar",
                "18.000",
                "-o",
                dir.resolve("k3.xlsx").toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("--kor"), r.err());
    }

    @Test
    void sampleJournalPrintsEveryPeriodAndPointsAtControle() {
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "btw",
                "samples/btw-2025-journaal.csv",
                "-o",
                dir.resolve("b.xlsx").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(
                r.out().contains("2025-Q1")
                        && r.out().contains("€ 796,05")
                        && r.out().contains("blad Controle"),
                r.out());
    }

    @Test
    void monthlyPeriodsAndJsonShape() {
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "btw",
                "samples/btw-2025-journaal.csv",
                "--periode",
                "maand",
                "-o",
                dir.resolve("b.xlsx").toString(),
                "--json",
                "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(
                r.out().contains("\"periode\": \"2025-12\"")
                        && r.out().contains("\"rubrieken\"")
                        && r.out().contains("\"totaal\"")
                        && r.out().contains("\"4b\": {"),
                r.out());
    }

    @Test
    void auditfileGivesQuartersCodesAndAansluitingAndWritesTheMappingUsed() throws Exception {
        Path codes = dir.resolve("codes.txt");
        Path out = dir.resolve("a.xlsx");
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "btw", "samples/auditfile-2025.xaf", "--kor", "-o", out.toString(), "--btwcodes-uit", codes.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(
                r.out().contains("€ 5.022,00")
                        && r.out().contains("IEU:inkoop → 4b")
                        && !r.out().contains("niet verklaard"),
                r.out() + r.err());
        assertTrue(Files.readString(codes).contains("\nIEU:inkoop=4b\n"));
        try (var wb = nl.rekenblad.testing.Cli.open(out)) {
            assertEquals(5022.0, nl.rekenblad.testing.Cli.named(wb, "BTW_2025_Q1_5c"));
            for (String sheet : java.util.List.of("Aangifte", "Btw-codes", "Aansluiting", "Boekingen", "Controle")) {
                assertTrue(wb.getSheet(sheet) != null, sheet);
            }
        }
        // The mapping written is read back the same.
        nl.rekenblad.testing.Cli.Run again = nl.rekenblad.testing.Cli.run(
                "btw",
                "samples/auditfile-2025.xaf",
                "--btwcodes",
                codes.toString(),
                "-o",
                dir.resolve("b.xlsx").toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("€ 4.969,50"), again.out());
    }

    @Test
    void brokenAuditfileIsOneLineExitOneAndNothingWritten() throws Exception {
        String xml = Files.readString(Path.of("samples/auditfile-2025.xaf"));
        Path bad = dir.resolve("kapot.xaf");
        Files.writeString(bad, xml.substring(0, xml.length() / 3));
        Path out = dir.resolve("k.xlsx");
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run("btw", bad.toString(), "-o", out.toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("kapot.xaf › regel ") && r.err().contains("afgebroken"), r.err());
        assertTrue(Files.notExists(out));
        Path codes = dir.resolve("c.txt");
        Files.writeString(codes, "V21=1z\n");
        r = nl.rekenblad.testing.Cli.run(
                "btw", "samples/auditfile-2025.xaf", "--btwcodes", codes.toString(), "-o", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("c.txt › regel 1") && r.err().contains("\"1z\" is geen rubriek"), r.err());
        assertTrue(Files.notExists(out));
    }
}
