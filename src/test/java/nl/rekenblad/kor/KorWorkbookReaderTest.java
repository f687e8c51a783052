package nl.rekenblad.kor;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KorWorkbookReaderTest {
    @TempDir
    Path dir;

    /** The template filled as the sample of blog example 2 (rows: 1a is the first rubriek row). */
    private XSSFWorkbook sample() throws Exception {
        KorInput in = new KorCsvReader().read(Path.of("samples/kor-2017-voorbeeld-2.csv"));
        return KorTemplate.filled(in).poi();
    }

    private Path save(XSSFWorkbook wb, String name) throws Exception {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            wb.write(out);
        }
        return f;
    }

    private KorInput read(Path f) throws Exception {
        KorWorkbookReader.Loaded l = new KorWorkbookReader().read(f);
        l.workbook().close();
        return l.input();
    }

    private List<Problem> problems(Path f) {
        return assertThrows(InvalidInputException.class, () -> read(f)).problems();
    }

    private static String only(List<Problem> ps) {
        assertEquals(1, ps.size(), ps.toString());
        return ps.get(0).toString();
    }

    @Test
    void filledTemplateIsReadThroughItsDefinedNames() throws Exception {
        KorInput in = read(Path.of("samples/kor-2017-voorbeeld-2.xlsx"));
        assertEquals(2017, in.year());
        assertEquals(4, in.periods().size());
        assertEquals(
                Money.parse("630"), in.get(Period.quarter(2017, 2), Rubriek.R1A).btw());
        assertEquals(
                Money.parse("190"), in.get(Period.quarter(2017, 4), Rubriek.R5B).btw());
    }

    @Test
    void movedRenamedAndRestyledTemplateIsStillFound() throws Exception {
        try (XSSFWorkbook wb = sample()) {
            XSSFSheet sh = wb.getSheetAt(0);
            sh.shiftRows(0, sh.getLastRowNum(), 6);
            wb.setSheetName(0, "Mijn aangiften 2017");
            wb.createSheet("Notities").createRow(0).createCell(0).setCellValue("eigen aantekeningen");
            wb.setSheetOrder("Notities", 0);
            KorInput in = read(save(wb, "verplaatst.xlsx"));
            assertEquals(
                    Money.parse("672"),
                    in.get(Period.quarter(2017, 4), Rubriek.R1A).btw());
        }
    }

    @Test
    void formulaInAnInputCellIsEvaluated() throws Exception {
        try (XSSFWorkbook wb = sample()) {
            // Q1 1a btw is the 4th column (D) of the first rubriek row (10).
            wb.getSheet(KorTemplate.SHEET).getRow(9).getCell(3).setCellFormula("2500*21%");
            assertEquals(
                    Money.parse("525"),
                    read(save(wb, "formule.xlsx"))
                            .get(Period.quarter(2017, 1), Rubriek.R1A)
                            .btw());
        }
    }

    @Test
    void textWhereAnAmountBelongsIsNamedBySheetAndCell() throws Exception {
        try (XSSFWorkbook wb = sample()) {
            wb.getSheet(KorTemplate.SHEET).getRow(9).getCell(2).setCellValue("€ 1.234,56");
            String p = only(problems(save(wb, "tekst.xlsx")));
            assertTrue(p.startsWith("tekst.xlsx › Aangiften!C10: verwacht een bedrag"), p);
            assertTrue(p.contains("€ 1.234,56"), p);
        }
    }

    @Test
    void errorCellIsNamed() throws Exception {
        try (XSSFWorkbook wb = sample()) {
            wb.getSheet(KorTemplate.SHEET).getRow(20).getCell(9).setCellErrorValue(FormulaError.DIV0.getCode());
            String p = only(problems(save(wb, "fout.xlsx")));
            assertTrue(p.contains("Aangiften!J21") && p.contains("#DIV/0!"), p);
        }
    }

    @Test
    void everyBadCellIsReportedInOneRun() throws Exception {
        try (XSSFWorkbook wb = sample()) {
            wb.getSheet(KorTemplate.SHEET).getRow(9).getCell(2).setCellValue("veel");
            wb.getSheet(KorTemplate.SHEET).getRow(10).getCell(4).setCellValue("weinig");
            wb.getSheet(KorTemplate.SHEET).getRow(20).getCell(2).setCellValue(10); // 5b has no omzet
            assertEquals(3, problems(save(wb, "veel.xlsx")).size());
        }
    }

    /** A template as the bookkeeper gets it: written, then opened in POI's model. */
    private static XSSFWorkbook reopen(nl.rekenblad.internal.workbook.OutputWorkbook template) throws Exception {
        try (template) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            template.save(b);
            return new XSSFWorkbook(new java.io.ByteArrayInputStream(b.toByteArray()));
        }
    }

    @Test
    void missingYearIsNamed() throws Exception {
        try (XSSFWorkbook wb = reopen(KorTemplate.create(Period.Kind.KWARTAAL, null))) {
            String p = only(problems(save(wb, "leeg-sjabloon.xlsx")));
            assertTrue(p.contains("Aangiften!C4") && p.contains("jaar ontbreekt"), p);
        }
    }

    @Test
    void emptyTemplateWithAYearWarnsForEveryPeriod() throws Exception {
        try (XSSFWorkbook wb = reopen(KorTemplate.create(Period.Kind.KWARTAAL, 2017))) {
            KorInput in = read(save(wb, "leeg.xlsx"));
            assertEquals(4, in.warnings().size());
        }
    }

    @Test
    void workbookThatIsNotTheTemplateIsRefused() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Blad1").createRow(0).createCell(0).setCellValue("omzet");
            String p = only(problems(save(wb, "ander.xlsx")));
            assertTrue(p.contains("geen werkboek van het rekenblad KOR-sjabloon") && p.contains("KOR_Invoer"), p);
        }
    }

    @Test
    void corruptWorkbookIsRefused() throws Exception {
        Path f = dir.resolve("kapot.xlsx");
        byte[] good = Files.readAllBytes(Path.of("samples/kor-2017-voorbeeld-1.xlsx"));
        Files.write(f, java.util.Arrays.copyOf(good, good.length / 2));
        assertTrue(only(problems(f)).startsWith("kapot.xlsx: "), problems(f).toString());
    }

    @Test
    void textFileNamedXlsxIsRefused() throws Exception {
        Path f = dir.resolve("nep.xlsx");
        Files.writeString(f, "periode,rubriek,omzet,btw\n");
        assertTrue(only(problems(f)).contains("geen Excel-werkboek"));
    }

    @Test
    void emptyWorkbookFileIsRefused() throws Exception {
        Path f = dir.resolve("leeg.xlsx");
        Files.write(f, new byte[0]);
        assertTrue(only(problems(f)).contains("leeg bestand"));
    }

    @Test
    void oldXlsFormatIsRefusedWithAHint() throws Exception {
        Path f = dir.resolve("oud.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook();
                OutputStream out = Files.newOutputStream(f)) {
            wb.createSheet("Aangiften");
            wb.write(out);
        }
        assertTrue(only(problems(f)).contains(".xlsx"));
    }

    @Test
    void encryptedWorkbookIsRefused() throws Exception {
        Path plain;
        try (XSSFWorkbook wb = sample()) {
            plain = save(wb, "open.xlsx");
        }
        Path f = dir.resolve("geheim.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("geheim");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(Files.readAllBytes(plain));
            }
            try (OutputStream out = Files.newOutputStream(f)) {
                fs.writeFilesystem(out);
            }
        }
        String p = only(problems(f));
        assertTrue(p.startsWith("geheim.xlsx: ") && p.contains("versleuteld"), p);
    }

    @Test
    void zipBombIsRefused() throws Exception {
        byte[] good = Files.readAllBytes(Path.of("samples/kor-2017-voorbeeld-1.xlsx"));
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(good));
                ZipOutputStream out = new ZipOutputStream(bomb)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("xl/media/opvulling.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        Path f = dir.resolve("bom.xlsx");
        Files.write(f, bomb.toByteArray());
        assertTrue(Files.size(f) < 200_000);
        String p = only(problems(f));
        assertTrue(p.startsWith("bom.xlsx: ") && p.contains("zip-bom"), p);
    }

    @Test
    void inputFileIsNeverModified() throws Exception {
        Path f = dir.resolve("invoer.xlsx");
        Files.copy(Path.of("samples/kor-2017-voorbeeld-2.xlsx"), f);
        byte[] before = Files.readAllBytes(f);
        long modified = Files.getLastModifiedTime(f).toMillis();
        read(f);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(f)));
        assertEquals(modified, Files.getLastModifiedTime(f).toMillis());
    }
}
