package nl.rekenblad.btw;

import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shapes real packages write, each in a small file of our own in that shape (the public exports they copy are not
 * ours to commit): Exact Online and Twinfield (both accounts on every ordinary code, one code for sales and
 * purchases, a zero {@code vat} on the VAT line), Banana ({@code vat} on every line of a transaction, one VAT
 * account, {@code -V21} on credit notes, transactions counted in {@code linesCount}), Odoo (no {@code vat} at all,
 * XAF 4.0 with RGS codes and {@code trLines}), Unit4 Multivers (Windows-1252 bytes in a file that says UTF-8), and
 * the namespaces of XAF 3.1, 3.2.1 and 4.0. Each expected return is worked out by hand from the ledger, in the
 * comment.
 */
class XafProducentenTest {
    static final String NS_31 = "http://www.auditfiles.nl/XAF/3.1";
    static final String NS_32 = "http://www.auditfiles.nl/XAF/3.2";
    static final String NS_321 =
            "http://www.odb.belastingdienst.nl/Belastingdienst/BCPP/1.0/structures/XmlAuditfileFinancieel3.2.1";
    static final String NS_40 =
            "http://www.odb.belastingdienst.nl/Belastingdienst/BCPP/1.1/structures/XmlauditfileXAF_4.0";
    static final String NS_40_AUDITFILES = "http://www.auditfiles.nl/XAF/4.0";
    static final Period Q1 = Period.quarter(2025, 1);

    /** A transaction line: amount positive credit, negative debit; vat "code perc amount" likewise signed, or null. */
    record L(String acc, String amount, String vat) {}

    static L l(String acc, String amount) {
        return new L(acc, amount, null);
    }

    static L l(String acc, String amount, String vat) {
        return new L(acc, amount, vat);
    }

    /** An auditfile in {@code ns}: accounts "id|desc|tp|rgs[|leadCode]", codes "id|desc|pay|claim", transactions of lines. */
    static String xaf(
            String ns,
            List<String> accounts,
            List<String> codes,
            String jrnTp,
            boolean trLines,
            Long linesCount,
            List<List<L>> transactions) {
        StringBuilder sb =
                new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<auditfile xmlns=\"" + ns + "\">\n"
                        + "<header><fiscalYear>2025</fiscalYear><startDate>2025-01-01</startDate><endDate>2025-12-31</endDate>"
                        + "<curCode>EUR</curCode><dateCreated>2026-01-10</dateCreated><softwareDesc>test</softwareDesc></header>\n"
                        + "<company><companyName>Test BV</companyName><taxRegistrationCountry>NL</taxRegistrationCountry>\n"
                        + "<generalLedger>\n");
        for (String a : accounts) {
            String[] f = a.split("\\|", -1);
            sb.append("<ledgerAccount><accID>")
                    .append(f[0])
                    .append("</accID><accDesc>")
                    .append(f[1])
                    .append("</accDesc><accTp>")
                    .append(f[2])
                    .append("</accTp>")
                    .append(
                            f.length > 3 && !f[3].isEmpty()
                                    ? (ns.contains("4.0")
                                            ? "<RGScode>" + f[3] + "</RGScode>"
                                            : "<leadReference>" + f[3] + "</leadReference>")
                                    : "")
                    .append(f.length > 4 ? "<leadCode>" + f[4] + "</leadCode>" : "")
                    .append("</ledgerAccount>\n");
        }
        sb.append("</generalLedger>\n<vatCodes>\n");
        for (String c : codes) {
            String[] f = c.split("\\|", -1);
            sb.append("<vatCode><vatID>")
                    .append(f[0])
                    .append("</vatID><vatDesc>")
                    .append(f[1])
                    .append("</vatDesc>")
                    .append(f.length > 2 && !f[2].isEmpty() ? "<vatToPayAccID>" + f[2] + "</vatToPayAccID>" : "")
                    .append(f.length > 3 && !f[3].isEmpty() ? "<vatToClaimAccID>" + f[3] + "</vatToClaimAccID>" : "")
                    .append("</vatCode>\n");
        }
        sb.append("</vatCodes>\n");
        StringBuilder tx = new StringBuilder();
        long lines = 0;
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        int nr = 0;
        for (List<L> t : transactions) {
            nr++;
            tx.append("<transaction><nr>")
                    .append(nr)
                    .append("</nr><desc>boeking ")
                    .append(nr)
                    .append("</desc><periodNumber>1</periodNumber><trDt>2025-02-1")
                    .append(nr % 10)
                    .append("</trDt>\n")
                    .append(trLines ? "<trLines>\n" : "");
            int ln = 0;
            for (L line : t) {
                BigDecimal a = new BigDecimal(line.amount());
                lines++;
                if (a.signum() < 0) {
                    debit = debit.add(a.negate());
                } else {
                    credit = credit.add(a);
                }
                tx.append("<trLine><nr>")
                        .append(++ln)
                        .append("</nr><accID>")
                        .append(line.acc())
                        .append("</accID><docRef>F")
                        .append(nr)
                        .append("</docRef><effDate>2025-02-1")
                        .append(nr % 10)
                        .append("</effDate><desc>regel</desc><amnt>")
                        .append(a.abs().toPlainString())
                        .append("</amnt><amntTp>")
                        .append(a.signum() < 0 ? "D" : "C")
                        .append("</amntTp>");
                if (line.vat() != null) {
                    String[] v = line.vat().split(" ");
                    BigDecimal va = new BigDecimal(v[2]);
                    tx.append("<vat><vatID>")
                            .append(v[0])
                            .append("</vatID><vatPerc>")
                            .append(v[1])
                            .append("</vatPerc><vatAmnt>")
                            .append(va.abs().toPlainString())
                            .append("</vatAmnt><vatAmntTp>")
                            .append(va.signum() < 0 ? "D" : "C")
                            .append("</vatAmntTp></vat>");
                }
                tx.append("</trLine>\n");
            }
            tx.append(trLines ? "</trLines>\n" : "").append("</transaction>\n");
        }
        sb.append("<transactions><linesCount>")
                .append(linesCount == null ? lines : linesCount)
                .append("</linesCount>")
                .append("<totalDebit>")
                .append(debit.toPlainString())
                .append("</totalDebit><totalCredit>")
                .append(credit.toPlainString())
                .append("</totalCredit>\n<journal><jrnID>MEM</jrnID><desc>Dagboek</desc>")
                .append(jrnTp == null ? "" : "<jrnTp>" + jrnTp + "</jrnTp>")
                .append("\n")
                .append(tx)
                .append("</journal></transactions>\n</company>\n</auditfile>\n");
        return sb.toString();
    }

    static Outcome<BtwRegulation.BtwResult> run(String xml) throws Exception {
        return run(xml.getBytes(StandardCharsets.UTF_8), Options.defaults());
    }

    static Outcome<BtwRegulation.BtwResult> run(byte[] xml, Options o) throws Exception {
        return new BtwRegulation().run(Source.of("test.xaf", xml), o);
    }

    static void eq(String expected, Outcome<BtwRegulation.BtwResult> o, String what) {
        BigDecimal actual = o.result().aangifte().exact(BtwAangifte.exact(Q1, what));
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": " + actual.toPlainString());
    }

    static BigDecimal onverklaard(Outcome<BtwRegulation.BtwResult> o) {
        return o.result().auditfile().orElseThrow().aansluiting().stream()
                .map(XafBerekening.Aansluiting::onverklaard)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static boolean warns(Outcome<?> o, String text) {
        return o.warnings().stream().map(Problem::message).anyMatch(m -> m.contains(text));
    }

    static final List<String> EXACT_ACCOUNTS = List.of(
            "1300|Debiteuren|B",
            "1600|Crediteuren|B",
            "1500|Te betalen btw hoog|B",
            "1520|Te vorderen btw|B",
            "8000|Omzet|P",
            "4000|Kantoorkosten|P",
            "4900|Algemene kosten|P");

    /**
     * Exact Online: code 2 "BTW hoog tarief" names both 1500 (te betalen) and 1520 (te vorderen) and serves sales and
     * purchases; the VAT account's line carries a vat of 0.00. By hand: sale 1.000 + 210 (1a 1.000/210); purchase 500
     * + 105 (5b 105); a purchase credit note 100 + 21 (5b −21). 5a 210, 5b 84, 5c 126; the ledger: 1500 credit 210,
     * 1520 debit 105 − credit 21 = 84.
     */
    @Test
    void exactOneCodeForSalesAndPurchasesWithBothAccounts() throws Exception {
        String xml = xaf(
                NS_32,
                EXACT_ACCOUNTS,
                List.of("2|BTW hoog tarief, exclusief|1500|1520"),
                "M",
                false,
                null,
                List.of(
                        List.of(l("1300", "-1210"), l("8000", "1000", "2 21.000 210"), l("1500", "210", "2 21.000 0")),
                        List.of(l("1600", "605"), l("4000", "-500", "2 21.000 -105"), l("1520", "-105", "2 21.000 0")),
                        List.of(l("1600", "-121"), l("4000", "100", "2 21.000 21"), l("1520", "21"))));
        try (var o = run(xml)) {
            eq("1000", o, "1a.omzet");
            eq("210", o, "1a.btw");
            eq("84", o, "5b");
            eq("126", o, "5c");
            assertEquals(0, onverklaard(o).signum(), "explained");
            assertTrue(
                    o.warnings().stream().noneMatch(w -> w.message().contains("niet verklaard")),
                    o.warnings().toString());
            assertTrue(o.result().auditfile().orElseThrow().btwcodes().contains("2:inkoop=5b"));
            assertTrue(o.result().auditfile().orElseThrow().btwcodes().contains("2:verkoop=1a"));
        }
    }

    /** The bookkeeper's mapping per side: {@code 2:verkoop=1a} and {@code 2:inkoop=5b}; a plain {@code 2=1a} is both. */
    @Test
    void mappingPerSideAndForBothSides() throws Exception {
        assertEquals(
                "5b",
                BtwCodes.lees("2:verkoop=1a\n2:inkoop=5b\n", "m")
                        .get("2:inkoop")
                        .code());
        assertEquals("1a", BtwCodes.lees("2=1a\n", "m").get("2").code());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BtwCodes.lees("2:links=1a\n", "m"));
        assertTrue(e.getMessage().contains("geen kant"), e.getMessage());
    }

    /**
     * Banana: the vat element on every line (debtor, revenue, VAT), one account 1500 for all btw, codes naming no
     * account, credit notes with the undeclared "-V21", and linesCount holding the number of transactions (3) while
     * the totals match. By hand: sale 500 + 105 (1a 500/105), credit note 100 + 21 (1a −100/−21), purchase 200 + 42
     * (5b 42). 1a 400/84, 5a 84, 5b 42, 5c 42; the ledger's 1500: credit 105 − debit 21 − debit 42 = 42 = 5a − 5b.
     */
    @Test
    void bananaVatOnEveryLineOneAccountAndTheMinusCode() throws Exception {
        String xml = xaf(
                NS_32,
                List.of(
                        "1000|Kas|B",
                        "1600|Crediteuren|B",
                        "1500|BTW overeenkomstig het BTW overzicht|B",
                        "8100|Opbrengst verkopen|P",
                        "4000|Kantoorkosten|P"),
                List.of("V21|Leveringen/diensten 21%||", "IG21|Voorbelasting 21%||"),
                "Z",
                false,
                3L,
                List.of(
                        List.of(
                                l("1000", "-605", "V21 21.00 105"),
                                l("8100", "500", "V21 21.00 105"),
                                l("1500", "105", "V21 21.00 105")),
                        List.of(
                                l("8100", "-100", "-V21 21.00 -21"),
                                l("1000", "121", "-V21 21.00 -21"),
                                l("1500", "-21", "-V21 21.00 -21")),
                        List.of(
                                l("4000", "-200", "IG21 21.00 -42"),
                                l("1600", "242", "IG21 21.00 -42"),
                                l("1500", "-42", "IG21 21.00 -42"))));
        try (var o = run(xml)) {
            eq("400", o, "1a.omzet");
            eq("84", o, "1a.btw");
            eq("42", o, "5b");
            eq("42", o, "5c");
            assertEquals(0, onverklaard(o).signum(), "explained");
            assertTrue(warns(o, "\"-V21\""), o.warnings().toString());
            assertTrue(warns(o, "linesCount is 3"), o.warnings().toString());
            assertTrue(warns(o, "niet als grondslag geteld"), o.warnings().toString());
        }
    }

    /**
     * Banana's reverse charge (its 2018 sample, transactions 35 and 36): a purchase of stock with btw verlegd books the
     * stock (a balance account) gross and the supplier (an account in Banana's group CRE, "Lepage") net, with code
     * VR21 "Verleggingsregelingen 21%" on every line and the owed 577,50 credited to 1500; a second transaction
     * reverses stock and supplier and debits the 577,50 to 1500 with IG21-2 "Voorbelasting 21% (BTW verlegd)". No
     * result account carries a code: the supplier's line is the grondslag, read the other way round (not for the
     * voorbelasting code, read as booked). By hand: 2a 2.750 / 577,50 (owed), 5b 577,50 (claimable, on 2.750), 5a
     * 577,50, 5c 0; the ledger's 1500 nets to 0 = 5a − 5b.
     */
    @Test
    void bananaReverseChargeOnStockAndSupplierIsRubriek2aAnd5b() throws Exception {
        String xml = xaf(
                NS_32,
                List.of(
                        "3000|Voorraad goederen|B||1H",
                        "21030|Lepage|B||CRE",
                        "1500|BTW overeenkomstig het BTW overzicht|B"),
                List.of("VR21|Verleggingsregelingen 21%||", "IG21-2|Voorbelasting 21% (BTW verlegd)||"),
                "Z",
                false,
                null,
                List.of(
                        List.of(
                                l("3000", "-3327.50", "VR21 21.00 577.50"),
                                l("21030", "2750", "VR21 21.00 577.50"),
                                l("1500", "577.50", "VR21 21.00 577.50")),
                        List.of(
                                l("21030", "-2750", "IG21-2 21.00 -577.50"),
                                l("3000", "3327.50", "IG21-2 21.00 -577.50"),
                                l("1500", "-577.50", "IG21-2 21.00 -577.50"))));
        try (var o = run(xml)) {
            eq("2750", o, "2a.omzet");
            eq("577.50", o, "2a.btw");
            eq("577.50", o, "5a");
            eq("577.50", o, "5b");
            eq("2750", o, "5b.omzet");
            eq("0", o, "5c");
            assertEquals(0, onverklaard(o).signum(), "explained");
        }
    }

    /**
     * Odoo in XAF 4.0: no vat element at all, codes naming no account, lines in trLines, RGS codes on the accounts.
     * Read per ledger account. By hand: sale 2.800 + 588 (1500 credit 588, 8000 credit 2.800), purchase 960 + 201,60
     * (1520 debit 201,60), and a payment of 100 from 1500 to the bank (a correction, not in the return). 1a 2.800/588,
     * 5b 201,60, 5c 386,40; the ledger's 1500 moves 488 of which −100 without a code: explained.
     */
    @Test
    void odooWithoutVatElementsIsReadPerLedgerAccount() throws Exception {
        String xml = xaf(
                NS_40,
                List.of(
                        "1300|Debiteuren|B|BVorDeb",
                        "1600|Crediteuren|B|BSchCre",
                        "1100|Bank|B|BLimBan",
                        "1500|Af te dragen btw hoog|B|BSchBtwAfo",
                        "1520|Te vorderen btw|B|BVorBtwTvo",
                        "8000|Omzet|P|WOmzNop",
                        "4000|Kantoorkosten|P|WBedKan"),
                List.of("21|BTW 21%||"),
                "M",
                true,
                null,
                List.of(
                        List.of(l("1300", "-3388"), l("8000", "2800"), l("1500", "588")),
                        List.of(l("4000", "-960"), l("1520", "-201.60"), l("1600", "1161.60")),
                        List.of(l("1500", "-100"), l("1100", "100"))));
        try (var o = run(xml)) {
            eq("2800", o, "1a.omzet");
            eq("588", o, "1a.btw");
            eq("201.60", o, "5b");
            eq("386.40", o, "5c");
            assertTrue(o.result().auditfile().orElseThrow().perRekening());
            assertEquals(0, onverklaard(o).signum(), "explained");
            assertTrue(
                    warns(o, "geen enkele regel draagt een bruikbare btw-code"),
                    o.warnings().toString());
        }
    }

    /** A sale in each namespace people have: 3.1, 3.2.1, 4.0 and the 4.0 namespace of auditfiles.nl. */
    @Test
    void everyVersionPeopleHaveIsRead() throws Exception {
        for (String ns : List.of(NS_31, NS_321, NS_40, NS_40_AUDITFILES)) {
            String xml = xaf(
                    ns,
                    EXACT_ACCOUNTS,
                    List.of("2|BTW hoog|1500|1520"),
                    "S",
                    ns.contains("4.0"),
                    null,
                    List.of(List.of(l("1300", "-1210"), l("8000", "1000", "2 21 210"), l("1500", "210"))));
            try (var o = run(xml)) {
                eq("210", o, "1a.btw");
                assertEquals(0, onverklaard(o).signum(), ns);
            }
        }
    }

    /**
     * A return the ledger does not explain: the VAT line says 200 where the vat element says 210. A warning naming the
     * quarter and the amount, "waarschuwing" rather than a silent figure; with --streng an error.
     */
    @Test
    void aReturnTheLedgerDoesNotExplainIsSaidAndStrictMakesItAnError() throws Exception {
        String xml = xaf(
                NS_32,
                EXACT_ACCOUNTS,
                List.of("2|BTW hoog|1500|1520"),
                "S",
                false,
                null,
                List.of(List.of(l("1300", "-1200"), l("8000", "1000", "2 21 210"), l("1500", "200"))));
        try (var o = run(xml)) {
            assertEquals(0, new BigDecimal("10").compareTo(onverklaard(o)), "onverklaard");
            assertTrue(
                    warns(o, "aansluiting 2025-Q1: € 10,00 niet verklaard"),
                    o.warnings().toString());
            assertTrue(o.json().contains("\"onverklaard\""), "json");
        }
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> run(
                        xml.getBytes(StandardCharsets.UTF_8),
                        Options.builder().set(BtwRegulation.STRENG, true).build()));
        assertTrue(e.getMessage().contains("niet verklaard"), e.getMessage());
    }

    /** Every unknown code and account of a file in one run, each naming journal, transaction and line apart. */
    @Test
    void allReferenceProblemsInOneRunEachNamingJournalTransactionAndLine() {
        String xml = xaf(
                NS_32,
                EXACT_ACCOUNTS,
                List.of("2|BTW hoog|1500|1520"),
                "S",
                false,
                null,
                List.of(
                        List.of(l("1300", "-1210"), l("8000", "1000", "X9 21 210"), l("1500", "210")),
                        List.of(l("9999", "-1210"), l("8000", "1000", "Y7 21 210"), l("1500", "210"))));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(xml));
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertTrue(
                e.problems()
                        .get(0)
                        .message()
                        .startsWith("dagboek MEM, transactie 1, transactieregel 2: btw-code \"X9\""),
                e.problems().get(0).message());
    }

    /** Multivers wrote "Löwenbrau" in Windows-1252 in a file that says UTF-8: read, and a warning names line and byte. */
    @Test
    void windows1252BytesInAUtf8FileAreReadWithAWarningNamingLineAndByte() throws Exception {
        String xml = xaf(
                NS_32,
                List.of(
                        "1300|Debiteuren L\u00f6wenbrau|B",
                        "1600|Crediteuren|B",
                        "1500|Te betalen btw|B",
                        "1520|Te vorderen btw|B",
                        "8000|Omzet|P",
                        "4000|Kosten|P"),
                List.of("2|BTW hoog|1500|1520"),
                "S",
                false,
                null,
                List.of(List.of(l("1300", "-1210"), l("8000", "1000", "2 21 210"), l("1500", "210"))));
        byte[] bytes = xml.getBytes(StandardCharsets.ISO_8859_1);
        try (var o = run(bytes, Options.defaults())) {
            eq("210", o, "1a.btw");
            assertTrue(warns(o, "(0xF6) is geen UTF-8"), o.warnings().toString());
            assertTrue(
                    o.warnings().stream().anyMatch(w -> w.where().endsWith("regel 6")),
                    o.warnings().toString());
        }
    }

    /** The workbook of a file read per account opens and writes (its sheets carry the accounts as rows). */
    @Test
    void perAccountWorkbookWrites() throws Exception {
        String xml = xaf(
                NS_40,
                List.of("1300|Debiteuren|B|BVorDeb", "1500|Af te dragen btw hoog|B|BSchBtw", "8000|Omzet|P|WOmzNop"),
                List.of(),
                "S",
                true,
                null,
                List.of(List.of(l("1300", "-1210"), l("8000", "1000"), l("1500", "210"))));
        try (var o = run(xml)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            o.writeWorkbook(out);
            assertTrue(out.size() > 5_000);
            eq("1000", o, "1a.omzet");
        }
    }
}
