package nl.rekenblad.bench;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures the KIA investeringsregister on generated registers (CSV): the full run (read, work out, write the
 * workbook with every formula), assets per second, peak heap and the size of the workbook, per size. The files go
 * to a temporary folder that is removed.
 */
public final class KiaBenchmark {
    private KiaBenchmark() {}

    /** Runs the benchmark for each number of assets and prints one line per size to {@code out}. */
    public static void run(List<Integer> sizes, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("rekenblad-bench");
        try {
            out.println(Bench.machine());
            Path warm = generate(dir.resolve("warm.csv"), 5_000);
            full(warm, dir.resolve("warm.xlsx"));
            out.printf(
                    "%10s %10s %12s %12s %10s %12s%n",
                    "activa", "rekenblad s", "activa/s", "werkboek MB", "piek MB", "uitgepakt MB");
            out.flush();
            for (int n : sizes) {
                Path csv = generate(dir.resolve("r" + n + ".csv"), n);
                Path xlsx = dir.resolve("r" + n + ".xlsx");
                Heap.resetPeaks();
                long full = full(csv, xlsx);
                long peak = Heap.peak();
                out.printf(
                        "%10d %10.2f %12.0f %12d %10d %12d%n",
                        n, full / 1e9, n * 1e9 / full, Files.size(xlsx) >> 20, peak >> 20, unpacked(xlsx) >> 20);
                out.flush();
                Files.deleteIfExists(csv);
                Files.deleteIfExists(xlsx);
            }
        } finally {
            Bench.remove(dir);
        }
    }

    /**
     * A register of {@code n} assets invested in 2022–2025: mostly bedrijfsmiddelen of € 350 to € 60.000 with a
     * life of 3 to 10 years, some cars and land, some sold within a few years, and EIA or MIA on a few from 2024.
     */
    public static Path generate(Path file, int n) throws IOException {
        SplittableRandom rnd = new SplittableRandom(n);
        int[] amounts = {350, 450, 1899, 2500, 12000, 32500, 41000, 60000};
        int[] lives = {3, 5, 7, 10};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,omschrijving,datum,bedrag,soort,ingebruikname,betaald,restwaarde,gebruiksduur,verkoopdatum,"
                    + "verkoopprijs,regeling\n");
            for (int i = 1; i <= n; i++) {
                int y = 2022 + rnd.nextInt(4);
                int m = 1 + rnd.nextInt(12);
                int d = 1 + rnd.nextInt(28);
                long cents = amounts[rnd.nextInt(amounts.length)] * 100L + rnd.nextInt(100);
                int kind = rnd.nextInt(10);
                String soort = kind < 8 ? "bedrijfsmiddel" : kind == 8 ? "personenauto" : "grond";
                String sale = "";
                if (rnd.nextInt(10) == 0) {
                    int sy = Math.min(2026, y + 1 + rnd.nextInt(3));
                    sale = String.format(
                            "%d-%02d-%02d,%d.%02d",
                            sy, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28), cents / 200, (cents / 2) % 100);
                } else {
                    sale = ",";
                }
                int r = rnd.nextInt(20);
                String regeling =
                        kind < 8 && y >= 2024 && r == 0 ? "eia" : kind < 8 && y >= 2024 && r == 1 ? "mia-1" : "";
                w.write(i + ",Bedrijfsmiddel " + i + "," + String.format("%d-%02d-%02d", y, m, d) + "," + (cents / 100)
                        + "."
                        + String.format("%02d", cents % 100) + "," + soort + ",,," + (cents / 1000) + ","
                        + lives[rnd.nextInt(lives.length)] + "," + sale + "," + regeling + "\n");
            }
        }
        return file;
    }

    static long full(Path csv, Path xlsx) throws Exception {
        long t = System.nanoTime();
        try (Outcome<?> o = Rekenblad.run("kia", Source.of(csv), Options.defaults())) {
            o.save(xlsx);
        }
        return System.nanoTime() - t;
    }

    private static long unpacked(Path xlsx) throws IOException {
        long total = 0;
        try (var zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                total += entries.nextElement().getSize();
            }
        }
        return total;
    }
}
