package nl.rekenblad.kia;

import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KiaReadersTest {
    static final String HEADER = "id,omschrijving,datum,bedrag,soort,ingebruikname,betaald,restwaarde,gebruiksduur,"
            + "verkoopdatum,verkoopprijs,regeling\n";

    @TempDir
    Path dir;

    private KiaInput csv(String text) throws Exception {
        return new KiaCsvReader().parse("r.csv", text, Optional.empty());
    }

    private List<Problem> problems(String text) {
        return assertThrows(InvalidInputException.class, () -> csv(text)).problems();
    }

    private static String only(List<Problem> ps) {
        assertEquals(1, ps.size(), ps.toString());
        return ps.get(0).toString();
    }

    @Test
    void everyColumnIsRead() throws Exception {
        Activum a = csv(HEADER
                        + "7,Heftruck,20-11-2025,45000,bedrijfsmiddel,2026-02-01,15000,5000,10,2027-03-31,30000,mia-2\n")
                .activa()
                .get(0);
        assertEquals("7", a.id());
        assertEquals(LocalDate.of(2025, 11, 20), a.datum());
        assertEquals(Money.parse("45000"), a.bedrag());
        assertEquals(Optional.of(LocalDate.of(2026, 2, 1)), a.ingebruikname());
        assertEquals(Optional.of(Money.parse("15000")), a.betaald());
        assertEquals(Optional.of(Regeling.MIA_2), a.regeling());
        assertEquals(Optional.of(LocalDate.of(2027, 3, 31)), a.verkoopdatum());
    }

    @Test
    void onlyTheRequiredColumnsInAnyOrderAndDutchNotation() throws Exception {
        Activum a = csv("soort;bedrag;datum;omschrijving;id\nbedrijfsmiddel;€ 1.250,50;1-3-2025;Printer;P1\n")
                .activa()
                .get(0);
        assertEquals(Money.parse("1250.50"), a.bedrag());
        assertEquals(Optional.empty(), a.gebruiksduur());
    }

    @ParameterizedTest
    @EnumSource(Soort.class)
    void everySoortWordIsAccepted(Soort soort) throws Exception {
        assertEquals(
                soort,
                csv(HEADER + "1,x,2025-01-01,1000," + soort.word() + ",,,,,,,\n")
                        .activa()
                        .get(0)
                        .soort());
    }

    @Test
    void unknownSoortListsTheAcceptedWords() {
        String p = only(problems(HEADER + "1,Fiets,2025-01-01,1000,fiets,,,,,,,\n"));
        assertTrue(
                p.startsWith("r.csv › regel 2: kolom soort: onbekend \"fiets\"")
                        && p.contains("bedrijfsmiddel, woonhuis"),
                p);
    }

    @Test
    void eiaAndMiaOnOneAssetAreRefused() {
        String p = only(problems(HEADER + "1,Warmtepomp,2025-01-01,10000,bedrijfsmiddel,,,,,,,eia+mia-1\n"));
        assertTrue(p.contains("EIA en MIA gaan nooit samen"), p);
    }

    @Test
    void badDatesAndAmountsAreNamedWithTheirColumn() {
        List<Problem> ps = problems(
                HEADER + "1,x,31-02-2025,1000,bedrijfsmiddel,,,,,,,\n2,y,2025-01-01,veel,bedrijfsmiddel,,,,,,,\n");
        assertEquals(2, ps.size(), ps.toString());
        assertTrue(ps.get(0).toString().contains("regel 2: kolom datum: geen bestaande datum"), ps.toString());
        assertTrue(ps.get(1).toString().contains("regel 3: kolom bedrag"), ps.toString());
    }

    @Test
    void duplicateIdsAreRefused() {
        String p = only(problems(
                HEADER + "1,x,2025-01-01,1000,bedrijfsmiddel,,,,,,,\n1,y,2025-01-01,1000,bedrijfsmiddel,,,,,,,\n"));
        assertTrue(p.contains("regel 3") && p.contains("regel 2"), p);
    }

    @Test
    void saleWithoutPriceIsRefused() {
        assertTrue(only(problems(HEADER + "1,x,2025-01-01,1000,bedrijfsmiddel,,,,,2026-01-01,,\n"))
                .contains("verkoopdatum zonder verkoopprijs"));
    }

    @Test
    void missingRequiredColumnIsNamed() {
        String p = only(problems("id,omschrijving,bedrag\n1,x,100\n"));
        assertTrue(p.contains("datum, soort ontbreekt"), p);
    }

    @Test
    void filledTemplateIsReadLikeItsCsv() throws Exception {
        KiaInput fromCsv = new KiaCsvReader().read(Path.of("samples/kia-2024-2025-register.csv"), Optional.empty());
        KiaWorkbookReader.Loaded l =
                new KiaWorkbookReader().read(Path.of("samples/kia-2024-2025-register.xlsx"), Optional.empty());
        l.workbook().close();
        assertEquals(fromCsv.activa().size(), l.input().activa().size());
        for (int i = 0; i < fromCsv.activa().size(); i++) {
            Activum a = fromCsv.activa().get(i);
            Activum b = l.input().activa().get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.datum(), b.datum());
            assertEquals(a.bedrag(), b.bedrag());
            assertEquals(a.soort(), b.soort());
            assertEquals(a.verkoopdatum(), b.verkoopdatum());
            assertEquals(a.regeling(), b.regeling());
        }
    }

    @Test
    void dateTypedAsTextInTheTemplateIsNamedByCell() throws Exception {
        KiaInput in = csv(HEADER + "1,x,2025-01-01,1000,bedrijfsmiddel,,,,,,,\n");
        Path f = dir.resolve("tekstdatum.xlsx");
        try (XSSFWorkbook wb = KiaTemplate.filled(in).poi();
                OutputStream out = Files.newOutputStream(f)) {
            wb.getSheet(KiaTemplate.SHEET).getRow(4).getCell(2).setCellValue("1 januari 2025");
            wb.write(out);
        }
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> new KiaWorkbookReader().read(f, Optional.empty()));
        String p = only(e.problems());
        assertTrue(p.startsWith("tekstdatum.xlsx › Register!C5: verwacht een datum"), p);
    }

    @Test
    void workbookWithoutTheRegisterNameIsRefused() throws Exception {
        Path f = dir.resolve("leeg.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(f)) {
            wb.createSheet("Blad1");
            wb.write(out);
        }
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> new KiaWorkbookReader().read(f, Optional.empty()));
        assertTrue(only(e.problems()).contains("KIA_Register"));
    }
}
