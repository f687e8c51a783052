package nl.rekenblad.batch;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import nl.rekenblad.internal.io.AtomicFiles;
import nl.rekenblad.internal.io.Json;
import nl.rekenblad.internal.io.Messages;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.internal.workbook.SheetCells;
import nl.rekenblad.internal.workbook.Style;
import nl.rekenblad.internal.workbook.Styles;
import nl.rekenblad.rules.MissingRuleException;

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

/**
 * Processes mails and files unattended: every attachment is recognised and run on its own (in
 * parallel, with a time budget), one bad file never stops the rest, inputs are only read, and
 * outputs appear atomically in the output folder under names derived from mail and attachment,
 * so a rerun overwrites its own earlier outputs with the same figures.
 */
public final class Batch {
    /** How to run. */
    public record Options(Path uitmap, Optional<Path> rapport, int threads, long secondsPerFile) {}

    /** The report lines in input order and the counts. */
    public record Uitkomst(List<Verslag> regels, long millis) {
        public long tel(Verslag.Status s) {
            return regels.stream().filter(r -> r.status() == s).count();
        }
    }

    private Batch() {}

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

    public static Uitkomst run(List<Path> inputs, Options o, PrintWriter voortgang, boolean terminal)
            throws IOException {
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
                while (next < files.size()
                        && reading.size() < ahead
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
                    run.add(
                            b,
                            index,
                            pool.submit(() -> verwerk(
                                    b,
                                    basis == null
                                            ? new Bestemming.Geheugen()
                                            : new Bestemming.Map(o.uitmap(), basis))));
                }
                run.reportDone(ahead);
            }
            run.reportDone(0);
        } finally {
            pool.shutdownNow();
            // No job outlives its run: a cancelled one stops at its next check and writes nothing.
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
        private final Deque<Future<Verwerkt>> futures = new ArrayDeque<>();
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
                return List.of(Bijlage.onleesbaar(
                        mail.toString(), "interne fout bij het lezen van de mail" + Messages.reason(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("onderbroken", e);
            }
        }

        void add(Bijlage b, int index, Future<Verwerkt> f) {
            bijlagen.add(b);
            fileIndex.add(index);
            futures.add(f);
        }

        /** Reports the oldest results: those already done, and more (waiting) while over {@code keep} are in flight. */
        void reportDone(int keep) throws IOException {
            while (!futures.isEmpty()
                    && (futures.size() > keep || futures.peek().isDone())) {
                Bijlage b = bijlagen.poll();
                int index = fileIndex.poll();
                Future<Verwerkt> f = futures.poll();
                Verslag v;
                // Each file gets its budget, counted from when the previous result came in (files run in parallel).
                budgetEnd = Math.max(budgetEnd, System.nanoTime()) + TimeUnit.SECONDS.toNanos(o.secondsPerFile());
                try {
                    v = binnen(f, b, budgetEnd, o.secondsPerFile()).verslag();
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
        if (!(b instanceof Bijlage.Invoer in)) {
            return null;
        }
        String base = !in.uitMail()
                ? Namen.stam(Namen.veilig(b.naam()))
                : Namen.stam(Namen.veilig(Path.of(b.bron()).getFileName().toString())) + "__" + Namen.stam(b.naam());
        int k = used.merge(base.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        return k == 1 ? base : base + "-" + k;
    }

    /** Where the workbook of an attachment goes. */
    public sealed interface Bestemming permits Bestemming.Map, Bestemming.Geheugen {
        /** Into {@code uitmap} as {@code basis.soort.xlsx} and {@code basis.soort.json}, atomically (batch). */
        record Map(Path uitmap, String basis) implements Bestemming {}

        /** Kept in memory, to be sent (postbus) or downloaded. */
        record Geheugen() implements Bestemming {}
    }

    /**
     * An attachment worked out: its report line, every warning or error as it was found ({@code problemen}, each naming
     * file and line or cell), and, for {@link Bestemming.Geheugen} when it went well, the workbook's bytes, its file
     * name and the JSON report.
     */
    public record Verwerkt(
            Verslag verslag,
            List<Problem> problemen,
            Optional<byte[]> werkboek,
            String bestandsnaam,
            Optional<String> json) {
        public Verwerkt {
            problemen = List.copyOf(problemen);
        }

        static Verwerkt alleen(Verslag v) {
            return alleen(v, List.of());
        }

        static Verwerkt alleen(Verslag v, List<Problem> problemen) {
            return new Verwerkt(v, problemen, Optional.empty(), null, Optional.empty());
        }
    }

    /**
     * The one path of an attachment, for batch and postbus alike: recognised, its memory taken, run, and its workbook
     * written where {@code waar} says; never throws for a bad attachment (the report line says what went wrong).
     */
    public static Verwerkt verwerk(Bijlage b, Bestemming waar) {
        return verwerk(b, waar, nl.rekenblad.api.Options.defaults());
    }

    /**
     * {@link #verwerk(Bijlage, Bestemming)} with {@code opties} for the regulation that recognises it (the web page's
     * rechtsvorm, omzet vorig jaar, a btwcodes file); a regulation ignores the options it does not read.
     */
    @SuppressWarnings("try") // the memory share is held for the run, never read
    public static Verwerkt verwerk(Bijlage b, Bestemming waar, nl.rekenblad.api.Options opties) {
        if (b instanceof Bijlage.Onleesbaar o) {
            return Verwerkt.alleen(fout(b, null, o.fout()));
        }
        Bijlage.Invoer in = (Bijlage.Invoer) b;
        try {
            Source input = in.source();
            if (!in.uitMail() && input.size() > Intake.MAX_BIJLAGE) {
                return Verwerkt.alleen(fout(b, null, "bestand is te groot (" + input.size() + " bytes)"));
            }
            Optional<nl.rekenblad.spi.RegulationProvider> soort = Rekenblad.recognise(input);
            if (soort.isEmpty()) {
                return Verwerkt.alleen(new Verslag(
                        b.bron(),
                        b.naam(),
                        null,
                        Verslag.Status.NIET_HERKEND,
                        nietHerkend(Rekenblad.regulations()),
                        Map.of(),
                        List.of()));
            }
            String kind = soort.get().name();
            List<String> uit;
            Optional<byte[]> werkboek = Optional.empty();
            Optional<String> verslagJson = Optional.empty();
            String naam = null;
            Map<String, Object> cijfers;
            List<Problem> warnings;
            try (Geheugen.Deel deel = Geheugen.GEDEELD.neem(Geheugen.GEDEELD.schatting(soort.get(), in));
                    Outcome<?> out = soort.get().run(input, opties)) {
                if (waar instanceof Bestemming.Map m) {
                    Path xlsx = m.uitmap().resolve(m.basis() + "." + kind + ".xlsx");
                    Path json = m.uitmap().resolve(m.basis() + "." + kind + ".json");
                    notCancelled();
                    out.save(xlsx, Optional.of(json));
                    uit = List.of(xlsx.toString(), json.toString());
                } else {
                    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                    out.writeWorkbook(bytes);
                    notCancelled();
                    naam = Namen.stam(Namen.veilig(b.naam())) + "." + kind + ".xlsx";
                    werkboek = Optional.of(bytes.toByteArray());
                    verslagJson = Optional.of(out.json());
                    uit = List.of(naam);
                }
                cijfers = out.figures();
                warnings = out.warnings();
            }
            Verslag v = warnings.isEmpty()
                    ? new Verslag(b.bron(), b.naam(), kind, Verslag.Status.OK, "", cijfers, uit)
                    : new Verslag(
                            b.bron(),
                            b.naam(),
                            kind,
                            Verslag.Status.WAARSCHUWING,
                            String.join(
                                    "; ",
                                    warnings.stream().map(Object::toString).toList()),
                            cijfers,
                            uit);
            return new Verwerkt(v, warnings, werkboek, naam, verslagJson);
        } catch (InvalidInputException e) {
            return Verwerkt.alleen(
                    mislukt(b, e), e.problems().stream().limit(100).toList());
        } catch (IOException | StackOverflowError | OutOfMemoryError | RuntimeException e) {
            return Verwerkt.alleen(mislukt(b, e));
        }
    }

    /**
     * The one time budget: the result of {@code f} by {@code deadline} ({@link System#nanoTime()}), else the job is
     * cancelled (it leaves no output: see {@link #notCancelled}) and reported as over its {@code seconden}.
     */
    public static Verwerkt binnen(Future<Verwerkt> f, Bijlage b, long deadline, long seconden)
            throws InterruptedException {
        try {
            return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return Verwerkt.alleen(fout(b, null, "te lang bezig (meer dan " + seconden + " s); overgeslagen"));
        } catch (ExecutionException e) {
            return Verwerkt.alleen(fout(b, null, "interne fout" + Messages.reason(e.getCause())));
        }
    }

    /**
     * The message for an attachment no regulation recognises, from the registry: "geen KOR-, KIA-, journaal-,
     * auditfile- of VU-bestand van rekenblad herkend".
     */
    public static String nietHerkend(List<Regulation> regulations) {
        List<String> soorten =
                invoerSoorten(regulations).stream().map(w -> w + "-").toList();
        return "geen " + nl.rekenblad.core.DutchText.opsomming(soorten, "of") + "bestand van rekenblad herkend";
    }

    /** What batch recognises, from the registry, for help texts: "KOR, KIA, journaal, auditfile of VU". */
    public static String soorten(List<Regulation> regulations) {
        return nl.rekenblad.core.DutchText.opsomming(invoerSoorten(regulations), "of");
    }

    private static List<String> invoerSoorten(List<Regulation> regulations) {
        return regulations.stream().flatMap(r -> r.invoerSoorten().stream()).toList();
    }

    /** An attachment whose worker was interrupted (the service stops). */
    public static Verwerkt onderbroken(Bijlage b) {
        return Verwerkt.alleen(fout(b, null, "onderbroken"));
    }

    /** An attachment that failed, in one line without Java's class names: why, by what went wrong. */
    private static Verslag mislukt(Bijlage b, Throwable e) {
        if (e instanceof InvalidInputException ie) {
            return fout(
                    b,
                    null,
                    String.join(
                                    "; ",
                                    ie.problems().stream()
                                            .limit(5)
                                            .map(Object::toString)
                                            .toList())
                            + (ie.problems().size() > 5
                                    ? " (en " + (ie.problems().size() - 5) + " meer)"
                                    : ""));
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

    static Verslag fout(Bijlage b, String soort, String melding) {
        return new Verslag(b.bron(), b.naam(), soort, Verslag.Status.FOUT, melding, Map.of(), List.of());
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
            out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + filesDone + "/" + files
                    + " bestanden, " + done + " bijlagen");
        } else {
            out.println(line(v));
        }
        out.flush();
    }

    private static String line(Verslag v) {
        return String.format(
                "%-13s %s%s%s",
                v.status().word(),
                Path.of(v.bron()).getFileName(),
                v.bijlage() != null
                                && !Path.of(v.bron()).getFileName().toString().equals(v.bijlage())
                        ? " › " + v.bijlage()
                        : "",
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
            jsonl.append(Json.line(v.toMap())).append('\n');
        }
        AtomicFiles files = new AtomicFiles();
        if (o.rapport().isPresent()) {
            byte[] bytes = jsonl.toString().getBytes(StandardCharsets.UTF_8);
            files.add(o.rapport().get(), out -> out.write(bytes));
        }
        try (OutputWorkbook wb = OutputWorkbook.create()) {
            SheetCells sh = wb.createGeneratedSheet("Overzicht");
            String[] h = {"bron", "bijlage", "soort", "status", "melding", "cijfers", "uitvoer"};
            Style header = wb.styles().get(Styles.Kind.HEADER);
            for (int i = 0; i < h.length; i++) {
                sh.text(0, i, h[i], header);
            }
            int r = 1;
            for (Verslag v : u.regels()) {
                String[] cells = {
                    cell(v.bron()),
                    cell(v.bijlage() == null ? "" : v.bijlage()),
                    v.soort() == null ? "" : v.soort(),
                    v.status().word(),
                    cell(v.melding()),
                    cell(v.cijfers().isEmpty() ? "" : Json.line(v.cijfers())),
                    cell(String.join(", ", v.uitvoer()))
                };
                for (int i = 0; i < cells.length; i++) {
                    sh.text(r, i, cells[i], null);
                }
                r++;
            }
            int[] widths = {40, 30, 8, 14, 80, 50, 80};
            for (int i = 0; i < widths.length; i++) {
                sh.settings().width(i, widths[i]);
            }
            sh.settings().freeze(0, 1);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            wb.save(bytes);
            files.add(o.uitmap().resolve("overzicht.xlsx"), out -> bytes.writeTo(out));
        }
        files.commit();
    }
}
