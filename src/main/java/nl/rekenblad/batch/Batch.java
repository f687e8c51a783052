package nl.rekenblad.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import nl.rekenblad.app.BtwJob;
import nl.rekenblad.app.KiaJob;
import nl.rekenblad.app.KorJob;
import nl.rekenblad.btw.BtwAangifte;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.io.AtomicFiles;
import nl.rekenblad.io.Json;
import nl.rekenblad.kor.KorResult;
import nl.rekenblad.kor.Regime;
import nl.rekenblad.rules.MissingRuleException;
import nl.rekenblad.sheet.Styles;
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

    public static Uitkomst run(List<Path> inputs, Options o, PrintWriter voortgang, boolean terminal) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(o.uitmap());
        List<Bijlage> bijlagen = Intake.lees(inputs);
        Map<Bijlage, String> basis = outputNames(bijlagen);
        Path tmp = Files.createTempDirectory("rekenblad-batch");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.threads()), r -> {
            Thread t = new Thread(r, "rekenblad-batch");
            t.setDaemon(true);
            return t;
        });
        List<Verslag> regels = new ArrayList<>();
        try {
            List<Future<Verslag>> futures = new ArrayList<>();
            AtomicInteger n = new AtomicInteger();
            for (Bijlage b : bijlagen) {
                Path own = tmp.resolve("b" + n.incrementAndGet());
                futures.add(pool.submit(() -> verwerk(b, basis.get(b), own, o.uitmap())));
            }
            long budgetEnd = System.nanoTime();
            for (int i = 0; i < futures.size(); i++) {
                Bijlage b = bijlagen.get(i);
                Verslag v;
                // Each file gets its budget, counted from when the previous result came in (files run in parallel).
                budgetEnd = Math.max(budgetEnd, System.nanoTime()) + TimeUnit.SECONDS.toNanos(o.secondsPerFile());
                try {
                    v = futures.get(i).get(Math.max(1, budgetEnd - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    v = fout(b, null, "te lang bezig (meer dan " + o.secondsPerFile() + " s); overgeslagen");
                } catch (ExecutionException e) {
                    v = fout(b, null, "interne fout: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("onderbroken", e);
                }
                regels.add(v);
                progress(voortgang, terminal, i + 1, futures.size(), v);
            }
        } finally {
            pool.shutdownNow();
            deleteTree(tmp);
        }
        if (terminal) {
            voortgang.println();
        }
        Uitkomst u = new Uitkomst(regels, (System.nanoTime() - start) / 1_000_000);
        writeReport(u, o);
        return u;
    }

    /** Output names: mail and attachment (or the file), with a number when two inputs would clash. */
    static Map<Bijlage, String> outputNames(List<Bijlage> bijlagen) {
        Map<Bijlage, String> names = new LinkedHashMap<>();
        Map<String, Integer> used = new HashMap<>();
        for (Bijlage b : bijlagen) {
            if (b.naam() == null) {
                continue;
            }
            String base = b.pad() != null ? Namen.stam(Namen.veilig(b.naam()))
                    : Namen.stam(Namen.veilig(b.bron().getFileName().toString())) + "__" + Namen.stam(b.naam());
            int k = used.merge(base.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            names.put(b, k == 1 ? base : base + "-" + k);
        }
        return names;
    }

    static Verslag verwerk(Bijlage b, String basis, Path own, Path uitmap) {
        if (b.fout().isPresent()) {
            return fout(b, null, b.fout().get());
        }
        try {
            Path input = b.pad();
            if (b.uitMail()) {
                Files.createDirectories(own);
                input = own.resolve(b.naam());
                Files.write(input, b.bytes());
            } else if (Files.size(input) > Intake.MAX_BIJLAGE) {
                return fout(b, null, "bestand is te groot (" + Files.size(input) + " bytes)");
            }
            Optional<Herkenning.Soort> soort = Herkenning.herken(input);
            if (soort.isEmpty()) {
                return new Verslag(bron(b), b.naam(), null, Verslag.Status.NIET_HERKEND,
                        "geen KOR-, KIA- of journaalbestand van rekenblad herkend", Map.of(), List.of());
            }
            Path xlsx = uitmap.resolve(basis + "." + soort.get() + ".xlsx");
            Path json = uitmap.resolve(basis + "." + soort.get() + ".json");
            Map<String, Object> cijfers = new LinkedHashMap<>();
            List<Problem> warnings;
            switch (soort.get()) {
                case kor -> {
                    try (KorJob.Outcome out = KorJob.compute(input, Optional.empty(), Optional.empty())) {
                        KorJob.write(out, input, xlsx, Optional.of(json));
                        korCijfers(out.result(), cijfers);
                        warnings = out.result().warnings();
                    }
                }
                case kia -> {
                    try (KiaJob.Outcome out = KiaJob.compute(input, Optional.empty())) {
                        KiaJob.write(out, input, xlsx, Optional.of(json));
                        for (int y : out.result().years()) {
                            cijfers.put("kia" + y, out.result().kia(y));
                        }
                        warnings = out.result().warnings();
                    }
                }
                default -> {
                    try (BtwJob.Outcome out = BtwJob.compute(input, BtwJob.Options.defaults())) {
                        BtwJob.write(out, input, xlsx, Optional.of(json));
                        for (Period p : out.berekening().perioden()) {
                            cijfers.put("5c " + p.label(), Money.of(out.aangifte().exact(BtwAangifte.exact(p, "5c"))));
                        }
                        warnings = out.berekening().aantalMeldingen() > 0
                                ? List.of(Problem.warning(b.naam(), out.berekening().aantalMeldingen() + " regels in Controle"))
                                : List.of();
                    }
                }
            }
            List<String> uit = List.of(xlsx.toString(), json.toString());
            if (!warnings.isEmpty()) {
                return new Verslag(bron(b), b.naam(), soort.get().name(), Verslag.Status.WAARSCHUWING,
                        String.join("; ", warnings.stream().map(Object::toString).toList()), cijfers, uit);
            }
            return new Verslag(bron(b), b.naam(), soort.get().name(), Verslag.Status.OK, "", cijfers, uit);
        } catch (InvalidInputException e) {
            return fout(b, null, String.join("; ", e.problems().stream().limit(5).map(Object::toString).toList())
                    + (e.problems().size() > 5 ? " (en " + (e.problems().size() - 5) + " meer)" : ""));
        } catch (MissingRuleException e) {
            return fout(b, null, e.getMessage());
        } catch (IOException e) {
            return fout(b, null, "lezen of schrijven mislukt: " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            return fout(b, null, "niet te verwerken: " + e);
        }
    }

    private static void korCijfers(KorResult r, Map<String, Object> c) {
        c.put("jaar", r.year());
        if (r.regime() == Regime.OUD) {
            c.put("vermindering", r.vermindering());
            c.put("teBetalen", r.teBetalen());
        } else {
            c.put("omzet", r.omzet());
            c.put("binnenGrens", r.binnenGrens());
        }
    }

    private static Verslag fout(Bijlage b, String soort, String melding) {
        return new Verslag(bron(b), b.naam(), soort, Verslag.Status.FOUT, melding, Map.of(), List.of());
    }

    private static String bron(Bijlage b) {
        return b.bron().toString();
    }

    private static void progress(PrintWriter out, boolean terminal, int done, int total, Verslag v) {
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
        } else {
            out.println(String.format("%-13s %s%s%s", v.status().word(), Path.of(v.bron()).getFileName(),
                    v.bijlage() != null && !Path.of(v.bron()).getFileName().toString().equals(v.bijlage()) ? " › " + v.bijlage() : "",
                    v.melding().isEmpty() ? "" : ": " + v.melding()));
        }
        out.flush();
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
                row.createCell(0).setCellValue(v.bron());
                row.createCell(1).setCellValue(v.bijlage() == null ? "" : v.bijlage());
                row.createCell(2).setCellValue(v.soort() == null ? "" : v.soort());
                row.createCell(3).setCellValue(v.status().word());
                row.createCell(4).setCellValue(v.melding());
                row.createCell(5).setCellValue(v.cijfers().isEmpty() ? "" : Json.write(v.cijfers()).replaceAll("\\n\\s*", " ").trim());
                row.createCell(6).setCellValue(String.join(", ", v.uitvoer()));
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

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

}
