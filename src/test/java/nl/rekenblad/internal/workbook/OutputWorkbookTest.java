package nl.rekenblad.internal.workbook;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputWorkbookTest {

    private static XSSFWorkbook reopen(byte[] bytes) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static byte[] save(OutputWorkbook wb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.save(out);
        return out.toByteArray();
    }

    private static String part(byte[] xlsx, String name) throws Exception {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no part " + name);
    }

    @Test
    void generatedCellsAreReadBackByPoiWithTheirTypesStylesAndCachedValues() throws Exception {
        byte[] bytes;
        try (OutputWorkbook wb = OutputWorkbook.createInObjectModel()) {
            Styles st = wb.styles();
            wb.poi().createSheet("Invoer").createRow(0).createCell(0).setCellValue(40);
            SheetCells c = wb.createGeneratedSheet("Uitkomst");
            c.settings().width(1, 20);
            c.text(0, 0, "Omzet & btw <rubriek 1a> \"hoog\"", st.get(Styles.Kind.TITLE));
            c.text(1, 0, "  spaties blijven ", null);
            c.text(2, 0, "regel\u0001met stuurteken", null);
            c.number(3, 1, new BigDecimal("1234.560"), st.get(Styles.Kind.MONEY));
            c.bool(4, 1, true, null);
            c.formula(5, 1, "Invoer!A1*2", new BigDecimal("80"), st.get(Styles.Kind.MONEY));
            c.formula(6, 1, "B6>50", Boolean.TRUE, null);
            c.formula(7, 1, "IF(B6>50,\"ja\",\"nee\")", "ja", null);
            c.blank(8, 1, st.get(Styles.Kind.MONEY_INPUT));
            c.height(9, 30f);
            bytes = save(wb);
        }
        try (XSSFWorkbook wb = reopen(bytes)) {
            XSSFSheet sh = wb.getSheet("Uitkomst");
            assertEquals(
                    "Omzet & btw <rubriek 1a> \"hoog\"", sh.getRow(0).getCell(0).getStringCellValue());
            assertEquals(
                    14,
                    wb.getFontAt(sh.getRow(0).getCell(0).getCellStyle().getFontIndex())
                            .getFontHeightInPoints());
            assertEquals("  spaties blijven ", sh.getRow(1).getCell(0).getStringCellValue());
            assertEquals("regel\uFFFDmet stuurteken", sh.getRow(2).getCell(0).getStringCellValue());
            assertEquals(1234.56, sh.getRow(3).getCell(1).getNumericCellValue());
            assertEquals(
                    Styles.MONEY_FORMAT, sh.getRow(3).getCell(1).getCellStyle().getDataFormatString());
            assertTrue(sh.getRow(4).getCell(1).getBooleanCellValue());
            XSSFCell f = sh.getRow(5).getCell(1);
            assertEquals("Invoer!A1*2", f.getCellFormula());
            assertEquals(CellType.NUMERIC, f.getCachedFormulaResultType());
            assertEquals(80.0, f.getNumericCellValue());
            assertEquals(CellType.BOOLEAN, sh.getRow(6).getCell(1).getCachedFormulaResultType());
            assertEquals("ja", sh.getRow(7).getCell(1).getStringCellValue());
            assertEquals(CellType.BLANK, sh.getRow(8).getCell(1).getCellType());
            assertFalse(sh.getRow(8).getCell(1).getCellStyle().getLocked());
            assertEquals(30f, sh.getRow(9).getHeightInPoints());
            assertEquals(20 * 256, sh.getColumnWidth(1), "sheet settings made through POI are kept");
            // POI's evaluator agrees with the cached values.
            XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            assertEquals(80.0, ev.evaluate(f).getNumberValue());
            assertEquals("ja", ev.evaluate(sh.getRow(7).getCell(1)).getStringValue());
        }
        String xml = part(bytes, "xl/worksheets/sheet2.xml");
        assertTrue(xml.contains("<dimension ref=\"A1:B9\"/>"), xml);
        assertTrue(xml.contains("<v>1234.56</v>"), "the exact decimal, trailing zeros dropped: " + xml);
    }

    @Test
    void aWorkbookWrittenStraightToThePackageIsReadBackByPoiWithEverySetting() throws Exception {
        byte[] bytes;
        try (OutputWorkbook wb = OutputWorkbook.create()) {
            assertFalse(wb.isObjectModel());
            assertThrows(IllegalStateException.class, wb::poi, "no POI model behind it");
            Styles st = wb.styles();
            SheetCells in = wb.createGeneratedSheet("Invoer");
            in.number(0, 0, new BigDecimal("40"), st.get(Styles.Kind.MONEY_INPUT));
            in.text(1, 0, "=SOM(A1) blijft tekst", null);
            in.text(2, 0, "€ 1.234,56 − 3 × 2 café \uD83D\uDE00 ctrl\u0007", st.get(Styles.Kind.WRAP));
            in.settings().width(0, 30);
            in.settings().freeze(1, 2);
            in.settings().merge(4, 4, 0, 2);
            in.settings().choices(5, 9, 1, 1, java.util.List.of("ja", "nee"));
            in.settings().pageSetup();
            wb.reserveSheet("Uitkomst");
            SheetCells out = wb.createGeneratedSheet("Uitkomst");
            out.formula(0, 0, "Invoer!A1*2", new BigDecimal("80"), st.get(Styles.Kind.MONEY_TOTAL));
            out.settings().pageSetup(20);
            out.settings().printArea(3, 9);
            wb.defineName("Invoer_Bedrag", "Invoer", new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 0));
            wb.defineName("Weg", "Invoer!$A$2");
            wb.removeName("Weg");
            wb.defineName("Dubbel", "Invoer!$A$2");
            wb.defineName("DUBBEL", "Invoer!$A$3");
            wb.mark("rekenblad-test", "Uitkomst");
            wb.openOn("Uitkomst");
            wb.recalculateOnLoad();
            assertEquals(java.util.List.of("Invoer", "Uitkomst"), wb.sheetNames());
            assertEquals(java.util.Optional.of("Invoer!$A$1"), wb.refersTo("invoer_bedrag"));
            assertTrue(wb.hasMarker("rekenblad-test"));
            bytes = save(wb);
        }
        SchemaValidationTest.assertValid(bytes, "package");
        try (XSSFWorkbook wb = reopen(bytes)) {
            XSSFSheet in = wb.getSheet("Invoer");
            assertEquals(40.0, in.getRow(0).getCell(0).getNumericCellValue());
            assertFalse(in.getRow(0).getCell(0).getCellStyle().getLocked());
            assertEquals("=SOM(A1) blijft tekst", in.getRow(1).getCell(0).getStringCellValue());
            assertTrue(in.getRow(1).getCell(0).getCellStyle().getQuotePrefixed());
            assertEquals(
                    "€ 1.234,56 − 3 × 2 café \uD83D\uDE00 ctrl\uFFFD",
                    in.getRow(2).getCell(0).getStringCellValue());
            assertTrue(in.getRow(2).getCell(0).getCellStyle().getWrapText());
            assertEquals(30 * 256, in.getColumnWidth(0));
            assertEquals(1, in.getPaneInformation().getVerticalSplitPosition());
            assertEquals(2, in.getPaneInformation().getHorizontalSplitPosition());
            assertEquals("A5:C5", in.getMergedRegion(0).formatAsString());
            assertEquals(
                    java.util.List.of("ja", "nee"),
                    java.util.List.of(in.getDataValidations()
                            .get(0)
                            .getValidationConstraint()
                            .getExplicitListValues()));
            assertTrue(in.getFitToPage());
            assertTrue(in.getPrintSetup().getLandscape());
            XSSFSheet out = wb.getSheet("Uitkomst");
            XSSFCell f = out.getRow(0).getCell(0);
            assertEquals("Invoer!A1*2", f.getCellFormula());
            assertEquals(80.0, f.getNumericCellValue());
            assertEquals(Styles.MONEY_FORMAT, f.getCellStyle().getDataFormatString());
            assertTrue(wb.getFontAt(f.getCellStyle().getFontIndex()).getBold());
            assertFalse(out.getFitToPage(), "20 columns print at full size");
            assertEquals("Uitkomst!$A$1:$D$10", wb.getPrintArea(1));
            assertEquals("A:A", out.getRepeatingColumns().formatAsString());
            assertEquals("Invoer!$A$1", wb.getName("Invoer_Bedrag").getRefersToFormula());
            assertEquals(null, wb.getName("Weg"));
            assertEquals(1, wb.getNames("Dubbel").size(), "a name differing only in case replaces the other");
            assertEquals("Invoer!$A$3", wb.getName("Dubbel").getRefersToFormula());
            assertEquals(1, wb.getActiveSheetIndex());
            assertTrue(wb.getForceFormulaRecalculation());
            assertTrue(wb.getProperties().getCustomProperties().contains("rekenblad-test"));
            XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            assertEquals(80.0, ev.evaluate(f).getNumberValue());
        }
        String xml = part(bytes, "xl/worksheets/sheet1.xml");
        assertTrue(xml.contains("&#8364; 1.234,56 &#8722;"), "beyond Latin-1 as character references: " + xml);
    }

    @Test
    void generatedSheetInAStreamedWorkbookIsFilledToo() throws Exception {
        byte[] bytes;
        try (OutputWorkbook wb = OutputWorkbook.createInObjectModel()) {
            wb.poi().createSheet("Boekingen");
            SXSSFWorkbook streamed = wb.streamed();
            streamed.getSheet("Boekingen").createRow(0).createCell(0).setCellValue("regel 1");
            SheetCells c = wb.createGeneratedSheet("Aangifte");
            c.text(0, 0, "Aangifte", null);
            c.formula(1, 0, "COUNTA(Boekingen!A:A)", new BigDecimal("1"), null);
            bytes = save(wb);
        }
        try (XSSFWorkbook wb = reopen(bytes)) {
            assertEquals(
                    "regel 1", wb.getSheet("Boekingen").getRow(0).getCell(0).getStringCellValue());
            assertEquals(
                    "Aangifte", wb.getSheet("Aangifte").getRow(0).getCell(0).getStringCellValue());
            assertEquals(1.0, wb.getSheet("Aangifte").getRow(1).getCell(0).getNumericCellValue());
        }
    }

    @Test
    void removingAGeneratedSheetDropsItsCells() throws Exception {
        byte[] bytes;
        try (OutputWorkbook wb = OutputWorkbook.createInObjectModel()) {
            wb.poi().createSheet("Invoer");
            wb.createGeneratedSheet("Oud").text(0, 0, "weg", null);
            wb.removeSheet("Oud");
            SheetCells c = wb.createGeneratedSheet("Oud");
            c.text(0, 0, "nieuw", null);
            bytes = save(wb);
        }
        try (XSSFWorkbook wb = reopen(bytes)) {
            assertEquals("nieuw", wb.getSheet("Oud").getRow(0).getCell(0).getStringCellValue());
        }
    }

    @Test
    void aSheetWithCellsInPoisModelCannotBecomeAGeneratedOne() throws Exception {
        try (OutputWorkbook wb = OutputWorkbook.createInObjectModel()) {
            wb.poi().createSheet("Invoer").createRow(0).createCell(0).setCellValue(1);
            assertThrows(IllegalStateException.class, () -> wb.createGeneratedSheet("Invoer"));
        }
    }

    @Test
    void workbookWithoutGeneratedSheetsIsSavedAsPoiWritesIt() throws Exception {
        try (OutputWorkbook wb = OutputWorkbook.createInObjectModel()) {
            wb.poi().createSheet("Invoer").createRow(0).createCell(0).setCellValue("x");
            try (XSSFWorkbook back = reopen(save(wb))) {
                assertEquals("x", back.getSheet("Invoer").getRow(0).getCell(0).getStringCellValue());
            }
        }
    }

    @Test
    void theOnlyWayOutIsSave() throws Exception {
        // A wrapper, not a POI workbook: nothing can write it past its generated sheets.
        assertFalse(org.apache.poi.ss.usermodel.Workbook.class.isAssignableFrom(OutputWorkbook.class));
        for (java.lang.reflect.Method m : OutputWorkbook.class.getMethods()) {
            assertFalse(m.getName().equals("write") || m.getName().equals("commit"), m.toString());
        }
        try (OutputWorkbook wb = OutputWorkbook.createInObjectModel()) {
            wb.createGeneratedSheet("Uitkomst").text(0, 0, "x", null);
            try (XSSFWorkbook back = reopen(save(wb))) {
                assertEquals("x", back.getSheet("Uitkomst").getRow(0).getCell(0).getStringCellValue());
            }
        }
    }

    @Test
    void sheetDataIsFoundAsAnElementHoweverItIsWritten() throws Exception {
        try (OutputWorkbook wb = OutputWorkbook.createInObjectModel()) {
            SheetCells c = wb.createGeneratedSheet("Uitkomst");
            c.text(2, 1, "x", null);
            String ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            String[] written = {
                "<worksheet xmlns=\"" + ns
                        + "\"><dimension ref=\"A1\"/><sheetData/><pageMargins left=\"0.7\"/></worksheet>",
                "<worksheet xmlns=\"" + ns
                        + "\">\n  <dimension ref=\"A1\" />\n  <sheetData>\n</sheetData>\n</worksheet>",
                "<x:worksheet xmlns:x=\"" + ns + "\"><x:sheetData></x:sheetData><!-- <sheetData/> --></x:worksheet>",
            };
            for (String xml : written) {
                String out = SheetXml.withCells(xml, c, "test");
                assertTrue(out.contains("<c r=\"B3\""), out);
                assertEquals(1, out.split("<sheetData>", -1).length - 1, out);
            }
            assertTrue(SheetXml.withCells(written[0], c, "test").contains("<dimension ref=\"B3:B3\"/>"));
            assertTrue(SheetXml.withCells(written[0], c, "test")
                    .endsWith("</sheetData><pageMargins left=\"0.7\"/></worksheet>"));
            assertThrows(
                    IllegalStateException.class,
                    () -> SheetXml.withCells("<worksheet xmlns=\"" + ns + "\"/>", c, "test"));
        }
    }

    @Test
    void aBlockIsMadeWhileSavingAndSitsBesideKeptCellsInColumnOrder() throws Exception {
        try (OutputWorkbook wb = OutputWorkbook.createInObjectModel()) {
            SheetCells c = wb.createGeneratedSheet("Tabel");
            c.text(0, 0, "Kop", null);
            c.text(2, 5, "rechts", null);
            int[] made = new int[1];
            // Rows 1-3, columns B-C; a second block beside it in column D; row 2 also has a kept cell in F.
            c.block(1, 3, 1, 2, (k, out) -> {
                made[0]++;
                out.number(1, BigDecimal.valueOf(k + 1), null);
                out.formula(2, "B" + (k + 2) + "*2", BigDecimal.valueOf(2L * (k + 1)), null);
            });
            c.block(1, 3, 3, 3, (k, out) -> out.text(3, "rij " + k, null));
            assertEquals("rij 1", c.textAt(2, 3));
            assertTrue(c.filledAt(3, 1));
            assertFalse(c.filledAt(3, 4));
            assertEquals(3, c.lastRow());
            made[0] = 0;
            byte[] bytes = save(wb);
            assertEquals(3, made[0], "each block row is made once while saving");
            String xml = part(bytes, "xl/worksheets/sheet1.xml");
            assertTrue(
                    xml.contains("<row r=\"3\"><c r=\"B3\"><v>2</v></c><c r=\"C3\"><f>B3*2</f><v>4</v></c>"
                            + "<c r=\"D3\" t=\"inlineStr\"><is><t>rij 1</t></is></c><c r=\"F3\" t=\"inlineStr\"><is><t>rechts</t>"
                            + "</is></c></row>"),
                    xml);
            assertTrue(xml.contains("<dimension ref=\"A1:F4\"/>"), xml);
            try (XSSFWorkbook back = reopen(bytes)) {
                XSSFSheet sh = back.getSheet("Tabel");
                assertEquals(3.0, sh.getRow(3).getCell(1).getNumericCellValue());
                assertEquals("B4*2", sh.getRow(3).getCell(2).getCellFormula());
                assertEquals(
                        6.0,
                        new XSSFFormulaEvaluator(back)
                                .evaluate(sh.getRow(3).getCell(2))
                                .getNumberValue());
            }
        }
    }

    @Test
    void blocksThatShareCellsOrAKeptCellInsideABlockAreRefused() throws Exception {
        try (OutputWorkbook wb = OutputWorkbook.createInObjectModel()) {
            SheetCells c = wb.createGeneratedSheet("Tabel");
            c.block(1, 3, 1, 2, (k, out) -> out.number(1, BigDecimal.ONE, null));
            assertThrows(IllegalStateException.class, () -> c.block(3, 2, 2, 4, (k, out) -> {}));
            c.text(2, 2, "binnen het blok", null);
            assertThrows(IllegalStateException.class, () -> save(wb));
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("langzaam")
    void aLargeBlockIsWrittenWithoutKeepingItsRows() throws Exception {
        try (OutputWorkbook wb = OutputWorkbook.createInObjectModel()) {
            SheetCells c = wb.createGeneratedSheet("Groot");
            int rows = 200_000;
            c.block(0, rows, 0, 1, (k, out) -> {
                out.text(0, "regel € " + k, null);
                out.formula(1, "ROW()", BigDecimal.valueOf(k + 1), null);
            });
            byte[] bytes = save(wb);
            String xml = part(bytes, "xl/worksheets/sheet1.xml");
            assertTrue(xml.contains("<dimension ref=\"A1:B200000\"/>"));
            // The euro sign as a character reference: the text stays one byte per character while it is written.
            assertTrue(xml.contains("<c r=\"A200000\" t=\"inlineStr\"><is><t>regel &#8364; 199999</t></is></c>"));
            assertEquals(rows, xml.split("<row ", -1).length - 1);
        }
    }

    @Test
    void appendedRowsAreCopiedInUnderTheKeptOnesAndTheirFileGoesWithTheWorkbook() throws Exception {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        java.util.function.Supplier<java.util.Set<String>> rowFiles = () -> {
            try (var s = java.nio.file.Files.list(tmp)) {
                return s.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("rekenblad-rijen"))
                        .collect(java.util.stream.Collectors.toSet());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        java.util.Set<String> before = rowFiles.get();
        byte[] bytes;
        try (OutputWorkbook wb = OutputWorkbook.createInObjectModel()) {
            SheetCells c = wb.createGeneratedSheet("Boekingen");
            c.text(0, 0, "omschrijving", null);
            c.text(0, 1, "bedrag", null);
            SheetCells.Appender rows = c.appender(1);
            for (int i = 0; i < 3; i++) {
                rows.row();
                rows.text(0, "=SOM(A1) regel " + i, null);
                rows.number(1, new BigDecimal("12.50").multiply(BigDecimal.valueOf(i)), null);
            }
            assertEquals(3, rows.rows());
            assertEquals(1, rowFiles.get().size() - before.size(), "the rows wait in a temporary file");
            bytes = save(wb);
        }
        assertEquals(before, rowFiles.get(), "the file is gone once the workbook is closed");
        String xml = part(bytes, "xl/worksheets/sheet1.xml");
        assertTrue(xml.contains("<dimension ref=\"A1:B4\"/>"), xml);
        try (XSSFWorkbook back = reopen(bytes)) {
            XSSFSheet sh = back.getSheet("Boekingen");
            assertEquals("omschrijving", sh.getRow(0).getCell(0).getStringCellValue());
            // A text that looks like a formula stays text.
            assertEquals(CellType.STRING, sh.getRow(3).getCell(0).getCellType());
            assertEquals("=SOM(A1) regel 2", sh.getRow(3).getCell(0).getStringCellValue());
            assertEquals(25.0, sh.getRow(3).getCell(1).getNumericCellValue());
        }
    }
}
