package nl.rekenblad.btw;

import nl.rekenblad.testing.Xaf;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code samples/auditfile-2025.xaf}: a small design studio's year in XAF 3.2, btw on the revenue and cost lines and
 * the package's own lines on the VAT accounts beside them. Every month the same pattern, so that each figure can be
 * worked out by hand (see {@code XafOpstellingTest}):
 * <ul>
 * <li>8 sales at 21% of 250, 500 … 2.000 (9.000, btw 1.890); 4 sales at 9% of 150 (600, btw 54);</li>
 * <li>an export outside the EU of 2.000 (0%); in February, May, August and November an ICP supply of 5.000;</li>
 * <li>6 purchases at 21% of 200 (1.200, btw 252); 2 at 9% of 100 (200, btw 18);</li>
 * <li>services from another EU country of 500, btw reverse-charged at 21% (105), owed and claimable;</li>
 * <li>the month's receipts from debtors and payments to creditors through the bank;</li>
 * <li>on 20 May a credit note on a 21% sale of 250; on 15 August a manual correction of € 10 on the btw owed;</li>
 * <li>the quarterly btw-afdracht (25 April, July, October) clearing the VAT accounts to the bank.</li>
 * </ul>
 * Run {@code main} to write it anew.
 */
public final class XafSample {
    public static final Path SAMPLE = Path.of("samples", "auditfile-2025.xaf");
    public static final Path MAPPING = Path.of("samples", "auditfile-2025.btwcodes");

    private XafSample() {}

    public static String xml() {
        Xaf x = new Xaf(2025, "Studio Lindeboom & Zn.");
        x.account("1100", "Bank", "B")
                .account("1300", "Debiteuren", "B")
                .account("1600", "Crediteuren", "B")
                .account("1500", "Btw te betalen hoog", "B")
                .account("1510", "Btw te betalen laag", "B")
                .account("1520", "Btw te vorderen", "B")
                .account("1530", "Btw verlegd te betalen", "B")
                .account("1540", "Btw verlegd te vorderen", "B")
                .account("8000", "Omzet hoog", "P")
                .account("8010", "Omzet laag", "P")
                .account("8100", "Omzet export", "P")
                .account("8110", "Omzet ICP", "P")
                .account("4000", "Inkoop materialen", "P")
                .account("4100", "Inkoop diensten EU", "P")
                .account("4500", "Kantoorkosten", "P");
        x.code("V21", "Verkoop hoog 21%", "1500", null)
                .code("V9", "Verkoop laag 9%", "1510", null)
                .code("V0E", "Export buiten de EU 0%", null, null)
                .code("VICP", "ICP levering binnen EU", null, null)
                .code("I21", "Inkoop hoog 21%", null, "1520")
                .code("I9", "Inkoop laag 9%", null, "1520")
                .code("IEU", "Diensten uit EU, btw verlegd", "1530", "1540");
        x.journal("VRK", "Verkoopboek")
                .journal("INK", "Inkoopboek")
                .journal("BNK", "Bank")
                .journal("MEM", "Memoriaal");
        Map<String, BigDecimal> balance = new HashMap<>();
        int s = 0;
        int p = 0;
        for (int m = 1; m <= 12; m++) {
            String mm = String.format("2025-%02d-", m);
            balance.keySet().removeIf(k -> k.startsWith("maand "));
            BigDecimal received = BigDecimal.ZERO;
            BigDecimal paid = BigDecimal.ZERO;
            for (int i = 1; i <= 8; i++) {
                BigDecimal net = new BigDecimal(250 * i);
                BigDecimal vat = net.multiply(new BigDecimal("0.21")).setScale(2);
                received = received.add(net).add(vat);
                x.tx(
                        "VRK",
                        "V" + ++s,
                        mm + day(i),
                        "Ontwerp en drukwerk",
                        Xaf.line("1300", net.add(vat).negate().toPlainString(), "Debiteur"),
                        Xaf.line("8000", net.toPlainString(), "Ontwerp").vat("V21", "21", vat.toPlainString()),
                        Xaf.line("1500", vat.toPlainString(), "Btw hoog"));
                book(balance, "1500", vat);
            }
            for (int i = 1; i <= 4; i++) {
                received = received.add(new BigDecimal("163.50"));
                x.tx(
                        "VRK",
                        "V" + ++s,
                        mm + day(8 + i),
                        "Boeken",
                        Xaf.line("1300", "-163.50", "Debiteur"),
                        Xaf.line("8010", "150.00", "Boeken").vat("V9", "9", "13.50"),
                        Xaf.line("1510", "13.50", "Btw laag"));
                book(balance, "1510", new BigDecimal("13.50"));
            }
            received = received.add(new BigDecimal("2000.00"));
            x.tx(
                    "VRK",
                    "V" + ++s,
                    mm + "14",
                    "Ontwerp voor klant in Zwitserland",
                    Xaf.line("1300", "-2000.00", "Debiteur"),
                    Xaf.line("8100", "2000.00", "Export").vat("V0E", "0", "0.00"));
            if (m % 3 == 2) {
                received = received.add(new BigDecimal("5000.00"));
                x.tx(
                        "VRK",
                        "V" + ++s,
                        mm + "16",
                        "Drukwerk naar Belgische afnemer",
                        Xaf.line("1300", "-5000.00", "Debiteur"),
                        Xaf.line("8110", "5000.00", "ICP").vat("VICP", "0", "0.00"));
            }
            for (int i = 1; i <= 6; i++) {
                paid = paid.add(new BigDecimal("242.00"));
                x.tx(
                        "INK",
                        "I" + ++p,
                        mm + day(i),
                        "Papier en inkt",
                        Xaf.line("1600", "242.00", "Crediteur"),
                        Xaf.line("4000", "-200.00", "Materialen").vat("I21", "21", "-42.00"),
                        Xaf.line("1520", "-42.00", "Btw te vorderen"));
                book(balance, "1520", new BigDecimal("-42.00"));
            }
            for (int i = 1; i <= 2; i++) {
                paid = paid.add(new BigDecimal("109.00"));
                x.tx(
                        "INK",
                        "I" + ++p,
                        mm + day(6 + i),
                        "Vakliteratuur",
                        Xaf.line("1600", "109.00", "Crediteur"),
                        Xaf.line("4500", "-100.00", "Boeken").vat("I9", "9", "-9.00"),
                        Xaf.line("1520", "-9.00", "Btw te vorderen"));
                book(balance, "1520", new BigDecimal("-9.00"));
            }
            paid = paid.add(new BigDecimal("500.00"));
            x.tx(
                    "INK",
                    "I" + ++p,
                    mm + "20",
                    "Hosting van Duitse leverancier",
                    Xaf.line("1600", "500.00", "Crediteur"),
                    Xaf.line("4100", "-500.00", "Hosting").vat("IEU", "21", "105.00"),
                    Xaf.line("1530", "105.00", "Btw verlegd te betalen"),
                    Xaf.line("1540", "-105.00", "Btw verlegd te vorderen"));
            book(balance, "1530", new BigDecimal("105.00"));
            book(balance, "1540", new BigDecimal("-105.00"));
            if (m == 5) {
                received = received.subtract(new BigDecimal("302.50"));
                x.tx(
                        "VRK",
                        "V" + ++s,
                        "2025-05-20",
                        "Creditnota: ontwerp niet geleverd",
                        Xaf.line("1300", "302.50", "Debiteur"),
                        Xaf.line("8000", "-250.00", "Creditnota").vat("V21", "21", "-52.50"),
                        Xaf.line("1500", "-52.50", "Btw hoog"));
                book(balance, "1500", new BigDecimal("-52.50"));
            }
            if (m == 8) {
                x.tx(
                        "MEM",
                        "M8",
                        "2025-08-15",
                        "Correctie btw privégebruik telefoon",
                        Xaf.line("4500", "-10.00", "Correctie"),
                        Xaf.line("1500", "10.00", "Correctie btw"));
                book(balance, "1500", new BigDecimal("10.00"));
            }
            if (m == 4 || m == 7 || m == 10) {
                afdracht(x, balance, m);
            }
            x.tx(
                    "BNK",
                    "B" + m + "a",
                    mm + "28",
                    "Ontvangsten debiteuren",
                    Xaf.line("1100", received.negate().toPlainString(), "Bank"),
                    Xaf.line("1300", received.toPlainString(), "Debiteuren"));
            x.tx(
                    "BNK",
                    "B" + m + "b",
                    mm + "28",
                    "Betalingen crediteuren",
                    Xaf.line("1100", paid.toPlainString(), "Bank"),
                    Xaf.line("1600", paid.negate().toPlainString(), "Crediteuren"));
        }
        return x.build();
    }

    /**
     * The quarter's btw-afdracht on the 25th: each VAT account's balance up to the end of the previous quarter is
     * cleared (what the books hold, the correction included), the net paid from the bank.
     */
    private static void afdracht(Xaf x, Map<String, BigDecimal> balance, int month) {
        java.util.List<Xaf.Line> lines = new java.util.ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        for (String acc : new String[] {"1500", "1510", "1520", "1530", "1540"}) {
            BigDecimal b = balance.getOrDefault(acc, BigDecimal.ZERO)
                    .subtract(balance.getOrDefault("maand " + acc, BigDecimal.ZERO));
            lines.add(Xaf.line(acc, b.negate().toPlainString(), "Afdracht"));
            net = net.add(b);
            balance.put(acc, balance.get(acc).subtract(b));
        }
        lines.add(Xaf.line("1100", net.toPlainString(), "Betaling Belastingdienst"));
        x.tx(
                "MEM",
                "A" + month,
                String.format("2025-%02d-25", month),
                "Btw-afdracht kwartaal " + (month / 3),
                lines.toArray(Xaf.Line[]::new));
    }

    private static void book(Map<String, BigDecimal> balance, String acc, BigDecimal amount) {
        balance.merge(acc, amount, BigDecimal::add);
        // What was booked in the month being written, which is not part of the previous quarter.
        balance.merge("maand " + acc, amount, BigDecimal::add);
    }

    private static String day(int i) {
        return String.format("%02d", 1 + (i * 2) % 27);
    }

    /** The mapping of the sample's codes, as a bookkeeper would write it. */
    public static String mapping() {
        return """
                # Studio Lindeboom: btw-codes naar rubrieken
                V21=1a
                V9=1b
                V0E=3a
                VICP=3b-goederen
                I21=5b
                I9=5b
                IEU=4b
                """;
    }

    public static void main(String[] args) throws Exception {
        Files.writeString(SAMPLE, xml(), StandardCharsets.UTF_8);
        Files.writeString(MAPPING, mapping(), StandardCharsets.UTF_8);
        System.out.println("written: " + SAMPLE + ", " + MAPPING);
    }
}
