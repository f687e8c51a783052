package nl.rekenblad.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code rekenblad bench start}: the wall time of a cold run of each common command on its bundled sample, in a new
 * JVM started as the launcher starts it (C1 only, a class-data-sharing archive trained on the samples by the hidden
 * {@code oefen} command), as the median of several runs. With {@code --vergelijk OUD.jar} another build is measured in
 * the same rounds, run for run alternating, so a change is measured before and after back to back.
 */
public final class StartBenchmark {
    private StartBenchmark() {}

    /**
     * Measures {@code rounds} cold runs of every command with the jar this class runs from, and with {@code other} when
     * given, on the samples in {@code samples} (default: the {@code samples} folder beside the jar's folder).
     */
    public static void run(int rounds, Optional<Path> other, Optional<Path> samples, PrintWriter out) throws Exception {
        Optional<Path> self = Bench.jar();
        if (self.isEmpty()) {
            out.println(
                    "bench start: alleen te meten vanuit het jar-bestand (target/rekenblad.jar of lib/rekenblad.jar)");
            return;
        }
        Path dir = samples.orElse(self.get().toAbsolutePath().getParent().resolveSibling("samples"));
        if (!Files.isDirectory(dir)) {
            out.println("bench start: geen map met voorbeelden: " + dir + " (geef --voorbeelden MAP)");
            return;
        }
        List<Path> jars = new ArrayList<>(List.of(self.get()));
        other.ifPresent(jars::add);
        Path tmp = Files.createTempDirectory("rekenblad-start");
        try {
            List<Path> archives = new ArrayList<>();
            for (int j = 0; j < jars.size(); j++) {
                Path jsa = tmp.resolve("archief-" + j + ".jsa");
                train(jars.get(j), jsa, dir);
                archives.add(jsa);
            }
            out.printf(
                    "java %s, %d cores; koude start als de starter (alleen C1, CDS-archief getraind met oefen), mediaan"
                            + " van %d, in seconden%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds);
            StringBuilder head = new StringBuilder(String.format("%-44s", "opdracht"));
            for (Path jar : jars) {
                head.append(String.format(" %18s", shortName(jar, jar == self.get())));
            }
            out.println(head);
            List<List<String>> runs = new ArrayList<>(List.of(List.of("--version")));
            runs.addAll(Voorbeelden.RUNS);
            for (List<String> run : runs) {
                Optional<List<String>> found = Voorbeelden.arguments(run, dir);
                if (found.isEmpty()) {
                    continue;
                }
                List<String> args = new ArrayList<>(found.get());
                if (!run.get(0).startsWith("-")) {
                    args.addAll(List.of("-o", tmp.resolve("uit.xlsx").toString()));
                }
                List<List<Long>> times = new ArrayList<>();
                jars.forEach(j -> times.add(new ArrayList<>()));
                for (int i = 0; i < rounds; i++) {
                    // Alternating: a slow moment of the machine hits both builds alike.
                    for (int j = 0; j < jars.size(); j++) {
                        times.get(j).add(Bench.timed(jars.get(j), archives.get(j), 120, args));
                    }
                }
                StringBuilder line = new StringBuilder(String.format("%-44s", String.join(" ", run)));
                for (List<Long> t : times) {
                    t.sort(null);
                    line.append(
                            t.get(0) < 0
                                    ? String.format(" %18s", "mislukt")
                                    : String.format(" %18.3f", t.get(t.size() / 2) / 1e9));
                }
                out.println(line);
                out.flush();
            }
        } finally {
            Bench.remove(tmp);
        }
    }

    private static String shortName(Path jar, boolean self) {
        String name = jar.getFileName().toString();
        return self ? "deze build" : name.length() > 18 ? name.substring(0, 18) : name;
    }

    /** Trains a class-data-sharing archive for {@code jar} as the launcher does: one oefen run over the samples. */
    private static void train(Path jar, Path jsa, Path samples) throws Exception {
        List<String> cmd = Bench.launcherJava(null);
        cmd.addAll(List.of("-XX:ArchiveClassesAtExit=" + jsa, "-jar", jar.toString(), "oefen", samples.toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
    }
}
