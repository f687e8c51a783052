package nl.rekenblad.internal.workbook;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.testing.Route;
import nl.rekenblad.vu.VuRegulation;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 25: what a sheet shows adds up. For every formula that adds or subtracts cells on its own sheet (a SUM over one
 * range, or a chain like {@code B7-B8+B9}) whose cell shows euros and cents, the figures as shown (each rounded to the
 * cent) must add up to the result as shown. A bookkeeper who checks a total with a calculator finds what the sheet says.
 */
class ShownFiguresAddUpTest {
    private static final Pattern SUM = Pattern.compile("SUM\\(([A-Z]+)(\\d+):([A-Z]+)(\\d+)\\)");
    private static final Pattern CHAIN = Pattern.compile("([A-Z]+\\d+)(?:[+-][A-Z]+\\d+)+");
    private static final Pattern TERM = Pattern.compile("([+-]?)([A-Z]+\\d+)");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kor-2017-voorbeeld-1.csv",
                "kor-2017-voorbeeld-2.csv",
                "kor-2018-teruggaaf.csv",
                "kor-2019-fictieve-btw.csv",
                "kor-2025-vrijstelling.csv",
                "kia-2024-2025-register.csv",
                "winst-2025.csv",
                "winst-2025-volledig.csv",
                "btw-2025-journaal.csv",
                "auditfile-2025.xaf",
                "vu-2026.csv"
            })
    void theShownFiguresOfEverySumAddUp(String sample) throws Exception {
        for (Route route : Route.values()) {
            route.run(() -> {
                check(sample, route);
                return null;
            });
        }
    }

    private static void check(String sample, Route route) throws Exception {
        String name = sample.split("-")[0].equals("auditfile") ? "btw" : sample.split("-")[0];
        Options o = Options.builder()
                .set(VuRegulation.WAGENS, Source.of(Path.of("samples/vu-2026-wagens.csv")))
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Outcome<?> out = Rekenblad.regulation(name).run(Source.of(Path.of("samples", sample)), o)) {
            out.writeWorkbook(bytes);
        }
        List<String> off = new ArrayList<>();
        int checked = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (Sheet sh : wb) {
                for (Row r : sh) {
                    for (Cell c : r) {
                        if (c.getCellType() != CellType.FORMULA
                                || c.getCachedFormulaResultType() != CellType.NUMERIC
                                || !c.getCellStyle().getDataFormatString().contains("0.00")
                                || c.getCellStyle().getDataFormatString().contains("%")) {
                            continue;
                        }
                        String f = c.getCellFormula().replace("$", "");
                        List<String[]> terms = new ArrayList<>();
                        Matcher sum = SUM.matcher(f);
                        if (sum.matches() && sum.group(1).equals(sum.group(3))) {
                            for (int i = Integer.parseInt(sum.group(2)); i <= Integer.parseInt(sum.group(4)); i++) {
                                terms.add(new String[] {"+", sum.group(1) + i});
                            }
                        } else if (CHAIN.matcher(f).matches()) {
                            Matcher t = TERM.matcher(f);
                            while (t.find()) {
                                terms.add(new String[] {t.group(1).isEmpty() ? "+" : t.group(1), t.group(2)});
                            }
                        } else {
                            continue;
                        }
                        BigDecimal shown = BigDecimal.ZERO;
                        for (String[] t : terms) {
                            CellReference ref = new CellReference(t[1]);
                            Row tr = sh.getRow(ref.getRow());
                            Cell tc = tr == null ? null : tr.getCell(ref.getCol());
                            if (tc == null
                                    || (tc.getCellType() != CellType.NUMERIC
                                            && !(tc.getCellType() == CellType.FORMULA
                                                    && tc.getCachedFormulaResultType() == CellType.NUMERIC))) {
                                continue;
                            }
                            BigDecimal v = cents(tc.getNumericCellValue());
                            shown = t[0].equals("-") ? shown.subtract(v) : shown.add(v);
                        }
                        checked++;
                        if (shown.compareTo(cents(c.getNumericCellValue())) != 0) {
                            off.add(sh.getSheetName() + "!" + c.getAddress() + " = " + f + ": shows "
                                    + cents(c.getNumericCellValue()) + ", its shown terms add up to " + shown);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 0, sample + ": no sums found to check");
        assertEquals(List.of(), off, sample + " (" + route + ")");
    }

    private static BigDecimal cents(double v) {
        return new BigDecimal(Double.toString(v)).setScale(2, RoundingMode.HALF_UP);
    }
}
