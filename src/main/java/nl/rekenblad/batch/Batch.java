package nl.rekenblad.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.internal.io.Messages;
import nl.rekenblad.core.Problem;
import nl.rekenblad.internal.io.AtomicFiles;
import nl.rekenblad.internal.io.Json;
import nl.rekenblad.rules.MissingRuleException;
import nl.rekenblad.internal.workbook.Styles;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Processes mails and files unattended: every attachment is recognised and run on its own (in
 * parallel, with a time budget), one bad file never stops the rest, inputs are only read, and
 * outputs appear atomically in the output folder under names derived from mail and attachment,
 * so a rerun overwrites its own earlier outputs with the same figures.
 */
public final class Batch {
    /** How to run. */
    public record Options(Path uitmap, Optional<Path> rapport, int threads, long secondsPerFile) {
    }

    /** The report lines in input order and the counts. */
    public record Uitkomst(List<Verslag> regels, long millis) {
        public long tel(Verslag.Status s) {
            return regels.stream().filter(r -> r.status() == s).count();
        }
    }

    private Batch() {
    }

    /**
     * Files processed at once unless told otherwise: one per core. (Measured with {@code ./rekenblad
     * bench batch --threads}: two per core was no faster; the work is CPU-bound.)
     */
    /** Bytes of input files read ahead of the files being worked out, at most (one file is always read). */
    static final long MAX_READ_AHEAD = 96L * 1024 * 1024;

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static Uitkomst run(List<Path> inputs, Options o, PrintWriter voortgang, boolean terminal) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(o.uitmap());
        // The output folder (and the report) may lie inside an input folder: never take our own outputs in again.
        Path uit = o.uitmap().toAbsolutePath().normalize();
        Optional<Path> rapport = o.rapport().map(p -> p.toAbsolutePath().normalize());
        List<Path> files = Intake.bestanden(inputs).stream()
                .filter(f -> {
                    Path a = f.toAbsolutePath().normalize();
                    return !a.startsWith(uit) && !rapport.equals(Optional.of(a));
                })
                .toList();
        int threads = Math.max(1, o.threads());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rekenblad-batch");
            t.setDaemon(true);
            return t;
        });
        Run run = new Run(o, voortgang, terminal, files.size());
        try {
            // A pipeline: mails are read on the pool a few ahead, their attachments are processed on the pool as they
            // come, and results are reported in input order. At most `ahead` of each are in flight, so memory stays
            // bounded however many mails there are.
            int ahead = 4 * threads;
            Deque<Future<List<Bijlage>>> reading = new ArrayDeque<>();
            // The bytes of the files being read ahead: a few mails of 60 MB are as much as many small ones.
            Deque<Long> readingBytes = new ArrayDeque<>();
            long inFlight = 0;
            Map<String, Integer> used = new HashMap<>();
            int next = 0;
            while (next < files.size() || !reading.isEmpty()) {
                while (next < files.size() && reading.size() < ahead
                        && (reading.isEmpty() || inFlight + sizeOf(files.get(next)) <= MAX_READ_AHEAD)) {
                    Path f = files.get(next++);
                    long size = sizeOf(f);
                    inFlight += size;
                    readingBytes.add(size);
                    reading.add(pool.submit(() -> Intake.lees(f)));
                }
                int index = next - reading.size();
                inFlight -= readingBytes.poll();
                for (Bijlage b : run.read(reading.poll(), files.get(index))) {
                    String basis = outputName(b, used);
                    run.add(b, index, pool.submit(() -> verwerk(b, basis, o.uitmap())));
                }
                run.reportDone(ahead);
            }
            run.reportDone(0);
        } finally {
            pool.shutdownNow();
        }
        if (terminal) {
            voortgang.println();
        }
        Uitkomst u = new Uitkomst(run.regels, (System.nanoTime() - start) / 1_000_000);
        writeReport(u, o);
        return u;
    }

    /** The attachments being processed, and the report lines of those done, in input order. */
    private static final class Run {
        private final Options o;
        private final PrintWriter voortgang;
        private final boolean terminal;
        private final int files;
        private final Deque<Bijlage> bijlagen = new ArrayDeque<>();
        private final Deque<Integer> fileIndex = new ArrayDeque<>();
        private final Deque<Future<Verslag>> futures = new ArrayDeque<>();
        private final List<Verslag> regels = new ArrayList<>();
        private long budgetEnd = System.nanoTime();

        Run(Options o, PrintWriter voortgang, boolean terminal, int files) {
            this.o = o;
            this.voortgang = voortgang;
            this.terminal = terminal;
            this.files = files;
        }

        /**
         * The attachments of one mail. No time limit here: the task may still wait in the queue behind long files, and
         * reading a mail is bounded by its size limit ({@link Intake#MAX_MAIL}).
         */
        List<Bijlage> read(Future<List<Bijlage>> f, Path mail) throws IOException {
            try {
                return f.get();
            } catch (ExecutionException e) {
                return List.of(Bijlage.onleesbaar(mail, "interne fout bij het lezen van de mail"
                        + Messages.reason(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("onderbroken", e);
            }
        }

        void add(Bijlage b, int index, Future<Verslag> f) {
            bijlagen.add(b);
            fileIndex.add(index);
            futures.add(f);
        }

        /** Reports the oldest results: those already done, and more (waiting) while over {@code keep} are in flight. */
        void reportDone(int keep) throws IOException {
            while (!futures.isEmpty() && (futures.size() > keep || futures.peek().isDone())) {
                Bijlage b = bijlagen.poll();
                int index = fileIndex.poll();
                Future<Verslag> f = futures.poll();
                Verslag v;
                // Each file gets its budget, counted from when the previous result came in (files run in parallel).
                budgetEnd = Math.max(budgetEnd, System.nanoTime()) + TimeUnit.SECONDS.toNanos(o.secondsPerFile());
                try {
                    v = f.get(Math.max(1, budgetEnd - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    v = fout(b, null, "te lang bezig (meer dan " + o.secondsPerFile() + " s); overgeslagen");
                } catch (ExecutionException e) {
                    v = fout(b, null, "interne fout" + Messages.reason(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("onderbroken", e);
                }
                regels.add(v);
                progress(voortgang, terminal, index + 1, files, regels.size(), v);
            }
        }
    }

    /** The output name of an attachment: mail and attachment (or the file), numbered when it would clash with an earlier one. */
    static String outputName(Bijlage b, Map<String, Integer> used) {
        if (b.naam() == null) {
            return null;
        }
        String base = b.pad() != null ? Namen.stam(Namen.veilig(b.naam()))
                : Namen.stam(Namen.veilig(b.bron().getFileName().toString())) + "__" + Namen.stam(b.naam());
        int k = used.merge(base.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        return k == 1 ? base : base + "-" + k;
    }

    /** An attachment worked out in memory: its report line and, when it went well, the workbook's bytes. */
    public record InGeheugen(Verslag verslag, Optional<byte[]> werkboek, String bestandsnaam) {
    }

    /**
     * Works out one attachment without writing files (the postbus replies with the bytes): recognised, computed and
     * written to memory; never throws for a bad attachment.
     */
    public static InGeheugen verwerkInGeheugen(Bijlage b) {
        if (b.fout().isPresent()) {
            return new InGeheugen(fout(b, null, b.fout().get()), Optional.empty(), null);
        }
        try {
            Source input = Source.of(b.naam(), b.bytes());
            Optional<Regulation> soort = Rekenblad.recognise(input);
            if (soort.isEmpty()) {
                return new InGeheugen(new Verslag(bron(b), b.naam(), null, Verslag.Status.NIET_HERKEND,
                        "geen KOR-, KIA-, journaal-, auditfile- of VU-bestand van rekenblad herkend", Map.of(), List.of()),
                        Optional.empty(), null);
            }
            String kind = soort.get().name();
            try (Geheugen.Deel deel = Geheugen.GEDEELD.neem(Geheugen.GEDEELD.schatting(b));
                    Outcome<?> out = soort.get().run(input, nl.rekenblad.api.Options.defaults())) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                out.writeWorkbook(bytes);
                notCancelled();
                String naam = Namen.stam(Namen.veilig(b.naam())) + "." + kind + ".xlsx";
                List<Problem> warnings = out.warnings();
                Verslag v = warnings.isEmpty() ? new Verslag(bron(b), b.naam(), kind, Verslag.Status.OK, "", out.figures(),
                        List.of(naam)) : new Verslag(bron(b), b.naam(), kind, Verslag.Status.WAARSCHUWING,
                        String.join("; ", warnings.stream().map(Object::toString).toList()), out.figures(), List.of(naam));
                return new InGeheugen(v, Optional.of(bytes.toByteArray()), naam);
            }
        } catch (InvalidInputException | IOException | StackOverflowError | OutOfMemoryError | RuntimeException e) {
            return new InGeheugen(mislukt(b, e), Optional.empty(), null);
        }
    }

    static Verslag verwerk(Bijlage b, String basis, Path uitmap) {
        if (b.fout().isPresent()) {
            return fout(b, null, b.fout().get());
        }
        try {
            // A mail attachment is processed from its bytes: no temporary input file.
            Source input = b.uitMail() ? Source.of(b.naam(), b.bytes()) : Source.of(b.pad());
            if (!b.uitMail() && input.size() > Intake.MAX_BIJLAGE) {
                return fout(b, null, "bestand is te groot (" + input.size() + " bytes)");
            }
            Optional<Regulation> soort = Rekenblad.recognise(input);
            if (soort.isEmpty()) {
                return new Verslag(bron(b), b.naam(), null, Verslag.Status.NIET_HERKEND,
                        "geen KOR-, KIA-, journaal-, auditfile- of VU-bestand van rekenblad herkend", Map.of(), List.of());
            }
            String kind = soort.get().name();
            Path xlsx = uitmap.resolve(basis + "." + kind + ".xlsx");
            Path json = uitmap.resolve(basis + "." + kind + ".json");
            Map<String, Object> cijfers;
            List<Problem> warnings;
            try (Geheugen.Deel deel = Geheugen.GEDEELD.neem(Geheugen.GEDEELD.schatting(b));
                    Outcome<?> out = soort.get().run(input, nl.rekenblad.api.Options.defaults())) {
                notCancelled();
                out.save(xlsx, Optional.of(json));
                cijfers = out.figures();
                warnings = out.warnings();
            }
            List<String> uit = List.of(xlsx.toString(), json.toString());
            if (!warnings.isEmpty()) {
                return new Verslag(bron(b), b.naam(), kind, Verslag.Status.WAARSCHUWING,
                        String.join("; ", warnings.stream().map(Object::toString).toList()), cijfers, uit);
            }
            return new Verslag(bron(b), b.naam(), kind, Verslag.Status.OK, "", cijfers, uit);
        } catch (InvalidInputException | IOException | StackOverflowError | OutOfMemoryError | RuntimeException e) {
            return mislukt(b, e);
        }
    }

    /** An attachment that failed, in one line without Java's class names: why, by what went wrong. */
    private static Verslag mislukt(Bijlage b, Throwable e) {
        if (e instanceof InvalidInputException ie) {
            return fout(b, null, String.join("; ", ie.problems().stream().limit(5).map(Object::toString).toList())
                    + (ie.problems().size() > 5 ? " (en " + (ie.problems().size() - 5) + " meer)" : ""));
        } else if (e instanceof MissingRuleException) {
            return fout(b, null, e.getMessage());
        } else if (e instanceof IOException ioe) {
            return fout(b, null, Messages.io(ioe));
        } else if (e instanceof StackOverflowError) {
            return fout(b, null, "niet te verwerken: de inhoud is te diep genest");
        } else if (e instanceof OutOfMemoryError) {
            return fout(b, null, "niet te verwerken: te groot voor het geheugen");
        }
        return fout(b, null, "niet te verwerken" + Messages.reason(e));
    }

    /** A file whose time ran out is reported as such; it must not put outputs in place afterwards. */
    private static void notCancelled() throws java.io.InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException("afgebroken: de tijd voor dit bestand is op");
        }
    }

    private static Verslag fout(Bijlage b, String soort, String melding) {
        return new Verslag(bron(b), b.naam(), soort, Verslag.Status.FOUT, melding, Map.of(), List.of());
    }

    private static String bron(Bijlage b) {
        return b.bron().toString();
    }

    private static void progress(PrintWriter out, boolean terminal, int filesDone, int files, int done, Verslag v) {
        if (terminal) {
            if (v.status() == Verslag.Status.FOUT) {
                // A failed file stays on screen above the bar (clear the bar's line first).
                out.print("\r\u001b[K");
                out.println(line(v));
            }
            int width = 30;
            int filled = files == 0 ? width : filesDone * width / files;
            out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + filesDone + "/" + files + " bestanden, "
                    + done + " bijlagen");
        } else {
            out.println(line(v));
        }
        out.flush();
    }

    private static String line(Verslag v) {
        return String.format("%-13s %s%s%s", v.status().word(), Path.of(v.bron()).getFileName(),
                v.bijlage() != null && !Path.of(v.bron()).getFileName().toString().equals(v.bijlage()) ? " › " + v.bijlage() : "",
                v.melding().isEmpty() ? "" : ": " + v.melding());
    }

    /** A text as a cell holds it: at most 32.767 characters (Excel's limit), cut with a mark. */
    private static String cell(String text) {
        int max = 32_767;
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The JSON lines report and overzicht.xlsx, written atomically together. */
    private static void writeReport(Uitkomst u, Options o) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (Verslag v : u.regels()) {
            jsonl.append(Json.write(v.toMap()).replaceAll("\\n\\s*", " ").trim()).append('\n');
        }
        AtomicFiles files = new AtomicFiles();
        if (o.rapport().isPresent()) {
            byte[] bytes = jsonl.toString().getBytes(StandardCharsets.UTF_8);
            files.add(o.rapport().get(), out -> out.write(bytes));
        }
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            XSSFSheet sh = wb.createSheet("Overzicht");
            String[] h = {"bron", "bijlage", "soort", "status", "melding", "cijfers", "uitvoer"};
            var hr = sh.createRow(0);
            for (int i = 0; i < h.length; i++) {
                hr.createCell(i).setCellValue(h[i]);
                hr.getCell(i).setCellStyle(st.get(Styles.Kind.HEADER));
            }
            int r = 1;
            for (Verslag v : u.regels()) {
                var row = sh.createRow(r++);
                row.createCell(0).setCellValue(cell(v.bron()));
                row.createCell(1).setCellValue(cell(v.bijlage() == null ? "" : v.bijlage()));
                row.createCell(2).setCellValue(v.soort() == null ? "" : v.soort());
                row.createCell(3).setCellValue(v.status().word());
                row.createCell(4).setCellValue(cell(v.melding()));
                row.createCell(5).setCellValue(cell(v.cijfers().isEmpty() ? "" : Json.write(v.cijfers()).replaceAll("\\n\\s*", " ").trim()));
                row.createCell(6).setCellValue(cell(String.join(", ", v.uitvoer())));
            }
            int[] widths = {40, 30, 8, 14, 80, 50, 80};
            for (int i = 0; i < widths.length; i++) {
                sh.setColumnWidth(i, widths[i] * 256);
            }
            sh.createFreezePane(0, 1);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            wb.write(bytes);
            files.add(o.uitmap().resolve("overzicht.xlsx"), out -> bytes.writeTo(out));
        }
        files.commit();
    }
}
