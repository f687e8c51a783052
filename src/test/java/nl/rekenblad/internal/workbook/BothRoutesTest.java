package nl.rekenblad.internal.workbook;

import nl.rekenblad.api.Options;
import nl.rekenblad.testing.Route;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workbook rekenblad generates is the same whether it is written straight to the package or through POI's object
 * model: for every sample, both routes give the same sheets in the same order, the same cell values, types, cached
 * values and formulas, the same styles (font, fill, border, number format, alignment, protection, quote prefix), the
 * same defined names (print areas and titles too), widths, row heights, panes, merged cells, lists, page setup,
 * active sheet, recalculation flag and markers — all as POI reads them back.
 */
class BothRoutesTest {
    /** Every sample that is not a bookkeeper's workbook (that one has one route: POI keeps it as it is). */
    static Stream<org.junit.jupiter.params.provider.Arguments> outputs() throws Exception {
        return SchemaValidationTest.outputs().filter(a -> !a.get()[1].toString().endsWith(".xlsx"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outputs")
    void bothRoutesWriteTheSameWorkbook(String kind, Path sample, Options options) throws Exception {
        byte[] packageBytes = Route.PACKAGE.workbook(kind, sample, options);
        byte[] poiBytes = Route.OBJECT_MODEL.workbook(kind, sample, options);
        // Two routes indeed: POI always writes a shared-string table, the package writer none.
        assertTrue(ZipContent.of(poiBytes).containsKey("xl/sharedStrings.xml"), "POI's route");
        assertTrue(!ZipContent.of(packageBytes).containsKey("xl/sharedStrings.xml"), "the package route");
        List<String> viaPackage = describe(packageBytes);
        List<String> viaPoi = describe(poiBytes);
        assertTrue(viaPackage.size() > 50, "too little to compare: " + viaPackage);
        assertEquals(String.join("\n", viaPoi), String.join("\n", viaPackage), sample.toString());
    }

    static Stream<nl.rekenblad.api.Regulation> templates() {
        return SchemaValidationTest.templates();
    }

    @ParameterizedTest(name = "template {0}")
    @MethodSource("templates")
    void bothRoutesWriteTheSameTemplate(nl.rekenblad.api.Regulation r) throws Exception {
        byte[] viaPackage = template(Route.PACKAGE, r);
        byte[] viaPoi = template(Route.OBJECT_MODEL, r);
        assertTrue(ZipContent.of(viaPoi).containsKey("xl/sharedStrings.xml"), "POI's route");
        assertTrue(!ZipContent.of(viaPackage).containsKey("xl/sharedStrings.xml"), "the package route");
        assertEquals(String.join("\n", describe(viaPoi)), String.join("\n", describe(viaPackage)), r.name());
    }

    private static byte[] template(Route route, nl.rekenblad.api.Regulation r) throws Exception {
        return route.run(() -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            r.writeTemplate(out, Options.defaults());
            return out.toByteArray();
        });
    }

    /** Everything a reader sees of a workbook, one line per fact, in a fixed order. */
    static List<String> describe(byte[] xlsx) throws Exception {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                sheets.add(wb.getSheetName(i));
            }
            out.add("sheets " + sheets);
            out.add("active " + wb.getActiveSheetIndex());
            out.add("recalculate " + wb.getForceFormulaRecalculation());
            var custom = wb.getProperties().getCustomProperties().getUnderlyingProperties();
            for (var p : custom.getPropertyList()) {
                out.add("marker " + p.getName() + "=" + p.getLpwstr());
            }
            out.add("creator " + wb.getProperties().getCoreProperties().getCreator());
            Map<String, String> names = new TreeMap<>();
            for (Name n : wb.getAllNames()) {
                names.put(
                        n.getNameName() + (n.getSheetIndex() >= 0 ? "@" + n.getSheetIndex() : ""),
                        n.getRefersToFormula());
            }
            names.forEach((k, v) -> out.add("name " + k + " = " + v));
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                sheet(wb, wb.getSheetAt(i), out);
            }
        }
        return out;
    }

    private static void sheet(XSSFWorkbook wb, XSSFSheet sh, List<String> out) {
        String s = sh.getSheetName() + "!";
        out.add(s + "selected " + sh.isSelected());
        PaneInformation pane = sh.getPaneInformation();
        out.add(s + "pane "
                + (pane == null
                        ? "none"
                        : pane.getVerticalSplitPosition() + "," + pane.getHorizontalSplitPosition() + " frozen "
                                + pane.isFreezePane()));
        PrintSetup ps = sh.getPrintSetup();
        out.add(s + "print paper " + ps.getPaperSize() + " landscape " + ps.getLandscape() + " fit " + sh.getFitToPage()
                + " " + ps.getFitWidth() + "x" + ps.getFitHeight() + " scale " + ps.getScale());
        out.add(s + "ignored " + sh.getIgnoredErrors());
        List<String> merged = new ArrayList<>();
        for (CellRangeAddress r : sh.getMergedRegions()) {
            merged.add(r.formatAsString());
        }
        merged.sort(null);
        out.add(s + "merged " + merged);
        List<String> lists = new ArrayList<>();
        for (DataValidation dv : sh.getDataValidations()) {
            lists.add(Arrays.toString(dv.getRegions().getCellRangeAddresses()) + " "
                    + Arrays.toString(dv.getValidationConstraint().getExplicitListValues()) + " error box "
                    + dv.getShowErrorBox() + " blank " + dv.getEmptyCellAllowed());
        }
        lists.sort(null);
        out.add(s + "lists " + lists);
        int lastCol = 0;
        for (Row r : sh) {
            lastCol = Math.max(lastCol, r.getLastCellNum());
            if (((org.apache.poi.xssf.usermodel.XSSFRow) r).getCTRow().getCustomHeight()) {
                out.add(s + "row " + (r.getRowNum() + 1) + " height " + r.getHeightInPoints());
            }
            for (Cell c : r) {
                out.add(s + c.getAddress() + " " + value(c) + " | " + style((XSSFCellStyle) c.getCellStyle(), wb));
            }
        }
        for (int c = 0; c <= lastCol + 2; c++) {
            out.add(s + "width " + c + " = " + sh.getColumnWidth(c));
        }
    }

    private static String value(Cell c) {
        return switch (c.getCellType()) {
            case BLANK -> "blank";
            case STRING -> "text " + c.getStringCellValue();
            case NUMERIC -> "number " + c.getNumericCellValue();
            case BOOLEAN -> "boolean " + c.getBooleanCellValue();
            case FORMULA -> "formula " + c.getCellFormula() + " cached " + cached(c);
            default -> c.getCellType().name();
        };
    }

    private static String cached(Cell c) {
        CellType t = c.getCachedFormulaResultType();
        return switch (t) {
            case NUMERIC -> "number " + c.getNumericCellValue();
            case STRING -> "text " + c.getStringCellValue();
            case BOOLEAN -> "boolean " + c.getBooleanCellValue();
            default -> t.name();
        };
    }

    private static String style(XSSFCellStyle st, XSSFWorkbook wb) {
        XSSFFont f = st.getFont();
        return "font " + f.getFontName() + " " + f.getFontHeightInPoints() + (f.getBold() ? " bold" : "")
                + (f.getItalic() ? " italic" : "") + " colour " + f.getColor()
                + " fill " + st.getFillPattern() + " " + st.getFillForegroundColor()
                + " border top " + st.getBorderTop() + " bottom " + st.getBorderBottom()
                + " left " + st.getBorderLeft() + " right " + st.getBorderRight()
                + " format " + st.getDataFormatString()
                + " align " + st.getAlignment() + " " + st.getVerticalAlignment() + (st.getWrapText() ? " wrap" : "")
                + (st.getLocked() ? " locked" : " unlocked") + (st.getQuotePrefixed() ? " quoted" : "");
    }
}
