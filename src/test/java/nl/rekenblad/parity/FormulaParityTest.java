package nl.rekenblad.parity;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.btw.BtwRegulation;
import nl.rekenblad.core.Money;
import nl.rekenblad.testing.Route;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java figures and the formulas in the workbook agree to the cent, for every sample: the
 * output's cached values are first scrambled, then recalculated by LibreOffice headless (forced
 * recalculation on load) and by POI's evaluator, and every named result and every formula cell
 * must come back to the value Java computed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("langzaam")
class FormulaParityTest {
    private static final BigDecimal CENT = new BigDecimal("0.005");

    @TempDir
    static Path work;

    /** One sample: its Java result, its output with Java's cached values, and LibreOffice's recalculation. */
    record Case(String name, Map<String, Money> named, Path output, Path scrambled, Path recalculated) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Case> cases = new ArrayList<>();

    /** S values at and around the statutory band edges (the year adds 1000 − 1000 + 0.1 − 0.1 + 0.2 − 0.2). */
    private static final List<String> BOUNDARIES =
            List.of("1345", "1345.01", "1346", "1500", "1655.30", "1882", "1882.99", "1883", "1882.6", "-250.75");

    @BeforeAll
    void produceAndRecalculateEverySample() throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.list(Path.of("samples"))) {
            samples = s.filter(p -> p.toString().endsWith(".csv")
                            || p.toString().endsWith(".xlsx")
                            || p.toString().endsWith(".xaf"))
                    .sorted()
                    .toList();
        }
        assertFalse(samples.isEmpty(), "no samples");
        samples = new ArrayList<>(samples);
        // The band edges of the old KOR, where ROUNDUP on binary doubles could differ from BigDecimal.
        Files.createDirectories(work.resolve("grenzen"));
        for (String s : BOUNDARIES) {
            Path csv = work.resolve("grenzen").resolve("kor-2015-s-" + s + ".csv");
            Files.writeString(
                    csv,
                    "periode,rubriek,omzet,btw\n2015-Q1,1a,,1000\n2015-Q2,1a,," + s
                            + "\n2015-Q2,5b,,1000.00\n2015-Q3,1a,,0.1\n2015-Q3,5b,,0.1\n2015-Q4,1d,,0.2\n2015-Q4,5b,,0.2\n");
            samples.add(csv);
        }
        // Exactly at the omzetgrens, from amounts whose binary sums are not exact.
        Path precies = work.resolve("grenzen").resolve("kor-2024-precies-op-grens.csv");
        Files.writeString(
                precies,
                "periode,rubriek,omzet,btw\n2024-Q1,1a,4999.99,1050\n2024-Q2,1b,5000.01,450\n"
                        + "2024-Q3,1a,0.1,0.02\n2024-Q3,3b,0.2,\n2024-Q4,1a,9999.7,2099.94\n");
        samples.add(precies);
        // Issue 21's rules: cars by their date of first registration, and the VU's 1201 balance, cheques and old rules.
        String[][] autos = {
            {"2021", "2016-11-15", "nee", "autoPercentageOud,14\n"}, // old percentage, then 25%
            {"2023", "2016-03-20", "ja", ""}, // zero-emission before 2017: 25% − discount
            {"2022", "2020-05-01", "zonnecel", ""}, // solar cells, capped in a 2020 period
            {"2026", "2010-07-15", "nee", "autoYoungtimerOvergang,ja\nautoWaardeEconomischVerkeer,8000\n"},
            {"2025", "2020-03-07", "ja", ""}
        }; // the period from the month after registration
        for (String[] a : autos) {
            Path csv = work.resolve("grenzen").resolve("winst-" + a[0] + "-auto-" + a[1] + ".csv");
            Files.writeString(
                    csv,
                    "veld,waarde\njaar," + a[0] + "\nwinst,60000\nuren,1400\nautoCataloguswaarde,50000\n"
                            + "autoToelating," + a[1] + "\nautoEmissievrij," + a[2]
                            + "\nautoKosten,30000\nautoPriveKm,5000\n" + a[3]);
            samples.add(csv);
        }
        Path vu = work.resolve("grenzen").resolve("vu-2025-regels.csv");
        Files.writeString(
                vu,
                "aanslagjaar,2025\nrekening,omschrijving,bedrag,soort,aantal,percentage,waarde\n"
                        + "1,Voorafbetaling,1000,vennootschapsbelasting,,,\n2,Terugbetaling,-3000,vennootschapsbelasting,,,\n"
                        + "3,Cheques,891,maaltijdcheque,100,,10\n4,Cheques,691,maaltijdcheque,100,,8\n5,Rente,1000,intrest,,10,\n"
                        + "6,Leegstand,350,eigenlijke-gewestbelasting,,,\n");
        samples.add(vu);
        // Issue 25: 511 cost lines alternating restaurant and aftrekbaar (a SUM of 256 arguments before): the code
        // totals are one SUMIFS each, and LibreOffice gives the Java figures.
        StringBuilder lang = new StringBuilder("aanslagjaar,2026\nrekening,omschrijving,bedrag,soort\n");
        for (int i = 0; i < 511; i++) {
            lang.append(600000 + i)
                    .append(",Kost ")
                    .append(i)
                    .append(",")
                    .append(100 + i % 7)
                    .append(".25,")
                    .append(i % 2 == 0 ? "restaurant" : "aftrekbaar")
                    .append('\n');
        }
        Path vuLang = work.resolve("grenzen").resolve("vu-2026-511-regels.csv");
        Files.writeString(vuLang, lang);
        samples.add(vuLang);
        List<Path> scrambled = new ArrayList<>();
        List<Object[]> pending = new ArrayList<>();
        Files.createDirectories(work.resolve("scrambled"));
        for (Path sample : samples) {
            if (sample.getFileName().toString().contains("wagens")) {
                continue; // the cars of the vu sample, read through it
            }
            // Both routes a generated workbook can take: straight to the package and through POI's model.
            for (Route route : Route.values()) {
                String name = sample.getFileName().toString() + (route == Route.PACKAGE ? "" : " (POI-model)");
                String file = sample.getFileName().toString() + (route == Route.PACKAGE ? "" : ".poi");
                Path out = work.resolve(file + ".kor.xlsx");
                Path scr = work.resolve("scrambled").resolve(file + ".kor.xlsx");
                // The regulation by recognition, else by the sample's name (kor-…, winst-…: batch leaves winst to
                // the user).
                String base = sample.getFileName().toString();
                Regulation regulation = Rekenblad.recognise(Source.of(sample))
                        .map(Regulation.class::cast)
                        .orElseGet(() -> Rekenblad.regulation(base.substring(0, base.indexOf('-'))));
                // btw also runs the KOR over its periods, so the KOR sheets added to a return are checked too.
                Options options = Options.builder().set(BtwRegulation.KOR, true).build();
                route.run(() -> {
                    try (Outcome<?> o = regulation.run(Source.of(sample), options)) {
                        o.save(out);
                        assertFalse(o.namedResults().isEmpty(), name + " names its results");
                        pending.add(new Object[] {name, o.namedResults(), out, scr});
                    }
                    return null;
                });
                scramble(out, scr);
                scrambled.add(scr);
            }
        }
        List<Path> recalculated = LibreOffice.recalculate(scrambled, work);
        for (int i = 0; i < pending.size(); i++) {
            Object[] p = pending.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Money> named = (Map<String, Money>) p[1];
            cases.add(new Case((String) p[0], named, (Path) p[2], (Path) p[3], recalculated.get(i)));
        }
    }

    List<Case> cases() {
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void libreOfficeGivesTheJavaFigureForEveryNamedResult(Case c) throws Exception {
        try (XSSFWorkbook lo = open(c.recalculated())) {
            for (Map.Entry<String, Money> e : c.named().entrySet()) {
                assertCents(e.getValue().amount(), numberAt(lo, e.getKey()), c + " › " + e.getKey() + " (LibreOffice)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void poiEvaluatorGivesTheJavaFigureForEveryNamedResult(Case c) throws Exception {
        try (XSSFWorkbook wb = open(c.scrambled())) {
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            for (Map.Entry<String, Money> e : c.named().entrySet()) {
                assertCents(e.getValue().amount(), numberAt(wb, e.getKey()), c + " › " + e.getKey() + " (POI)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void libreOfficeAgreesWithEveryCachedFormulaValue(Case c) throws Exception {
        try (XSSFWorkbook ours = open(c.output());
                XSSFWorkbook lo = open(c.recalculated())) {
            assertTrue(compareFormulaCells(ours, lo, c + " (LibreOffice)") > 20, "too few formula cells compared");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void poiEvaluatorAgreesWithEveryCachedFormulaValue(Case c) throws Exception {
        try (XSSFWorkbook ours = open(c.output());
                XSSFWorkbook wb = open(c.scrambled())) {
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            assertTrue(compareFormulaCells(ours, wb, c + " (POI)") > 20, "too few formula cells compared");
        }
    }

    /** Every formula cell of our output: the cached (Java) value equals the engine's value. */
    private static int compareFormulaCells(XSSFWorkbook ours, XSSFWorkbook engine, String what) {
        int compared = 0;
        for (Sheet sh : ours) {
            Sheet other = engine.getSheet(sh.getSheetName());
            assertNotNull(other, what + ": sheet " + sh.getSheetName() + " missing");
            for (Row r : sh) {
                for (Cell cell : r) {
                    if (cell.getCellType() != CellType.FORMULA) {
                        continue;
                    }
                    String where =
                            what + " › " + sh.getSheetName() + "!" + cell.getAddress() + " =" + cell.getCellFormula();
                    Cell o = other.getRow(r.getRowNum()).getCell(cell.getColumnIndex());
                    CellType type = cell.getCachedFormulaResultType();
                    CellType otherType =
                            o.getCellType() == CellType.FORMULA ? o.getCachedFormulaResultType() : o.getCellType();
                    switch (type) {
                        case NUMERIC -> {
                            assertEquals(CellType.NUMERIC, otherType, where);
                            assertCents(
                                    BigDecimal.valueOf(cell.getNumericCellValue()),
                                    BigDecimal.valueOf(o.getNumericCellValue()),
                                    where);
                        }
                        case BOOLEAN -> {
                            assertEquals(CellType.BOOLEAN, otherType, where);
                            assertEquals(cell.getBooleanCellValue(), o.getBooleanCellValue(), where);
                        }
                        case STRING -> {
                            assertEquals(CellType.STRING, otherType, where);
                            assertEquals(cell.getStringCellValue(), o.getStringCellValue(), where);
                        }
                        default -> throw new AssertionError(where + ": unexpected cached type " + type);
                    }
                    compared++;
                }
            }
        }
        return compared;
    }

    /** Sets every formula's cached value to something wrong, so only a real recalculation can pass. */
    private static void scramble(Path from, Path to) throws IOException {
        try (XSSFWorkbook wb = open(from)) {
            for (Sheet sh : wb) {
                for (Row r : sh) {
                    for (Cell c : r) {
                        if (c.getCellType() == CellType.FORMULA) {
                            switch (c.getCachedFormulaResultType()) {
                                case BOOLEAN -> c.setCellValue(!c.getBooleanCellValue());
                                case STRING -> c.setCellValue("onjuist");
                                default -> c.setCellValue(-987654.32);
                            }
                        }
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(to)) {
                wb.write(out);
            }
        }
    }

    static BigDecimal numberAt(XSSFWorkbook wb, String name) {
        Name n = wb.getName(name);
        assertNotNull(n, "defined name " + name + " missing");
        CellReference ref = new CellReference(n.getRefersToFormula());
        Cell c = wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
        return BigDecimal.valueOf(c.getNumericCellValue());
    }

    static void assertCents(BigDecimal expected, BigDecimal actual, String what) {
        assertTrue(
                expected.subtract(actual).abs().compareTo(CENT) < 0,
                what + ": expected " + expected + ", got " + actual);
    }

    static XSSFWorkbook open(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }
}
