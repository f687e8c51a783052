package nl.rekenblad.internal.workbook;

import nl.rekenblad.kia.KiaFiles;
import nl.rekenblad.kor.KorFiles;
import nl.rekenblad.kor.KorInput;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The input sheet of a CSV run is built as generated cells; it must be the very sheet POI's model gives. */
class TemplateCellsTest {

    private static XSSFWorkbook reopen(OutputWorkbook wb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.save(out);
        wb.close();
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    /** Every cell of the sheet: address, type, value, number format, font, fill, lock; and the sheet's other parts. */
    static List<String> describe(XSSFWorkbook wb, String sheet) {
        XSSFSheet sh = wb.getSheet(sheet);
        List<String> lines = new ArrayList<>();
        for (Row r : sh) {
            for (Cell c : r) {
                XSSFCellStyle s = (XSSFCellStyle) c.getCellStyle();
                String value = switch (c.getCellType()) {
                    case NUMERIC -> String.valueOf(c.getNumericCellValue());
                    case STRING -> c.getStringCellValue();
                    case BLANK -> "";
                    default -> c.getCellType() + ":" + c;
                };
                lines.add(c.getAddress() + " " + c.getCellType() + " [" + value + "] fmt=" + s.getDataFormatString()
                        + " bold=" + s.getFont().getBold() + " size="
                        + s.getFont().getFontHeightInPoints()
                        + " fill=" + s.getFillForegroundColor() + " locked=" + s.getLocked() + " wrap="
                        + s.getWrapText()
                        + " h=" + r.getHeightInPoints());
            }
        }
        lines.add("merged " + sh.getMergedRegions());
        lines.add("validations " + sh.getDataValidations().size());
        lines.add("panes " + sh.getPaneInformation().getVerticalSplitPosition() + ","
                + sh.getPaneInformation().getHorizontalSplitPosition());
        for (int i = 0; i < 12; i++) {
            lines.add("width " + i + " " + sh.getColumnWidth(i));
        }
        lines.add("names "
                + wb.getAllNames().stream()
                        .map(n -> n.getNameName() + "=" + n.getRefersToFormula())
                        .sorted()
                        .collect(Collectors.joining(", ")));
        return lines;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kor-2017-voorbeeld-1.csv",
                "kor-2017-voorbeeld-2.csv",
                "kor-2018-teruggaaf.csv",
                "kor-2019-fictieve-btw.csv",
                "kor-2025-vrijstelling.csv"
            })
    void korInputSheetAsGeneratedCellsIsTheSheetPoisModelGives(String sample) throws Exception {
        KorInput in = KorFiles.read(Path.of("samples", sample));
        try (XSSFWorkbook poi = reopen(KorFiles.filled(in));
                XSSFWorkbook generated = reopen(KorFiles.forOutput(in))) {
            List<String> want = describe(poi, KorFiles.INVOER);
            assertTrue(want.size() > 100, "the sheet has its cells: " + want.size());
            assertEquals(want, describe(generated, KorFiles.INVOER));
        }
    }

    @org.junit.jupiter.api.Test
    void kiaRegisterAsGeneratedCellsIsTheSheetPoisModelGives() throws Exception {
        nl.rekenblad.kia.KiaInput in = KiaFiles.read(Path.of("samples", "kia-2024-2025-register.csv"));
        try (XSSFWorkbook poi = reopen(KiaFiles.filled(in));
                XSSFWorkbook generated = reopen(KiaFiles.forOutput(in))) {
            List<String> want = describe(poi, KiaFiles.REGISTER);
            assertTrue(want.size() > 300, "the register has its cells: " + want.size());
            assertEquals(want, describe(generated, KiaFiles.REGISTER));
        }
    }
}
