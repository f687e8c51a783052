package nl.rekenblad.bench;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.btw.Boeking;
import nl.rekenblad.btw.LedgerReader;
import nl.rekenblad.core.Problem;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Measures the btw-opstelling on generated journals: lines per second, wall time and peak heap of
 * a full run, against only parsing the CSV and against writing the same rows with plain SXSSF.
 * Nothing large is kept: the journals and workbooks go to a temporary folder that is removed.
 */
public final class BtwBenchmark {
    private static final String[] RUBRIEKEN = {
        "1a", "1a", "1a", "1a", "1b", "1b", "1c", "1d", "1e", "2a", "3a", "3b", "3c", "4a", "4b", "5b", "5b", "5b"
    };

    private BtwBenchmark() {}

    /** Runs the benchmark for each size and prints one line per size to {@code out}. */
    public static void run(List<Integer> sizes, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("rekenblad-bench");
        try {
            out.println(Bench.machine());
            Path warm = generate(dir.resolve("warm.csv"), 20_000);
            full(warm, dir.resolve("warm.xlsx"));
            plain(warm, dir.resolve("warm-plain.xlsx"));
            parse(warm);
            out.printf(
                    "%10s %10s %10s %12s %10s %10s %10s %10s%n",
                    "regels", "parse s", "rekenblad s", "regels/s", "piek MB", "SXSSF s", "÷ SXSSF", "÷ parse");
            out.flush();
            for (int n : sizes) {
                Path csv = generate(dir.resolve("j" + n + ".csv"), n);
                long parse = parse(csv);
                Heap.resetPeaks();
                long full = full(csv, dir.resolve("j" + n + ".xlsx"));
                long peak = Heap.peak();
                long plain = plain(csv, dir.resolve("j" + n + "-plain.xlsx"));
                out.printf(
                        "%10d %10.2f %10.2f %12.0f %10d %10.2f %10.2f %10.2f%n",
                        n,
                        parse / 1e9,
                        full / 1e9,
                        n * 1e9 / full,
                        peak >> 20,
                        plain / 1e9,
                        full / (plain * 1e0),
                        full / (parse * 1e0));
                out.flush();
                Files.deleteIfExists(csv);
                Files.deleteIfExists(dir.resolve("j" + n + ".xlsx"));
                Files.deleteIfExists(dir.resolve("j" + n + "-plain.xlsx"));
            }
        } finally {
            Bench.remove(dir);
        }
    }

    /** A journal of {@code n} lines over one year: mixed rubrieken, some lines without btw, some credit notes. */
    static Path generate(Path file, int n) throws IOException {
        SplittableRandom rnd = new SplittableRandom(2025);
        LocalDate start = LocalDate.of(2025, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("boekdatum;omschrijving;btw code;bedrag excl. btw;btw-bedrag\n");
            for (int i = 0; i < n; i++) {
                String r = RUBRIEKEN[rnd.nextInt(RUBRIEKEN.length)];
                long cents = rnd.nextLong(1, 500_000) * (rnd.nextInt(20) == 0 ? -1 : 1);
                String amount = dutch(cents);
                // As an export has it: btw filled in, except on some sales lines where it follows from the rate.
                boolean derivable = r.equals("1a") || r.equals("1b");
                boolean zero = r.equals("1e") || r.startsWith("3");
                String btw = zero
                        ? ""
                        : derivable && rnd.nextBoolean()
                                ? ""
                                : dutch(new java.math.BigDecimal(cents)
                                        .multiply(
                                                r.equals("1b")
                                                        ? new java.math.BigDecimal("0.09")
                                                        : new java.math.BigDecimal("0.21"))
                                        .setScale(0, java.math.RoundingMode.HALF_UP)
                                        .longValue());
                LocalDate d = start.plusDays(rnd.nextInt(365));
                w.write(String.format(
                        "%02d-%02d-%d;Boeking %d;%s;%s;%s%n",
                        d.getDayOfMonth(), d.getMonthValue(), d.getYear(), i, r, amount, btw));
            }
        }
        return file;
    }

    private static String dutch(long cents) {
        long a = Math.abs(cents);
        return (cents < 0 ? "-" : "") + (a / 100) + "," + String.format("%02d", a % 100);
    }

    /** Nanoseconds to only read the journal. */
    static long parse(Path csv) throws Exception {
        long t = System.nanoTime();
        List<Problem> problems = new ArrayList<>();
        long n = 0;
        try (LedgerReader r = LedgerReader.open(csv, Optional.empty())) {
            Optional<Boeking> b;
            while ((b = r.next(problems)) != null) {
                n += b.isPresent() ? 1 : 0;
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.get(0).toString());
        }
        return System.nanoTime() - t;
    }

    /** Nanoseconds for the whole btw run. */
    static long full(Path csv, Path xlsx) throws Exception {
        long t = System.nanoTime();
        try (Outcome<?> o = Rekenblad.run("btw", Source.of(csv), Options.defaults())) {
            o.save(xlsx);
        }
        return System.nanoTime() - t;
    }

    /**
     * The same rows (the fields as given plus six more cells of the same types), read with the same
     * CSV parser and written by SXSSF with the same settings (200 rows in memory, the same deflate level as
     * rekenblad's streamed sheet), with nothing computed.
     */
    static long plain(Path csv, Path xlsx) throws Exception {
        long t = System.nanoTime();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(
                        in, CSVFormat.DEFAULT.builder().setDelimiter(';').build());
                OutputWorkbook out = OutputWorkbook.createInObjectModel()) {
            SXSSFWorkbook wb = out.streamed();
            Sheet sh = wb.createSheet("Boekingen");
            int i = 0;
            for (CSVRecord rec : p) {
                Row row = sh.createRow(i++);
                int c = 0;
                for (String f : rec) {
                    row.createCell(c++).setCellValue(f);
                }
                row.createCell(c++).setCellValue("2025_Q1");
                row.createCell(c++).setCellValue("rubriek 1a");
                row.createCell(c++).setCellValue(i);
                row.createCell(c++).setCellValue(0.21);
                row.createCell(c++).setCellValue(i);
                row.createCell(c).setCellValue("ja");
            }
            try (OutputStream o = Files.newOutputStream(xlsx)) {
                out.save(o);
            }
        }
        return System.nanoTime() - t;
    }
}
