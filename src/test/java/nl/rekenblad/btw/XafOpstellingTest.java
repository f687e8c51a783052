package nl.rekenblad.btw;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Period;
import nl.rekenblad.testing.Xaf;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The btw-opstelling from an XAF 3.2 auditfile: the sample worked out by hand, both VAT-line styles, the checks. */
class XafOpstellingTest {
    @TempDir
    Path dir;

    private static Outcome<BtwRegulation.BtwResult> run(Source s, Options o) throws Exception {
        return new BtwRegulation().run(s, o);
    }

    private static Outcome<BtwRegulation.BtwResult> run(String xml) throws Exception {
        return run(Source.of("test.xaf", xml.getBytes(StandardCharsets.UTF_8)), Options.defaults());
    }

    private static BigDecimal x(Outcome<BtwRegulation.BtwResult> o, Period p, String what) {
        return o.result().aangifte().exact(BtwAangifte.exact(p, what));
    }

    private static void eq(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": " + actual.toPlainString());
    }

    /**
     * The sample's quarters by hand (see {@link XafSample}): per month 9.000 at 21% (btw 1.890), 600 at 9% (54),
     * 2.000 export, 500 EU services (btw 105, owed and claimable), purchases 1.200 at 21% (252) and 200 at 9% (18);
     * per quarter one ICP supply of 5.000. Q2 has the credit note of 250 (btw 52,50).
     */
    @Test
    void sampleGivesTheQuartersWorkedOutByHand() throws Exception {
        try (var o = run(Source.of(XafSample.SAMPLE), Options.defaults())) {
            for (int q = 1; q <= 4; q++) {
                Period p = Period.quarter(2025, q);
                boolean credit = q == 2;
                eq(credit ? "26750" : "27000", x(o, p, "1a.omzet"), "1a omzet " + q); // 3 × 9.000 (− 250)
                eq(credit ? "5617.50" : "5670", x(o, p, "1a.btw"), "1a btw " + q); // 3 × 1.890 (− 52,50)
                eq("1800", x(o, p, "1b.omzet"), "1b omzet"); // 3 × 600
                eq("162", x(o, p, "1b.btw"), "1b btw"); // 3 × 54
                eq("6000", x(o, p, "3a.omzet"), "3a"); // 3 × 2.000
                eq("5000", x(o, p, "3b.omzet"), "3b"); // one ICP supply
                eq("1500", x(o, p, "4b.omzet"), "4b omzet"); // 3 × 500
                eq("315", x(o, p, "4b.btw"), "4b btw"); // 3 × 105
                eq("4200", x(o, p, "5b.omzet"), "5b grondslag"); // 3 × (1.200 + 200)
                eq("1125", x(o, p, "5b.btw"), "5b"); // 3 × (252 + 18) + 315 reverse-charged and claimable
                eq(credit ? "6094.50" : "6147", x(o, p, "5a"), "5a"); // 1a + 1b + 4b
                eq(credit ? "4969.50" : "5022", x(o, p, "5c"), "5c");
            }
            eq("24535.50", o.result().aangifte().exact(BtwAangifte.exactYear("5a")), "5a jaar");
            eq("20035.50", o.result().aangifte().exact(BtwAangifte.exactYear("5c")), "5c jaar");
            BtwRegulation.Auditfile af = o.result().auditfile().orElseThrow();
            Map<String, String> rubrieken = af.codes().stream()
                    .collect(Collectors.toMap(
                            c -> c.code().vatID(), c -> c.toewijzing().code()));
            assertEquals(
                    Map.of(
                            "V21",
                            "1a",
                            "V9",
                            "1b",
                            "V0E",
                            "3a",
                            "VICP",
                            "3b-goederen",
                            "I21",
                            "5b",
                            "I9",
                            "5b",
                            "IEU",
                            "4b"),
                    rubrieken);
            assertTrue(af.codes().stream().allMatch(c -> c.toewijzing().reden().startsWith("voorstel: ")));
            assertTrue(af.codes().stream()
                    .filter(c -> c.code().vatID().equals("IEU"))
                    .findFirst()
                    .orElseThrow()
                    .ookVoorbelasting());
            // Aansluiting: Q1 agrees; then each quarter's difference is the afdracht of the quarter before (and the
            // manual correction of € 10 in Q3, paid with the afdracht in Q4).
            List<String> verschil = af.aansluiting().stream()
                    .map(a -> a.verschil().stripTrailingZeros().toPlainString())
                    .toList();
            assertEquals(List.of("0", "5022", "4959.5", "5032"), verschil);
            eq("6147", af.aansluiting().get(0).grootboek5a(), "grootboek 5a Q1");
            eq("1125", af.aansluiting().get(0).grootboek5b(), "grootboek 5b Q1");
            assertEquals(
                    0,
                    o.result().berekening().aantalMeldingen(),
                    o.result().berekening().meldingen().toString());
            String json = o.json();
            assertTrue(
                    json.contains("\"aansluiting\"")
                            && json.contains("\"grootboek5a\": 6147.00")
                            && json.contains("\"verschil\": 5022.00")
                            && json.contains("\"btwcodes\""),
                    json);
        }
    }

    @Test
    void committedSampleAndMappingAreTheGeneratorsOutput() throws Exception {
        assertEquals(
                XafSample.xml(),
                Files.readString(XafSample.SAMPLE),
                "samples/auditfile-2025.xaf is stale: run nl.rekenblad.btw.XafSample");
        assertEquals(XafSample.mapping(), Files.readString(XafSample.MAPPING));
    }

    @Test
    void mappingFileGivesTheSameReturnAndSaysWhereEachCodeCameFrom() throws Exception {
        Options with = Options.builder()
                .set(BtwRegulation.BTWCODES, Source.of(XafSample.MAPPING))
                .build();
        try (var a = run(Source.of(XafSample.SAMPLE), Options.defaults());
                var b = run(Source.of(XafSample.SAMPLE), with)) {
            for (Period p : a.result().berekening().perioden()) {
                for (String w : List.of("5a", "5b", "5c", "3a.omzet", "3b.omzet")) {
                    assertEquals(x(a, p, w), x(b, p, w), w);
                }
            }
            assertTrue(b.result().auditfile().orElseThrow().codes().stream()
                    .allMatch(c -> c.toewijzing().reden().equals("opgegeven in auditfile-2025.btwcodes")));
            // The mapping written back reads as the same mapping.
            Map<String, BtwCodes.Toewijzing> back =
                    BtwCodes.lees(a.result().auditfile().orElseThrow().btwcodes(), "uit");
            assertEquals("4b", back.get("IEU:inkoop").code());
            assertEquals(a.result().auditfile().orElseThrow().codes().size(), back.size());
        }
    }

    @Test
    void aMappingFromMemoryActsAsTheSameFile() throws Exception {
        byte[] bytes = Files.readAllBytes(XafSample.MAPPING);
        Options fromFile = Options.builder()
                .set(BtwRegulation.BTWCODES, Source.of(XafSample.MAPPING))
                .build();
        Options fromMemory = Options.builder()
                .set(BtwRegulation.BTWCODES, Source.of("auditfile-2025.btwcodes", bytes))
                .build();
        try (var a = run(Source.of(XafSample.SAMPLE), fromFile);
                var b = run(Source.of(XafSample.SAMPLE), fromMemory)) {
            assertEquals(a.json(), b.json());
        }
    }

    /** A bookkeeper sets I9 to "negeren" on the Btw-codes sheet: 5b of each quarter drops by 3 × 18 = 54. */
    @Test
    void aRubriekCorrectedOnTheCodesSheetMovesTheReturn() throws Exception {
        Path out = dir.resolve("x.xlsx");
        try (var o = run(Source.of(XafSample.SAMPLE), Options.defaults())) {
            o.save(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            Sheet codes = wb.getSheet(XafSheets.CODES);
            for (Row r : codes) {
                Cell c = r.getCell(0);
                // A new cell, as Excel writes one (POI's setCellValue on an inline string keeps the old text).
                if (c != null && "I9".equals(c.getStringCellValue())) {
                    r.removeCell(r.getCell(6));
                    r.createCell(6).setCellValue("negeren");
                }
                if (c != null && "VICP".equals(c.getStringCellValue())) {
                    r.removeCell(r.getCell(6));
                    r.createCell(6).setCellValue("rubriek 3a");
                }
            }
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            assertEquals(1071.0, named(wb, "BTW_2025_Q1_5b"), 0.001);
            assertEquals(5076.0, named(wb, "BTW_2025_Q1_5c"), 0.001);
        }
    }

    private static double named(XSSFWorkbook wb, String name) {
        var ref = new AreaReference(wb.getName(name).getRefersToFormula(), wb.getSpreadsheetVersion()).getFirstCell();
        return wb.getSheet(ref.getSheetName())
                .getRow(ref.getRow())
                .getCell(ref.getCol())
                .getNumericCellValue();
    }

    private static Xaf books() {
        return new Xaf(2025, "Test")
                .account("1300", "Debiteuren", "B")
                .account("1600", "Crediteuren", "B")
                .account("1500", "Btw te betalen", "B")
                .account("1520", "Btw te vorderen", "B")
                .account("1530", "Btw verlegd", "B")
                .account("1540", "Btw verlegd te vorderen", "B")
                .account("0200", "Inventaris", "B")
                .account("8000", "Omzet", "P")
                .account("4000", "Kosten", "P")
                .code("V21", "Btw hoog", "1500", null)
                .code("V9", "Btw laag", "1500", null)
                .code("I21", "Voorbelasting hoog", null, "1520")
                .code("IEU", "Inkoop EU verlegd", "1530", "1540")
                .journal("M", "Memoriaal");
    }

    /** The same year booked with the btw on the revenue and cost lines, and with it on the VAT accounts' lines. */
    @Test
    void bothVatLineStylesGiveTheSameReturn() throws Exception {
        Xaf onRevenue = books().tx(
                        "M",
                        "1",
                        "2025-01-10",
                        "verkoop",
                        Xaf.line("1300", "-121.00", "deb"),
                        Xaf.line("8000", "100.00", "omzet").vat("V21", "21", "21.00"),
                        Xaf.line("1500", "21.00", "btw"))
                .tx(
                        "M",
                        "2",
                        "2025-02-10",
                        "inkoop",
                        Xaf.line("1600", "242.00", "cred"),
                        Xaf.line("4000", "-200.00", "kosten").vat("I21", "21", "-42.00"),
                        Xaf.line("1520", "-42.00", "btw"))
                .tx(
                        "M",
                        "3",
                        "2025-03-10",
                        "inkoop EU",
                        Xaf.line("1600", "1000.00", "cred"),
                        Xaf.line("4000", "-1000.00", "kosten").vat("IEU", "21", "210.00"),
                        Xaf.line("1530", "210.00", "btw"),
                        Xaf.line("1540", "-210.00", "btw"))
                .tx(
                        "M",
                        "4",
                        "2025-03-20",
                        "creditnota",
                        Xaf.line("1300", "60.50", "deb"),
                        Xaf.line("8000", "-50.00", "omzet").vat("V21", "21", "-10.50"),
                        Xaf.line("1500", "-10.50", "btw"));
        Xaf onVatAccount = books().tx(
                        "M",
                        "1",
                        "2025-01-10",
                        "verkoop",
                        Xaf.line("1300", "-121.00", "deb"),
                        Xaf.line("8000", "100.00", "omzet"),
                        Xaf.line("1500", "21.00", "btw").vat("V21", "21", "21.00"))
                .tx(
                        "M",
                        "2",
                        "2025-02-10",
                        "inkoop",
                        Xaf.line("1600", "242.00", "cred"),
                        Xaf.line("4000", "-200.00", "kosten"),
                        Xaf.line("1520", "-42.00", "btw").vat("I21", "21", "-42.00"))
                .tx(
                        "M",
                        "3",
                        "2025-03-10",
                        "inkoop EU",
                        Xaf.line("1600", "1000.00", "cred"),
                        Xaf.line("4000", "-1000.00", "kosten"),
                        Xaf.line("1530", "210.00", "btw").vat("IEU", "21", "210.00"),
                        Xaf.line("1540", "-210.00", "btw").vat("IEU", "21", "-210.00"))
                .tx(
                        "M",
                        "4",
                        "2025-03-20",
                        "creditnota",
                        Xaf.line("1300", "60.50", "deb"),
                        Xaf.line("8000", "-50.00", "omzet"),
                        Xaf.line("1500", "-10.50", "btw").vat("V21", "21", "-10.50"));
        Period q1 = Period.quarter(2025, 1);
        try (var a = run(onRevenue.build());
                var b = run(onVatAccount.build())) {
            for (var o : List.of(a, b)) {
                eq("50", x(o, q1, "1a.omzet"), "1a");
                eq("10.50", x(o, q1, "1a.btw"), "1a btw");
                eq("1000", x(o, q1, "4b.omzet"), "4b");
                eq("210", x(o, q1, "4b.btw"), "4b btw");
                eq("200", x(o, q1, "5b.omzet"), "5b");
                eq("252", x(o, q1, "5b.btw"), "5b btw: 42 + 210");
                eq("-31.50", x(o, q1, "5c"), "5c: 10,50 + 210 − 252");
                eq(
                        "0",
                        o.result()
                                .auditfile()
                                .orElseThrow()
                                .aansluiting()
                                .get(0)
                                .verschil(),
                        "aansluiting");
                assertEquals(
                        0,
                        o.result().berekening().aantalMeldingen(),
                        o.result().berekening().meldingen().toString());
            }
        }
    }

    /** Btw on the VAT account with two codes in one transaction: the grondslag cannot be split, so btw ÷ %. */
    @Test
    void grondslagThatCannotBeFoundIsDerivedAndListed() throws Exception {
        String xml = books().tx(
                        "M",
                        "1",
                        "2025-01-10",
                        "gemengde verkoop",
                        Xaf.line("1300", "-230.00", "deb"),
                        Xaf.line("8000", "200.00", "omzet"),
                        Xaf.line("1500", "21.00", "hoog").vat("V21", "21", "21.00"),
                        Xaf.line("1500", "9.00", "laag").vat("V9", "9", "9.00"))
                .build();
        try (var o = run(xml)) {
            eq("100", x(o, Period.quarter(2025, 1), "1a.omzet"), "1a");
            eq("100", x(o, Period.quarter(2025, 1), "1b.omzet"), "1b");
            assertEquals(2, o.result().berekening().aantalMeldingen());
            assertTrue(o.result().berekening().meldingen().get(0).melding().contains("afgeleid als btw ÷ 21%"));
        }
    }

    @Test
    void unbalancedTransactionAndDateOutsideTheYearAreListedOnControle() throws Exception {
        String xml = books().tx(
                        "M",
                        "1",
                        "2025-01-10",
                        "scheef",
                        Xaf.line("1300", "-120.00", "deb"),
                        Xaf.line("8000", "100.00", "omzet").vat("V21", "21", "21.00"),
                        Xaf.line("1500", "21.00", "btw"))
                .tx(
                        "M",
                        "2",
                        "2025-02-10",
                        "oud",
                        Xaf.line("1300", "-121.00", "deb").on("2024-12-30"),
                        Xaf.line("8000", "100.00", "omzet")
                                .vat("V21", "21", "21.00")
                                .on("2024-12-30"),
                        Xaf.line("1500", "21.00", "btw").on("2024-12-30"))
                .build();
        try (var o = run(xml)) {
            String all = o.result().berekening().meldingen().toString();
            assertTrue(all.contains("debet en credit sluiten niet: het verschil is 1.00"), all);
            assertTrue(all.contains("valt buiten het boekjaar van de auditfile"), all);
            eq("100", x(o, Period.quarter(2025, 1), "1a.omzet"), "only the line in 2025 counts");
        }
    }

    private static String message(String xml) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(xml).close());
        return e.getMessage();
    }

    private static final String OK = books().tx(
                    "M",
                    "1",
                    "2025-01-10",
                    "verkoop",
                    Xaf.line("1300", "-121.00", "deb"),
                    Xaf.line("8000", "100.00", "omzet").vat("V21", "21", "21.00"),
                    Xaf.line("1500", "21.00", "btw"))
            .build();

    @Test
    void controlTotalsThatDoNotMatchAreAnError() {
        assertTrue(message(OK.replace("<linesCount>3<", "<linesCount>4<")).contains("linesCount"));
        assertTrue(message(OK.replace("<totalDebit>121.00<", "<totalDebit>120.00<"))
                .contains("totalDebit"));
        assertTrue(message(OK.replace("<totalCredit>121.00<", "<totalCredit>122.00<"))
                .contains("totalCredit"));
    }

    @Test
    void unknownAccountOrCodeNamesTheTransaction() {
        String m = message(OK.replace("<accID>8000</accID><docRef>", "<accID>8888</accID><docRef>"));
        assertTrue(
                m.contains("dagboek M, transactie 1, transactieregel ")
                        && m.contains("\"8888\"")
                        && m.contains("regel "),
                m);
        m = message(OK.replace("<vatID>V21</vatID><vatPerc>", "<vatID>X9</vatID><vatPerc>"));
        assertTrue(m.contains("dagboek M, transactie 1") && m.contains("\"X9\""), m);
    }

    @Test
    void otherCurrencyAndOtherVersionsAreRefusedByName() {
        assertTrue(message(OK.replace("<curCode>EUR</curCode>", "<curCode>USD</curCode>"))
                .contains("USD"));
        assertTrue(message(OK.replace("XAF/3.2", "XAF/3.0"))
                .contains("dit is XAF 3.0; rekenblad leest XAF 3.1, 3.2, 3.2.1" + " en 4.0"));
        assertTrue(message(OK.replace("XAF/3.2", "XAF/9.9")).contains("een onbekende versie"));
        assertTrue(message(OK.replace(" xmlns=\"http://www.auditfiles.nl/XAF/3.2\"", ""))
                .contains("XAF 2.0 (CLAIR)"));
    }

    @Test
    void brokenXmlIsOneLineNamingTheFileAndLine() {
        String m = message(OK.substring(0, OK.length() / 2));
        assertTrue(m.startsWith("test.xaf › regel ") && m.contains("afgebroken"), m);
        m = message(OK.replace("<amnt>100.00</amnt>", "<amnt>€ 100,00</amnt>"));
        assertTrue(m.contains("amnt \"€ 100,00\" is geen getal") && m.contains("› regel "), m);
        m = message(OK.replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE auditfile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"));
        assertTrue(m.contains("DOCTYPE"), m);
        m = message(OK.replace("<desc>omzet</desc>", "<desc>&x;</desc>"));
        assertTrue(m.contains("entiteit") || m.contains("geen geldige XML"), m);
        m = message(OK.replace("<desc>omzet</desc>", "<desc>" + "a".repeat(300_000) + "</desc>"));
        assertTrue(m.contains("100000 tekens"), m);
        m = message("<html><body>geen auditfile</body></html>");
        assertTrue(m.contains("geen auditfile") || m.contains("journaal"), m);
    }

    /** Found by the fuzzer: a second header made a second workbook, whose temporary files were never removed. */
    @Test
    void aSecondHeaderIsRefused() {
        int end = OK.indexOf("</header>") + "</header>".length();
        String twice = OK.substring(0, end) + OK.substring(OK.indexOf("<header>"), end) + OK.substring(end);
        assertTrue(message(twice).contains("meer dan één <header>"));
    }

    @Test
    void aCodeInUseThatCannotBePlacedIsAnErrorNamingItAndItsLines() {
        String xml = new Xaf(2025, "T")
                .account("1300", "Deb", "B")
                .account("8000", "Omzet", "P")
                .account("1500", "Btw", "B")
                .code("ZZ", "Diversen", null, null)
                .journal("M", "M")
                .tx(
                        "M",
                        "1",
                        "2025-01-10",
                        "x",
                        Xaf.line("1300", "-100.00", "d"),
                        Xaf.line("8000", "100.00", "o").vat("ZZ", "", "0.00"))
                .build()
                .replace("<vatPerc></vatPerc>", "");
        String m = message(xml);
        assertTrue(
                m.contains("\"ZZ\" (Diversen, verkoop) staat op 1 regel") && m.contains("--btwcodes (ZZ:verkoop="), m);
    }

    @Test
    void escapedCharactersInTextAreRead() throws Exception {
        try (var o = run(OK.replace("<companyName>Test</companyName>", "<companyName>A &amp; B</companyName>"))) {
            eq("100", x(o, Period.quarter(2025, 1), "1a.omzet"), "1a");
        }
    }

    @Test
    void batchRecognisesAnAuditfileByItsRootWhateverTheExtension() throws Exception {
        assertEquals(
                "btw",
                Rekenblad.recognise(Source.of(XafSample.SAMPLE)).orElseThrow().name());
        assertEquals(
                "btw",
                Rekenblad.recognise(Source.of("export.xml", OK.getBytes(StandardCharsets.UTF_8)))
                        .orElseThrow()
                        .name());
        assertTrue(Rekenblad.recognise(Source.of("iets.xml", "<a/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty());
    }

    @Test
    void proposalsFollowTheWordsThePercentageAndTheSide() {
        assertEquals(Rubriek.R4A, voorstel("Import buiten EU verlegd", "21", XafBerekening.Kant.INKOOP, false));
        assertEquals(Rubriek.R4B, voorstel("Verwerving binnen de EU", "21", XafBerekening.Kant.INKOOP, true));
        assertEquals(Rubriek.R2A, voorstel("Verlegde btw onderaanneming", "21", XafBerekening.Kant.INKOOP, false));
        assertEquals(Rubriek.R2A, voorstel("BTW hoog", "21", XafBerekening.Kant.INKOOP, true));
        assertEquals(Rubriek.R5B, voorstel("BTW hoog", "21", XafBerekening.Kant.INKOOP, false));
        assertEquals(Rubriek.R1A, voorstel("BTW hoog", "21", XafBerekening.Kant.VERKOOP, false));
        assertEquals(Rubriek.R1E, voorstel("Verkoop btw verlegd", "0", XafBerekening.Kant.VERKOOP, false));
        assertEquals(Rubriek.R1D, voorstel("Privé-gebruik", "21", XafBerekening.Kant.VERKOOP, false));
        assertEquals(Rubriek.R1C, voorstel("Verkoop overig", "13", XafBerekening.Kant.VERKOOP, false));
        assertEquals(Rubriek.R5B, voorstel("Inkoop laag", "9", XafBerekening.Kant.INKOOP, false));
        assertEquals(Rubriek.R3B, voorstel("Intracommunautaire levering", "0", XafBerekening.Kant.VERKOOP, false));
        assertEquals(
                Rubriek.R3C,
                voorstel("Installatie/afstandsverkopen binnen de EU", "0", XafBerekening.Kant.VERKOOP, false));
        assertEquals(
                Rubriek.R5B, voorstel("BTW bij invoer betaald aan douane 21%", "21", XafBerekening.Kant.INKOOP, false));
    }

    private static Rubriek voorstel(String desc, String perc, XafBerekening.Kant kant, boolean verlegdGeboekt) {
        return BtwCodes.voorstel(new BtwCodes.Kenmerken(desc, new BigDecimal(perc), kant, verlegdGeboekt, false, false))
                .orElseThrow()
                .rubriek()
                .orElseThrow();
    }

    @Test
    void workbookWritesToAStream() throws Exception {
        try (var o = run(OK)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            o.writeWorkbook(bytes);
            assertTrue(bytes.size() > 5_000);
        }
    }
}
