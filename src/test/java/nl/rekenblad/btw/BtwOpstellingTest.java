package nl.rekenblad.btw;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Rechtsvorm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BtwOpstellingTest {
    @TempDir
    Path dir;

    private Outcome<BtwRegulation.BtwResult> run(String name, String text, Options o) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return new BtwRegulation().run(Source.of(f), o);
    }

    /** The options of the command line's {@code btw}, spelled out. */
    private static Options opts(
            Optional<Integer> jaar, Period.Kind periode, boolean kor, Optional<Path> kolommen, Rechtsvorm rechtsvorm) {
        return Options.builder()
                .set(Options.JAAR, jaar.orElse(null))
                .set(Options.PERIODE, periode)
                .set(BtwRegulation.KOR, kor)
                .set(BtwRegulation.KOLOMMEN, kolommen.map(Source::of).orElse(null))
                .set(Options.RECHTSVORM, rechtsvorm)
                .build();
    }

    private Outcome<BtwRegulation.BtwResult> run(String text) throws Exception {
        return run("j.csv", text, Options.defaults());
    }

    private static BigDecimal x(Outcome<BtwRegulation.BtwResult> o, Period p, String what) {
        return o.result().aangifte().exact(BtwAangifte.exact(p, what));
    }

    private static BigDecimal w(Outcome<BtwRegulation.BtwResult> o, Period p, String what) {
        return o.result().aangifte().exact(BtwAangifte.whole(p, what));
    }

    @Test
    void sampleJournalTouchesEveryRubriekAndAddsUp() throws Exception {
        try (Outcome<BtwRegulation.BtwResult> o =
                new BtwRegulation().run(Source.of(Path.of("samples/btw-2025-journaal.csv")), Options.defaults())) {
            Period q1 = Period.quarter(2025, 1);
            // 262,50 + 480 × 21% + 95 × 9% + 21 + 420 − 80 × 21%
            assertEquals(0, new BigDecimal("796.05").compareTo(x(o, q1, "5a")));
            assertEquals(0, new BigDecimal("493.29").compareTo(x(o, q1, "5b")));
            for (Rubriek r : Rubriek.values()) {
                BigDecimal total = BigDecimal.ZERO;
                for (Period p : o.result().berekening().perioden()) {
                    total = total.add(x(o, p, r.code() + ".omzet"));
                }
                assertTrue(total.signum() != 0, "rubriek " + r.code() + " is not touched by the sample");
            }
            assertEquals(34, o.result().berekening().regels());
            assertEquals(2, o.result().berekening().aantalMeldingen()); // 9x and the line of 2026
        }
    }

    @Test
    void emptyBtwIsGrondslagTimesTariefRoundedHalfUp() throws Exception {
        try (Outcome<BtwRegulation.BtwResult> o =
                run("datum,omschrijving,rubriek,grondslag,btw\n2025-01-05,a,1a,10.05,\n2025-01-06,b,1b,0.50,\n")) {
            Period q1 = Period.quarter(2025, 1);
            assertEquals(0, new BigDecimal("2.11").compareTo(x(o, q1, "1a.btw"))); // 2,1105
            assertEquals(0, new BigDecimal("0.05").compareTo(x(o, q1, "1b.btw"))); // 0,045
        }
    }

    @Test
    void lowRateIsSixPercentIn2018AndNinePercentFrom2019() throws Exception {
        String text = "datum,omschrijving,rubriek,grondslag,btw\n2018-12-31,oud,1b,100,\n2019-01-01,nieuw,1b,100,\n";
        try (Outcome<BtwRegulation.BtwResult> o = run(
                "j18.csv",
                text,
                opts(Optional.of(2018), Period.Kind.JAAR, false, Optional.empty(), Rechtsvorm.EENMANSZAAK))) {
            assertEquals(0, new BigDecimal("6.00").compareTo(x(o, Period.year(2018), "1b.btw")));
        }
        try (Outcome<BtwRegulation.BtwResult> o = run(
                "j19.csv",
                text,
                opts(Optional.of(2019), Period.Kind.JAAR, false, Optional.empty(), Rechtsvorm.EENMANSZAAK))) {
            assertEquals(0, new BigDecimal("9.00").compareTo(x(o, Period.year(2019), "1b.btw")));
        }
    }

    @Test
    void creditNotesReduceThePeriodAndWholeEurosFavourTheTaxpayer() throws Exception {
        try (Outcome<BtwRegulation.BtwResult> o = run(
                "datum,omschrijving,rubriek,grondslag,btw\n2025-02-01,f,1a,1000.99,210.21\n"
                        + "2025-02-02,c,1a,-100,-21\n2025-02-03,k,5b,100.10,21.02\n2025-05-01,c,1a,-10,-2.10\n2025-05-02,k,5b,-5,-1.05\n")) {
            Period q1 = Period.quarter(2025, 1);
            Period q2 = Period.quarter(2025, 2);
            assertEquals(0, new BigDecimal("189.21").compareTo(x(o, q1, "5a")));
            assertEquals(0, new BigDecimal("189").compareTo(w(o, q1, "5a"))); // owed: down
            assertEquals(0, new BigDecimal("22").compareTo(w(o, q1, "5b"))); // voorbelasting: up
            assertEquals(0, new BigDecimal("167").compareTo(w(o, q1, "5c")));
            assertEquals(0, new BigDecimal("-3").compareTo(w(o, q2, "5a"))); // −2,10 owed: down is −3
            assertEquals(0, new BigDecimal("-1").compareTo(w(o, q2, "5b"))); // −1,05 voorbelasting: up is −1
        }
    }

    @Test
    void dutchNotationWithBomAndWindows1252AreRead() throws Exception {
        String text = "datum;omschrijving;rubriek;grondslag;btw\n01-03-2025;Café €;1a;€ 1.234,56;€ 259,26\n";
        Path utf = dir.resolve("bom.csv");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xef;
        bom[1] = (byte) 0xbb;
        bom[2] = (byte) 0xbf;
        System.arraycopy(body, 0, bom, 3, body.length);
        Files.write(utf, bom);
        Path ansi = dir.resolve("ansi.csv");
        Files.write(ansi, text.getBytes(Charset.forName("windows-1252")));
        for (Path f : List.of(utf, ansi)) {
            try (Outcome<BtwRegulation.BtwResult> o = new BtwRegulation().run(Source.of(f), Options.defaults())) {
                assertEquals(0, new BigDecimal("259.26").compareTo(x(o, Period.quarter(2025, 1), "5a")), f.toString());
            }
        }
    }

    @Test
    void badLinesAreNamedByTheirNumber() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> run(
                        "datum,omschrijving,rubriek,grondslag,btw\n2025-01-01,a,1a,100,21\n\n2025-13-01,b,1a,100,21\n2025-01-02,c,1a,veel,21\n"));
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(
                e.problems().get(0).toString().startsWith("j.csv › regel 4: kolom datum"),
                e.problems().toString());
        assertTrue(
                e.problems().get(1).toString().startsWith("j.csv › regel 5: kolom grondslag"),
                e.problems().toString());
    }

    @Test
    void commonExportSpellingsAndAMappingFileAreRecognised() throws Exception {
        try (Outcome<BtwRegulation.BtwResult> o =
                run("Boekdatum,Tekst,BTW-code,Bedrag excl. BTW,BTW-bedrag\n2025-01-05,a,1a,100,21\n")) {
            assertEquals(0, new BigDecimal("21").compareTo(x(o, Period.quarter(2025, 1), "5a")));
        }
        Path map = dir.resolve("kolommen.txt");
        Files.writeString(
                map,
                "# export van pakket X\ndatum=Datum boeking\nrubriek=Aangiftevak\ngrondslag=Netto (EUR)\nbtw=Belasting\n");
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "Datum boeking,Aangiftevak,Netto (EUR),Belasting\n2025-04-05,1a,200,42\n");
        try (Outcome<BtwRegulation.BtwResult> o = new BtwRegulation()
                .run(
                        Source.of(f),
                        opts(
                                Optional.empty(),
                                Period.Kind.KWARTAAL,
                                false,
                                Optional.of(map),
                                Rechtsvorm.EENMANSZAAK))) {
            assertEquals(0, new BigDecimal("42").compareTo(x(o, Period.quarter(2025, 2), "5a")));
        }
    }

    @Test
    void firstSheetOfAWorkbookIsReadLikeTheCsv() throws Exception {
        Path f = dir.resolve("journaal.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = Files.newOutputStream(f)) {
            var sh = wb.createSheet("Journaal");
            var h = sh.createRow(0);
            String[] header = {"Boekdatum", "Omschrijving", "BTW-code", "Bedrag excl. BTW", "BTW-bedrag"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("d-m-yyyy"));
            Object[][] rows = {
                {java.time.LocalDate.of(2025, 2, 3), "a", "1a", 1000.5, 210.11},
                {java.time.LocalDate.of(2025, 8, 9), "b", "1b", 95.0, null},
                {java.time.LocalDate.of(2025, 8, 10), "c", "5b", 100.0, 21.0}
            };
            for (int r = 0; r < rows.length; r++) {
                var row = sh.createRow(r + 1);
                var d = row.createCell(0);
                d.setCellValue((java.time.LocalDate) rows[r][0]);
                d.setCellStyle(dateStyle);
                row.createCell(1).setCellValue((String) rows[r][1]);
                row.createCell(2).setCellValue((String) rows[r][2]);
                row.createCell(3).setCellValue((Double) rows[r][3]);
                if (rows[r][4] != null) {
                    row.createCell(4).setCellValue((Double) rows[r][4]);
                }
            }
            wb.write(out);
        }
        try (Outcome<BtwRegulation.BtwResult> o = new BtwRegulation().run(Source.of(f), Options.defaults())) {
            assertEquals(0, new BigDecimal("210.11").compareTo(x(o, Period.quarter(2025, 1), "5a")));
            assertEquals(0, new BigDecimal("8.55").compareTo(x(o, Period.quarter(2025, 3), "5a")));
            assertEquals(0, new BigDecimal("21").compareTo(x(o, Period.quarter(2025, 3), "5b")));
        }
    }

    @Test
    void missingColumnListsWhatIsRecognisedAndSuggestsAMapping() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> run("wanneer,wat,hoeveel\n2025-01-01,1a,100\n"));
        assertTrue(e.getMessage().contains("--kolommen"), e.getMessage());
    }
}
