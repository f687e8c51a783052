package nl.rekenblad.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VuCommandTest {
    @TempDir
    Path dir;

    @Test
    void sampleRunsWithoutOptionsAndNamesEveryCode() throws Exception {
        Path out = dir.resolve("vu.xlsx");
        nl.rekenblad.testing.Cli.Run r =
                nl.rekenblad.testing.Cli.run("vu", "samples/vu-2026.csv", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(
                r.out().contains("aanslagjaar 2026")
                        && r.out().contains("1208 Niet-aftrekbare restaurantkosten")
                        && r.out().contains("€ 45.919,00"),
                r.out());
        try (var wb = nl.rekenblad.testing.Cli.open(out)) {
            assertEquals(45919.0, nl.rekenblad.testing.Cli.named(wb, "VU_Totaal"), 0.005);
            assertEquals(992.0, nl.rekenblad.testing.Cli.named(wb, "VU_1208"), 0.005);
            assertTrue(wb.getSheet("Wagens") != null && wb.getSheet("Toelichting VU") != null);
        }
    }

    @Test
    void badCarIsOneLineExitOneAndNothingWritten() throws Exception {
        Path kosten = dir.resolve("k.csv");
        Files.writeString(kosten, "boekjaar,2025\nrekening,omschrijving,bedrag,soort\n616300,etentje,100,restaurant\n");
        Path wagens = dir.resolve("w.csv");
        Files.writeString(wagens, "wagen,aankoopdatum,brandstof,co2\nA,2022-01-01,diesel,veel\n");
        Path out = dir.resolve("k.xlsx");
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "vu", kosten.toString(), "--wagens", wagens.toString(), "-o", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("w.csv › regel 2") && r.err().contains("co2"), r.err());
        assertTrue(Files.notExists(out));
        Files.writeString(wagens, "wagen,aankoopdatum,brandstof,co2\nA,,diesel,120\n");
        r = nl.rekenblad.testing.Cli.run("vu", kosten.toString(), "--wagens", wagens.toString(), "-o", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("aankoopdatum van wagen A ontbreekt"), r.err());
        r = nl.rekenblad.testing.Cli.run("vu", kosten.toString(), "--aanslagjaar", "2023", "-o", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("aanslagjaar 2023"), r.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void templateCommandWritesTheVuTemplate() throws Exception {
        Path t = dir.resolve("vu-sjabloon.xlsx");
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run("template", "vu", "-o", t.toString());
        assertEquals(0, r.exit(), r.err());
        try (var wb = nl.rekenblad.testing.Cli.open(t)) {
            assertTrue(wb.getName("VU_Kosten") != null && wb.getName("VU_Wagens") != null);
        }
    }
}
