package nl.rekenblad.bench;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import nl.rekenblad.api.Source;
import nl.rekenblad.batch.Batch;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Measures batch intake on generated mails, each with one small attachment (KOR CSV, KOR
 * workbook or KIA register, in turn): files per second after a warm-up, in one JVM on all cores;
 * and the wall time of one {@code kor} run in a fresh JVM, as the launcher starts it.
 */
public final class BatchBenchmark {
    private BatchBenchmark() {}

    public static void run(List<Integer> sizes, int threads, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("rekenblad-batchbench");
        try {
            byte[][] attachments = attachments();
            String[] names = {"aangiften.csv", "aangiften.xlsx", "register.csv"};
            boolean c1 = java.lang.management.ManagementFactory.getRuntimeMXBean()
                    .getInputArguments()
                    .contains("-XX:TieredStopAtLevel=1");
            out.printf(
                    "java %s, %d cores, %d threads, JIT %s%n",
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(),
                    threads,
                    c1 ? "alleen C1 (zoals ./rekenblad batch draait)" : "C1 en C2");
            // Warm-up: enough files for the JIT compiler to have compiled the hot paths of POI and rekenblad.
            int warmup = 400;
            out.printf("opwarmen met %d mails …%n", warmup);
            out.flush();
            Path warm = mails(dir.resolve("warm"), warmup, attachments, names);
            Batch.run(
                    List.of(warm),
                    new Batch.Options(dir.resolve("uit-warm"), Optional.empty(), threads, 60),
                    new PrintWriter(OutputStream.nullOutputStream()),
                    false);
            out.printf("%8s %10s %12s %8s%n", "mails", "seconden", "bestanden/s", "fout");
            for (int n : sizes) {
                Path in = mails(dir.resolve("m" + n), n, attachments, names);
                long t = System.nanoTime();
                Batch.Uitkomst u = Batch.run(
                        List.of(in),
                        new Batch.Options(dir.resolve("uit" + n), Optional.empty(), threads, 60),
                        new PrintWriter(OutputStream.nullOutputStream()),
                        false);
                long nanos = System.nanoTime() - t;
                out.printf(
                        "%8d %10.2f %12.1f %8d%n",
                        n, nanos / 1e9, u.regels().size() * 1e9 / nanos, u.tel(nl.rekenblad.batch.Verslag.Status.FOUT));
                out.flush();
            }
            versusOpenpyxl(out, dir, attachments, threads);
            cold(out, dir);
        } finally {
            Bench.remove(dir);
        }
    }

    /** The Python loop issue 26 measures against: open each small workbook, change a cell, save it. */
    private static final String OPENPYXL_LOOP = String.join(
            "\n",
            "import os, sys, time, openpyxl",
            "src, dst = sys.argv[1], sys.argv[2]",
            "names = sorted(os.listdir(src))",
            "t = time.perf_counter()",
            "for n in names:",
            "    wb = openpyxl.load_workbook(os.path.join(src, n))",
            "    wb.worksheets[0]['A1'] = 'bewerkt'",
            "    wb.save(os.path.join(dst, n))",
            "print(len(names), time.perf_counter() - t)",
            "");

    /**
     * Issue 26's comparison, in the same run: batch over 600 small KOR CSVs (a folder, on all threads) against an
     * openpyxl open-edit-save loop over 600 small KOR workbooks (one Python process), when python3 with openpyxl is
     * there ({@code apt-get install python3-openpyxl}); says so when it is not.
     */
    static void versusOpenpyxl(PrintWriter out, Path dir, byte[][] attachments, int threads) throws Exception {
        int n = 600;
        Path csvs = Files.createDirectories(dir.resolve("vergelijk-csv"));
        Path xlsxs = Files.createDirectories(dir.resolve("vergelijk-xlsx"));
        Path pyOut = Files.createDirectories(dir.resolve("vergelijk-py-uit"));
        for (int i = 0; i < n; i++) {
            Files.write(csvs.resolve(String.format("kor-%04d.csv", i)), attachments[0]);
            Files.write(xlsxs.resolve(String.format("kor-%04d.xlsx", i)), attachments[1]);
        }
        // Three rounds, each into a new folder: one round of 600 small files is over in about a second, and one
        // slow moment of the machine would decide a single figure.
        List<Double> rounds = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            long t = System.nanoTime();
            Batch.Uitkomst u = Batch.run(
                    List.of(csvs),
                    new Batch.Options(dir.resolve("vergelijk-uit-" + r), Optional.empty(), threads, 60),
                    new PrintWriter(OutputStream.nullOutputStream()),
                    false);
            rounds.add(u.regels().size() * 1e9 / (System.nanoTime() - t));
        }
        List<Double> sorted = new ArrayList<>(rounds);
        sorted.sort(null);
        double rekenblad = sorted.get(1);
        out.printf(
                "batch over %d kleine KOR-CSV's, in deze JVM na het opwarmen: %.1f bestanden/s (mediaan van 3: %s)%n",
                n,
                rekenblad,
                rounds.stream().map(x -> String.format("%.1f", x)).collect(java.util.stream.Collectors.joining(", ")));
        // As a user runs it: a fresh JVM through the launcher's options, start to finish.
        double commando = fresh(dir, csvs, n);
        if (commando > 0) {
            out.printf(
                    "rekenblad batch over dezelfde %d CSV's als los commando (nieuwe JVM): %.1f bestanden/s%n",
                    n, commando);
        }
        Path script = dir.resolve("openpyxl_loop.py");
        Files.writeString(script, OPENPYXL_LOOP);
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        String printed;
        try {
            Process p = new ProcessBuilder(python, script.toString(), xlsxs.toString(), pyOut.toString())
                    .redirectErrorStream(true)
                    .start();
            printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                out.println("openpyxl niet beschikbaar (apt-get install python3-openpyxl): "
                        + printed.lines().reduce((a, b) -> b).orElse(""));
                return;
            }
        } catch (java.io.IOException e) {
            out.println("python3 niet gevonden: vergelijking met openpyxl overgeslagen");
            return;
        }
        String[] parts = printed.lines().reduce((a, b) -> b).orElse("0 1").split(" ");
        double openpyxl = Integer.parseInt(parts[0]) / Double.parseDouble(parts[1]);
        out.printf("openpyxl openen-bewerken-opslaan over %d kleine KOR-werkboeken: %.1f bestanden/s%n", n, openpyxl);
        out.printf(
                "rekenblad ÷ openpyxl: %.2f× in de JVM%s (doel stap één 1,25×, doel 500 bestanden/s)%n",
                rekenblad / openpyxl,
                commando > 0 ? String.format(", %.2f× als los commando", commando / openpyxl) : "");
    }

    /** Files per second of {@code rekenblad batch} over {@code folder} in a new JVM, as the launcher starts it; 0 outside the jar. */
    private static double fresh(Path dir, Path folder, int n) throws Exception {
        long nanos = timedRun(
                10 * 60,
                "batch",
                folder.toString(),
                "-o",
                dir.resolve("los-uit").toString());
        return nanos < 0 ? 0 : n * 1e9 / nanos;
    }

    /**
     * The wall time in nanoseconds of {@code rekenblad args} in a new JVM with the launcher's options (C1 only, the CDS
     * archive beside the jar when present); -1 outside the jar, on failure or past {@code seconds}.
     */
    private static long timedRun(long seconds, String... args) throws Exception {
        java.util.Optional<Path> jar = Bench.jar();
        return jar.isEmpty()
                ? -1
                : Bench.timed(jar.get(), jar.get().resolveSibling("rekenblad.jsa"), seconds, List.of(args));
    }

    /** One kor run in a new JVM with the launcher's options (CDS archive when present), timed from outside. */
    static void cold(PrintWriter out, Path dir) throws Exception {
        if (Bench.jar().isEmpty()) {
            out.println("koude start: alleen te meten vanuit target/rekenblad.jar");
            return;
        }
        Path input = dir.resolve("koud.csv");
        Files.writeString(input, "periode,rubriek,omzet,btw\n2017-Q1,1a,2500,525\n2017-Q1,5b,,190\n");
        Path jsa = Bench.jar().get().resolveSibling("rekenblad.jsa");
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long nanos = timedRun(
                    60, "kor", input.toString(), "-o", dir.resolve("koud.xlsx").toString());
            if (nanos < 0) {
                out.println("koude start mislukt");
                return;
            }
            times.add(nanos);
        }
        times.sort(null);
        out.printf(
                "koude start, één kor-bestand (mediaan van 5, %s): %.2f s%n",
                Files.exists(jsa) ? "met CDS-archief" : "zonder CDS-archief", times.get(2) / 1e9);
    }

    private static byte[][] attachments() throws Exception {
        byte[] csv =
                "periode,rubriek,omzet,btw\n2017-Q1,1a,2500,525\n2017-Q1,5b,,190\n2017-Q2,1a,3000,630\n2017-Q2,5b,,190\n"
                        .getBytes(StandardCharsets.UTF_8);
        var b = new java.io.ByteArrayOutputStream();
        nl.rekenblad.kor.KorRegulation.writeFilledTemplate(Source.of("kor.csv", csv), b);
        byte[] xlsx = b.toByteArray();
        byte[] kia =
                ("id,omschrijving,datum,bedrag,soort,restwaarde,gebruiksduur\n1,Laptop,2025-03-01,1899,bedrijfsmiddel,0,3\n"
                                + "2,Bus,2025-05-01,32500,bedrijfsmiddel,5000,5\n")
                        .getBytes(StandardCharsets.UTF_8);
        return new byte[][] {csv, xlsx, kia};
    }

    private static Path mails(Path dir, int n, byte[][] attachments, String[] names) throws Exception {
        Files.createDirectories(dir);
        Session session = Session.getInstance(new Properties());
        for (int i = 0; i < n; i++) {
            MimeMessage m = new MimeMessage(session);
            m.setSubject("Stukken " + i);
            MimeMultipart mp = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Bijgaand.");
            mp.addBodyPart(text);
            MimeBodyPart a = new MimeBodyPart();
            a.setDataHandler(new DataHandler(new ByteArrayDataSource(attachments[i % 3], "application/octet-stream")));
            a.setFileName(names[i % 3]);
            mp.addBodyPart(a);
            m.setContent(mp);
            m.saveChanges();
            try (OutputStream o = Files.newOutputStream(dir.resolve(String.format("mail-%05d.eml", i)))) {
                m.writeTo(o);
            }
        }
        return dir;
    }
}
