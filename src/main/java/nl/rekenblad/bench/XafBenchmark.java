package nl.rekenblad.bench;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.auditfile.Auditfile;
import nl.rekenblad.auditfile.AuditfileReader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures the btw-opstelling on generated XAF 3.2 auditfiles: the time to only parse the file, the full run (read,
 * work out, write the workbook), lines per second and peak heap, per size. The files go to a temporary folder that
 * is removed.
 */
public final class XafBenchmark {
    private XafBenchmark() {}

    /** Runs the benchmark for each number of transaction lines and prints one line per size to {@code out}. */
    public static void run(List<Integer> sizes, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("rekenblad-bench");
        try {
            out.println(Bench.machine());
            Path warm = generate(dir.resolve("warm.xaf"), 30_000);
            parse(warm);
            full(warm, dir.resolve("warm.xlsx"));
            out.printf(
                    "%10s %10s %10s %10s %12s %10s%n", "regels", "MB", "parse s", "rekenblad s", "regels/s", "piek MB");
            out.flush();
            for (int n : sizes) {
                Path xaf = generate(dir.resolve("a" + n + ".xaf"), n);
                long parse = parse(xaf);
                Heap.resetPeaks();
                long full = full(xaf, dir.resolve("a" + n + ".xlsx"));
                long peak = Heap.peak();
                out.printf(
                        "%10d %10d %10.2f %10.2f %12.0f %10d%n",
                        n, Files.size(xaf) >> 20, parse / 1e9, full / 1e9, n * 1e9 / full, peak >> 20);
                out.flush();
                Files.deleteIfExists(xaf);
                Files.deleteIfExists(dir.resolve("a" + n + ".xlsx"));
            }
        } finally {
            Bench.remove(dir);
        }
    }

    /** Where the generator writes: counting only (for the control totals, which come first) or the file. */
    private static final class Sink {
        final Writer w;
        long lines;
        long debitCents;
        long creditCents;

        Sink(Writer w) {
            this.w = w;
        }

        void line(int nr, String acc, String date, long cents, String vat) throws IOException {
            lines++;
            if (cents < 0) {
                debitCents -= cents;
            } else {
                creditCents += cents;
            }
            if (w != null) {
                w.write("<trLine><nr>" + nr + "</nr><accID>" + acc + "</accID><docRef>d</docRef><effDate>" + date
                        + "</effDate><desc>regel</desc><amnt>" + money(Math.abs(cents)) + "</amnt><amntTp>"
                        + (cents < 0 ? "D" : "C") + "</amntTp>" + vat + "</trLine>\n");
            }
        }
    }

    private static String money(long cents) {
        return (cents / 100) + "." + String.format("%02d", cents % 100);
    }

    /**
     * An auditfile of about {@code n} transaction lines over 2025: sales at 21% and 9% and purchases at 21%, each a
     * transaction of three lines (counter account, revenue or cost with its {@code vat} element, VAT account).
     */
    static Path generate(Path file, int n) throws IOException {
        Sink count = new Sink(null);
        transactions(count, n);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<auditfile xmlns=\"" + Auditfile.NAMESPACE + "\">\n"
                    + "<header><fiscalYear>2025</fiscalYear><startDate>2025-01-01</startDate><endDate>2025-12-31</endDate>"
                    + "<curCode>EUR</curCode><dateCreated>2026-01-10</dateCreated><softwareDesc>bench</softwareDesc>"
                    + "<softwareVersion>1</softwareVersion></header>\n<company><companyIdent>1</companyIdent>"
                    + "<companyName>Bench</companyName><taxRegistrationCountry>NL</taxRegistrationCountry>"
                    + "<taxRegIdent>NL000000000B01</taxRegIdent>\n<generalLedger>\n");
            for (String[] a : new String[][] {
                {"1300", "Debiteuren", "B"},
                {"1600", "Crediteuren", "B"},
                {"1500", "Btw te betalen", "B"},
                {"1520", "Btw te vorderen", "B"},
                {"8000", "Omzet", "P"},
                {"4000", "Kosten", "P"}
            }) {
                w.write("<ledgerAccount><accID>" + a[0] + "</accID><accDesc>" + a[1] + "</accDesc><accTp>" + a[2]
                        + "</accTp></ledgerAccount>\n");
            }
            w.write("</generalLedger>\n<vatCodes>\n<vatCode><vatID>V21</vatID><vatDesc>Verkoop hoog</vatDesc>"
                    + "<vatToPayAccID>1500</vatToPayAccID></vatCode>\n<vatCode><vatID>V9</vatID><vatDesc>Verkoop laag</vatDesc>"
                    + "<vatToPayAccID>1500</vatToPayAccID></vatCode>\n<vatCode><vatID>I21</vatID><vatDesc>Inkoop hoog</vatDesc>"
                    + "<vatToClaimAccID>1520</vatToClaimAccID></vatCode>\n</vatCodes>\n");
            w.write("<transactions><linesCount>" + count.lines + "</linesCount><totalDebit>" + money(count.debitCents)
                    + "</totalDebit><totalCredit>" + money(count.creditCents)
                    + "</totalCredit>\n<journal><jrnID>M</jrnID>"
                    + "<desc>Memoriaal</desc>\n");
            transactions(new Sink(w), n);
            w.write("</journal>\n</transactions>\n</company>\n</auditfile>\n");
        }
        return file;
    }

    private static void transactions(Sink s, int n) throws IOException {
        SplittableRandom rnd = new SplittableRandom(2025);
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int t = 0; s.lines + 3 <= n; t++) {
            String date = start.plusDays(rnd.nextInt(365)).toString();
            long net = rnd.nextLong(100, 500_000);
            int kind = rnd.nextInt(3);
            int pct = kind == 1 ? 9 : 21;
            long vat = new BigDecimal(net * pct)
                    .divide(new BigDecimal(100), 0, java.math.RoundingMode.HALF_UP)
                    .longValue();
            boolean purchase = kind == 2;
            long sign = purchase ? -1 : 1;
            if (s.w != null) {
                s.w.write("<transaction><nr>" + t + "</nr><desc>t</desc><periodNumber>1</periodNumber><trDt>" + date
                        + "</trDt>\n");
            }
            String code = purchase ? "I21" : kind == 1 ? "V9" : "V21";
            String vatEl = "<vat><vatID>" + code + "</vatID><vatPerc>" + pct + "</vatPerc><vatAmnt>" + money(vat)
                    + "</vatAmnt><vatAmntTp>" + (purchase ? "D" : "C") + "</vatAmntTp></vat>";
            s.line(1, purchase ? "1600" : "1300", date, -sign * (net + vat), "");
            s.line(2, purchase ? "4000" : "8000", date, sign * net, vatEl);
            s.line(3, purchase ? "1520" : "1500", date, sign * vat, "");
            if (s.w != null) {
                s.w.write("</transaction>\n");
            }
        }
    }

    /** Nanoseconds to only read the file. */
    static long parse(Path xaf) throws Exception {
        long t = System.nanoTime();
        long[] lines = {0};
        try (InputStream in = Files.newInputStream(xaf)) {
            AuditfileReader.read(in, xaf.getFileName().toString(), new AuditfileReader.Handler() {
                @Override
                public void header(Auditfile.Header header) {}

                @Override
                public void transactie(Auditfile.Transactie tr) {
                    lines[0] += tr.regels().size();
                }
            });
        }
        return System.nanoTime() - t;
    }

    /** Nanoseconds for the whole btw run. */
    static long full(Path xaf, Path xlsx) throws Exception {
        long t = System.nanoTime();
        try (Outcome<?> o = Rekenblad.run("btw", Source.of(xaf), Options.defaults())) {
            o.save(xlsx);
        }
        return System.nanoTime() - t;
    }
}
