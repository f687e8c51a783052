package nl.rekenblad.cli;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KiaCommandTest {
    @TempDir
    Path dir;

    @Test
    void sampleRegisterGivesKiaPerYearAndTheNamedResults() throws Exception {
        Path out = dir.resolve("kia.xlsx");
        Path json = dir.resolve("kia.json");
        byte[] before = Files.readAllBytes(Path.of("samples/kia-2024-2025-register.xlsx"));
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "kia", "samples/kia-2024-2025-register.xlsx", "-o", out.toString(), "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(before, Files.readAllBytes(Path.of("samples/kia-2024-2025-register.xlsx")));
        assertTrue(r.out().contains("2024") && r.out().contains("€ 19.535,00"), r.out());
        try (XSSFWorkbook wb = nl.rekenblad.testing.Cli.open(out)) {
            assertEquals(78899.0, nl.rekenblad.testing.Cli.named(wb, "KIA_Investeringen_2024"));
            assertEquals(19535.0, nl.rekenblad.testing.Cli.named(wb, "KIA_Aftrek_2024"));
            assertEquals(19600.0, nl.rekenblad.testing.Cli.named(wb, "KIA_Aftrek_2025"));
            assertEquals(8400.0, nl.rekenblad.testing.Cli.named(wb, "KIA_Aftrek_2026"));
            assertEquals(5942.28, nl.rekenblad.testing.Cli.named(wb, "KIA_Bijtelling_2025"), 0.005);
            for (String sheet :
                    List.of("Register", "KIA", "Desinvesteringen", "Afschrijvingen", "Parameters", "Toelichting")) {
                assertNotNull(wb.getSheet(sheet), sheet);
            }
            assertTrue(wb.getForceFormulaRecalculation());
        }
        String j = Files.readString(json);
        for (String s : List.of(
                "\"jaar\": 2025",
                "\"investeringen\": 70000.00",
                "\"kia\": 19600.00",
                "\"percentage\": 0.280000",
                "\"bijtelling\": 5942.28",
                "\"eia\": 8800.00",
                "\"mia\": 6480.00",
                "\"id\": \"3\"",
                "\"reden\": \"minder dan 450\"",
                "\"reden\": \"personenauto\"",
                "\"kwalificeert\": false",
                "\"2024\": 5041.67")) {
            assertTrue(j.contains(s), s + " in " + j);
        }
    }

    @Test
    void toelichtingNamesEveryExcludedAssetAndWhy() throws Exception {
        Path out = dir.resolve("kia.xlsx");
        assertEquals(
                0,
                nl.rekenblad.testing.Cli.run("kia", "samples/kia-2024-2025-register.csv", "-o", out.toString())
                        .exit());
        try (XSSFWorkbook wb = nl.rekenblad.testing.Cli.open(out)) {
            StringBuilder text = new StringBuilder();
            wb.getSheet("Toelichting")
                    .forEach(row -> row.forEach(c -> text.append(c.toString()).append('\n')));
            for (String s : List.of(
                    "Telt niet mee: 3 Bureaustoel",
                    "Telt niet mee: 4 Personenauto",
                    "Telt niet mee: 6 Bedrijfsgrond",
                    "Telt niet mee: 7 Goodwill",
                    "Telt niet mee: 9 Vakantiewoning",
                    "Telt niet mee: 15 Aandelen",
                    "Personenauto's die niet bestemd zijn voor beroepsvervoer")) {
                assertTrue(text.toString().contains(s), s);
            }
        }
    }

    @Test
    void registerShowsWhyAnAssetDoesNotCountAndARerunKeepsOneSuchColumn() throws Exception {
        Path first = dir.resolve("eerste.xlsx");
        Path second = dir.resolve("tweede.xlsx");
        assertEquals(
                0,
                nl.rekenblad.testing.Cli.run("kia", "samples/kia-2024-2025-register.xlsx", "-o", first.toString())
                        .exit());
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run("kia", first.toString(), "-o", second.toString());
        assertEquals(0, r.exit(), r.err());
        try (XSSFWorkbook wb = nl.rekenblad.testing.Cli.open(second)) {
            var reg = wb.getSheet("Register");
            assertEquals(
                    "Telt niet mee omdat (rekenblad)", reg.getRow(3).getCell(13).getStringCellValue());
            assertEquals("personenauto", reg.getRow(7).getCell(13).getStringCellValue());
            assertEquals("minder dan 450", reg.getRow(6).getCell(13).getStringCellValue());
            assertEquals(null, reg.getRow(3).getCell(15));
            assertEquals(6, wb.getNumberOfSheets());
        }
    }

    @Test
    void disposalAfterFiveYearsStillListsItsYear() throws Exception {
        Path in = dir.resolve("oud.csv");
        Files.writeString(
                in, KiaReadersTestHeader.HEADER + "1,x,2020-01-01,10000,bedrijfsmiddel,,,,,2025-06-01,5000,\n");
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "kia", in.toString(), "-o", dir.resolve("u.xlsx").toString(), "--json", "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"jaar\": 2025") && r.out().contains("\"bijtelling\": 0.00"), r.out());
    }

    @Test
    void partnershipShareIsShownBesideThePartnershipsKia() throws Exception {
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "kia",
                "samples/kia-2024-2025-register.csv",
                "-o",
                dir.resolve("v.xlsx").toString(),
                "--json",
                "-",
                "--aandeel",
                "50%");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"kia\": 19535.00") && r.out().contains("\"kiaVennoot\": 9767.50"), r.out());
    }

    @Test
    void badShareIsRefused() {
        nl.rekenblad.testing.Cli.Run r =
                nl.rekenblad.testing.Cli.run("kia", "samples/kia-2024-2025-register.csv", "--aandeel", "150%");
        assertEquals(Main.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("--aandeel"), r.err());
    }

    @Test
    void badRegisterLeavesNothingBehind() throws Exception {
        Path in = dir.resolve("fout.csv");
        Files.writeString(
                in,
                KiaReadersTestHeader.HEADER
                        + "1,x,2025-01-01,1000,fiets,,,,,,,\n2,y,2025-13-01,1000,bedrijfsmiddel,,,,,,,\n");
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "kia", in.toString(), "-o", dir.resolve("uit.xlsx").toString());
        assertEquals(Main.INVALID_INPUT, r.exit());
        assertEquals(2, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(in), s.toList());
        }
    }

    @Test
    void templateKiaWritesTheRegisterTemplate() throws Exception {
        Path t = dir.resolve("register.xlsx");
        assertEquals(
                0,
                nl.rekenblad.testing.Cli.run("template", "kia", "-o", t.toString())
                        .exit());
        try (XSSFWorkbook wb = nl.rekenblad.testing.Cli.open(t)) {
            assertNotNull(wb.getName("KIA_Register"));
        }
    }

    /** The CSV header, shared with the reader tests. */
    static final class KiaReadersTestHeader {
        static final String HEADER = "id,omschrijving,datum,bedrag,soort,ingebruikname,betaald,restwaarde,gebruiksduur,"
                + "verkoopdatum,verkoopprijs,regeling\n";
    }
}
