package nl.rekenblad.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Writes the fuzz targets' seed corpus: the samples, and a small hostile variant of every finding of the first fuzz
 * run (issue 15). Findings of later fuzzing runs are saved beside them by Jazzer and kept. Run it after changing the samples or adding a finding:
 * {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) nl.rekenblad.fuzz.SeedCorpus}.
 */
public final class SeedCorpus {
    static final Path ROOT = Path.of("src/test/resources/nl/rekenblad/fuzz/FuzzTargetsInputs");

    private SeedCorpus() {}

    private static void seed(String target, String name, byte[] data) throws IOException {
        Path dir = Files.createDirectories(ROOT.resolve(target));
        Files.write(dir.resolve(name), data);
    }

    private static void seed(String target, String name, String text) throws IOException {
        seed(target, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(Path.of("samples", name));
    }

    private static byte[] patched(String sample, String part, UnaryOperator<String> change) throws IOException {
        return nl.rekenblad.testing.Xlsx.patched(sample, part, change);
    }

    private static byte[] korCell(String cell) throws IOException {
        return patched(
                "kor-2017-voorbeeld-2.xlsx",
                "xl/worksheets/sheet1.xml",
                x -> x.replace("<c r=\"C10\" t=\"n\" s=\"6\"><v>2500.0</v></c>", cell));
    }

    public static void main(String[] args) throws Exception {
        // Seeds are (over)written by name; a finding the fuzzer saved beside them (crash-…) stays.
        // KOR returns (CSV)
        for (String s : new String[] {
            "kor-2017-voorbeeld-1.csv",
            "kor-2017-voorbeeld-2.csv",
            "kor-2018-teruggaaf.csv",
            "kor-2019-fictieve-btw.csv",
            "kor-2025-vrijstelling.csv"
        }) {
            seed("korCsv", s, sample(s));
        }
        seed("korCsv", "bedrag-400-cijfers.csv", "periode,rubriek,omzet,btw\n2017-Q1,1a," + "9".repeat(400) + ",21\n");
        seed(
                "korCsv",
                "onbekende-rubriek-lang.csv",
                "periode,rubriek,omzet,btw\n2017-Q1," + "x".repeat(2000) + ",1,1\n");
        seed("korCsv", "open-aanhalingsteken.csv", "periode,rubriek,omzet,btw\n2017-Q1,\"1a,100,21\n");
        seed("korCsv", "formule-tekst.csv", "periode,rubriek,omzet,btw\n=1+1,@cmd,+1,-1\n");
        seed(
                "korCsv",
                "windows-1252.csv",
                "periode;rubriek;omzet;btw\n2017-Q1;1a;\u20ac 1.234,56;259,26\n"
                        .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        seed("korCsv", "leeg.csv", "");
        // KIA registers (CSV)
        seed("kiaCsv", "kia-2024-2025-register.csv", sample("kia-2024-2025-register.csv"));
        seed(
                "kiaCsv",
                "bedrag-400-cijfers.csv",
                "id,omschrijving,datum,bedrag,soort\n1,x,2025-01-01," + "9".repeat(400) + ",bedrijfsmiddel\n");
        seed(
                "kiaCsv",
                "formule-tekst.csv",
                "id,omschrijving,datum,bedrag,soort\n=1+1,\"@cmd|' /C calc'!A0\",2025-01-01,1000,"
                        + "bedrijfsmiddel\n");
        seed(
                "kiaCsv",
                "verkocht-voor-aankoop.csv",
                "id,omschrijving,datum,bedrag,soort,verkoopdatum,verkoopprijs\n"
                        + "1,x,2025-05-01,5000,bedrijfsmiddel,2024-01-01,100\n");
        // Journals (CSV)
        String journal = new String(sample("btw-2025-journaal.csv"), StandardCharsets.UTF_8);
        seed("journalCsv", "btw-2025-journaal.csv", journal);
        String header = "datum,omschrijving,rubriek,grondslag,btw\n";
        seed("journalCsv", "veld-40000-tekens.csv", header + "2025-01-05," + "x".repeat(40_000) + ",1a,100,21\n");
        String extra = ",x".repeat(16_400);
        seed("journalCsv", "16400-kolommen.csv", header.strip() + extra + "\n2025-01-05,a,1a,100,21" + extra + "\n");
        seed(
                "journalCsv",
                "open-aanhalingsteken.csv",
                header + "2025-01-05,a,1a,100,21\n2025-01-06,\"open,1a,100,21\n");
        seed("journalCsv", "tabs.csv", "datum\tomschrijving\trubriek\tgrondslag\tbtw\n2025-01-05\ta\t1a\t100\t21\n");
        seed("journalCsv", "volgend-jaar.csv", header + "2025-12-31,a,1a,100,21\n2026-01-01,b,1a,100,21\n");
        // Winst inputs (CSV)
        seed(
                "winstCsv",
                "winst-2025-zonder-keten.csv",
                "veld,waarde\njaar,2025\nwinst,68500\nuren,1400\nstarter,nee\n");
        seed("winstCsv", "onbekend-pad.csv", "veld,waarde\njaar,2025\nwinst,1000\nkor,../../etc/passwd\n");
        seed("winstCsv", "ja-nee-fout.csv", "veld;waarde\njaar;2025\nwinst;€ 1.000,00\naowLeeftijd;misschien\n");
        // KOR templates (workbooks)
        seed("korWorkbook", "kor-2017-voorbeeld-2.xlsx", sample("kor-2017-voorbeeld-2.xlsx"));
        seed("korWorkbook", "kor-2019-fictieve-btw.xlsx", sample("kor-2019-fictieve-btw.xlsx"));
        String[][] cells = {
            {"foutcode", "<c r=\"C10\" t=\"e\"><v>#FOO!</v></c>"},
            {"getal-abc", "<c r=\"C10\"><v>abc</v></c>"},
            {"type-d", "<c r=\"C10\" t=\"d\"><v>x</v></c>"},
            {"type-x", "<c r=\"C10\" t=\"x\"><v>1</v></c>"},
            {"nan", "<c r=\"C10\"><v>NaN</v></c>"},
            {"oneindig", "<c r=\"C10\"><v>Infinity</v></c>"},
            {"1e400", "<c r=\"C10\"><v>1e400</v></c>"},
            {"lange-formule", "<c r=\"C10\"><f>" + "1+".repeat(5000) + "1</f></c>"},
            {"diepe-formule", "<c r=\"C10\"><f>" + "(".repeat(3000) + "1" + ")".repeat(3000) + "</f></c>"}
        };
        for (String[] c : cells) {
            seed("korWorkbook", c[0] + ".xlsx", korCell(c[1]));
        }
        seed(
                "korWorkbook",
                "negatieve-rij.xlsx",
                patched(
                        "kor-2017-voorbeeld-2.xlsx",
                        "xl/worksheets/sheet1.xml",
                        x -> x.replace("<row r=\"10\">", "<row r=\"-10\">")));
        seed(
                "korWorkbook",
                "doctype-core.xlsx",
                patched(
                        "kor-2017-voorbeeld-2.xlsx",
                        "docProps/core.xml",
                        x -> x.replace("?>", "?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>")));
        seed(
                "korWorkbook",
                "gedeelde-tekst-buiten-bereik.xlsx",
                patched(
                        "kor-2017-voorbeeld-2.xlsx",
                        "xl/worksheets/sheet1.xml",
                        x -> x.replace(
                                "<c r=\"B10\" t=\"inlineStr\" s=\"3\"><is><t>Leveringen/diensten belast met hoog tarief</t></is></c>",
                                "<c r=\"B10\" t=\"s\"><v>99999</v></c>")));
        seed(
                "korWorkbook",
                "docx-type.xlsx",
                patched(
                        "kor-2017-voorbeeld-2.xlsx",
                        "[Content_Types].xml",
                        x -> x.replace(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")));
        seed(
                "korWorkbook",
                "bladnaam-slash.xlsx",
                patched(
                        "kor-2017-voorbeeld-2.xlsx",
                        "xl/workbook.xml",
                        x -> x.replace("name=\"Aangiften\"", "name=\"Aan/giften\"")));
        seed("korWorkbook", "afgekapt.xlsx", java.util.Arrays.copyOf(sample("kor-2017-voorbeeld-2.xlsx"), 2000));
        // KIA registers (workbooks)
        seed("kiaWorkbook", "kia-2024-2025-register.xlsx", sample("kia-2024-2025-register.xlsx"));
        seed("kiaWorkbook", "afgekapt.xlsx", java.util.Arrays.copyOf(sample("kia-2024-2025-register.xlsx"), 3000));
        // JSON
        seed("json", "kor.json", sample("kor-2025-vrijstelling.kor.json"));
        seed("json", "kia.json", sample("kia-2024-2025-register.kia.json"));
        seed("json", "diep.json", "[".repeat(1000) + "]".repeat(1000));
        seed("json", "groot-getal.json", "{\"jaar\": 2017, \"winstcorrectie\": 1e999999999}");
        seed("json", "afgekapt.json", "{\"jaar\": 2017, \"perioden\": [{\"5a\": 1");
        seed("json", "escape.json", "\"\\u12\"");
        // Auditfiles (XAF 3.2)
        nl.rekenblad.testing.Xaf books = new nl.rekenblad.testing.Xaf(2025, "Fuzz & Co")
                .account("1300", "Deb", "B")
                .account("1500", "Btw", "B")
                .account("1520", "Btw te vorderen", "B")
                .account("8000", "Omzet", "P")
                .account("4000", "Kosten", "P")
                .code("V21", "Verkoop hoog", "1500", null)
                .code("I21", "Inkoop", null, "1520")
                .code("IEU", "Inkoop EU verlegd", "1500", "1520")
                .journal("M", "Memoriaal")
                .tx(
                        "M",
                        "1",
                        "2025-01-10",
                        "verkoop",
                        nl.rekenblad.testing.Xaf.line("1300", "-121.00", "d"),
                        nl.rekenblad.testing.Xaf.line("8000", "100.00", "o").vat("V21", "21", "21.00"),
                        nl.rekenblad.testing.Xaf.line("1500", "21.00", "b"))
                .tx(
                        "M",
                        "2",
                        "2025-04-10",
                        "inkoop op btw-rekening",
                        nl.rekenblad.testing.Xaf.line("1300", "242.00", "c"),
                        nl.rekenblad.testing.Xaf.line("4000", "-200.00", "k"),
                        nl.rekenblad.testing.Xaf.line("1520", "-42.00", "b").vat("I21", "21", "-42.00"))
                .tx(
                        "M",
                        "3",
                        "2025-07-10",
                        "verlegd",
                        nl.rekenblad.testing.Xaf.line("1300", "100.00", "c"),
                        nl.rekenblad.testing.Xaf.line("4000", "-100.00", "k").vat("IEU", "21", "21.00"));
        String xaf = books.build();
        seed("auditfile", "klein.xaf", xaf);
        seed("auditfile", "afgekapt.xaf", xaf.substring(0, xaf.length() / 2));
        seed(
                "auditfile",
                "doctype.xaf",
                xaf.replace(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                        "<?xml version=\"1.0\"?><!DOCTYPE auditfile [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"));
        seed("auditfile", "entiteit.xaf", xaf.replace("<desc>o</desc>", "<desc>&e;</desc>"));
        seed("auditfile", "xaf-3.1.xaf", xaf.replace("XAF/3.2", "XAF/3.1"));
        seed("auditfile", "bedrag-tekst.xaf", xaf.replace("<amnt>100.00</amnt>", "<amnt>\u20ac 1.234,56</amnt>"));
        seed("auditfile", "totaal-fout.xaf", xaf.replaceFirst("<totalDebit>[^<]*<", "<totalDebit>1.00<"));
        seed(
                "auditfile",
                "onbekende-code.xaf",
                xaf.replace("<vatID>V21</vatID><vatPerc>", "<vatID>ZZ</vatID><vatPerc>"));
        seed("auditfile", "usd.xaf", xaf.replace("<curCode>EUR</curCode>", "<curCode>USD</curCode>"));
        seed("auditfile", "formule-tekst.xaf", xaf.replace("<desc>verkoop</desc>", "<desc>=HYPERLINK(\"x\")</desc>"));
        // The shapes packages write (see btw.XafProducentenTest): XAF 4.0 with trLines and RGS codes, the 3.2.1
        // namespace, vat on every line with a "-V21" code (Banana), no vat at all (Odoo), Windows-1252 bytes
        // (Multivers).
        String ns40 = "http://www.odb.belastingdienst.nl/Belastingdienst/BCPP/1.1/structures/XmlauditfileXAF_4.0";
        seed(
                "auditfile",
                "xaf-4.0.xaf",
                xaf.replace("http://www.auditfiles.nl/XAF/3.2", ns40)
                        .replaceAll("(?s)((?:<trLine>.*?</trLine>\\s*)+)", "<trLines>$1</trLines>")
                        .replace("<accTp>P</accTp>", "<accTp>P</accTp><RGScode>WOmzNop</RGScode>")
                        .replace("<accTp>B</accTp>", "<accTp>M</accTp><RGScode>BSchBtwAfo</RGScode>"));
        seed(
                "auditfile",
                "xaf-3.2.1.xaf",
                xaf.replace(
                        "http://www.auditfiles.nl/XAF/3.2",
                        "http://www.odb.belastingdienst.nl/Belastingdienst/BCPP/1.0/structures/XmlAuditfileFinancieel3.2.1"));
        seed(
                "auditfile",
                "banana.xaf",
                xaf.replaceAll(
                                "(<accID>1300</accID>(?:(?!</trLine>).)*?)(</trLine>)",
                                "$1<vat><vatID>-V21</vatID><vatPerc>21</vatPerc><vatAmnt>21.00</vatAmnt><vatAmntTp>C</vatAmntTp></vat>$2")
                        .replaceFirst("<linesCount>[^<]*<", "<linesCount>3<"));
        seed("auditfile", "zonder-vat.xaf", xaf.replaceAll("<vat>(?:(?!</vat>).)*</vat>", ""));
        byte[] utf8 =
                xaf.replace("<desc>verkoop</desc>", "<desc>caf\u00e9</desc>").getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = new String(utf8, StandardCharsets.UTF_8)
                .replace("caf\u00e9", "cafX")
                .getBytes(StandardCharsets.UTF_8);
        int x = new String(cp1252, StandardCharsets.ISO_8859_1).indexOf("cafX") + 3;
        cp1252[x] = (byte) 0xE9;
        seed("auditfile", "windows-1252.xaf", cp1252);
        seed(
                "auditfile",
                "diep.xaf",
                xaf.replace("<desc>o</desc>", "<desc>o</desc>" + "<x>".repeat(40) + "</x>".repeat(40)));
        // Verworpen uitgaven (CSV)
        seed(
                "vuCsv",
                "vu-2026.csv",
                new String(sample("vu-2026.csv"), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("wagens,vu-2026-wagens.csv\n", ""));
        seed(
                "vuCsv",
                "formule-tekst.csv",
                "aanslagjaar,2026\nrekening,omschrijving,bedrag,soort\n=1+1,@cmd,100,restaurant\n");
        seed("vuCsv", "onbekend-jaar.csv", "boekjaar,1999\nrekening,omschrijving,bedrag,soort\n1,x,100,restaurant\n");
        seed(
                "vuCsv",
                "percentage-tekst.csv",
                "aanslagjaar,2026\nrekening,omschrijving,bedrag,soort,percentage\n1,x,9000,fbb,veel\n");
        seed(
                "vuCsv",
                "wagens-buiten.csv",
                "aanslagjaar,2026\nwagens,../../etc/passwd\nrekening,omschrijving,bedrag,soort\n1,x,1,boete\n");
        // Mails
        try (Stream<Path> s = Files.list(Path.of("samples/batch"))) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".eml") || n.endsWith(".msg")) {
                    seed(n.endsWith(".eml") ? "eml" : "msg", n.replace(' ', '-'), Files.readAllBytes(p));
                }
            }
        }
        String csv =
                java.util.Base64.getMimeEncoder().encodeToString("periode,rubriek,omzet,btw\n2017,1a,1,1\n".getBytes());
        seed(
                "eml",
                "doorgestuurd-met-kapotte-base64.eml",
                "From: a@b.nl\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: message/rfc822\r\n\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b2\"\r\n\r\n--b2\r\nContent-Type: text/csv\r\n"
                        + "Content-Disposition: attachment; filename=\"f.csv\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + csv
                        + "\r\n--b2--\r\n--b1\r\nContent-Disposition: attachment; filename=\"kapot.csv\"\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n@@@@ !!!!\r\n--b1--\r\n");
        seed(
                "eml",
                "afgekapt.eml",
                "From: a@b.nl\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n");
        seed("msg", "afgekapt.msg", new byte[] {
            (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0
        });
        System.out.println("seeds: " + ROOT);
    }
}
