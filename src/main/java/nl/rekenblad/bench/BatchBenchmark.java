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
            cold(out, dir);
        } finally {
            Bench.remove(dir);
        }
    }

    /** One kor run in a new JVM with the launcher's options (CDS archive when present), timed from outside. */
    static void cold(PrintWriter out, Path dir) throws Exception {
        Path jar = Path.of(BatchBenchmark.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        if (!jar.toString().endsWith(".jar")) {
            out.println("koude start: alleen te meten vanuit target/rekenblad.jar");
            return;
        }
        Path input = dir.resolve("koud.csv");
        Files.writeString(input, "periode,rubriek,omzet,btw\n2017-Q1,1a,2500,525\n2017-Q1,5b,,190\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jsa = jar.resolveSibling("rekenblad.jsa");
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<String> cmd =
                    new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            if (Files.exists(jsa)) {
                cmd.add("-XX:SharedArchiveFile=" + jsa);
            }
            cmd.addAll(List.of(
                    "-jar",
                    jar.toString(),
                    "kor",
                    input.toString(),
                    "-o",
                    dir.resolve("koud.xlsx").toString()));
            long t = System.nanoTime();
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                out.println("koude start mislukt");
                return;
            }
            times.add(System.nanoTime() - t);
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
