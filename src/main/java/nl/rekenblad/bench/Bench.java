package nl.rekenblad.bench;

import java.io.IOException;
import java.nio.file.Path;

/** What every benchmark does around its measurements: say what machine it ran on, and leave no files behind. */
final class Bench {
    private Bench() {}

    /** "java 17.0.15, 2 cores, max heap 512 MB". */
    static String machine() {
        return String.format(
                "java %s, %d cores, max heap %d MB",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The product jar the benchmarks run from, or empty when they run from classes (tests, an IDE). */
    static java.util.Optional<Path> jar() throws java.net.URISyntaxException {
        Path jar = Path.of(
                Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.toString().endsWith(".jar") ? java.util.Optional.of(jar) : java.util.Optional.empty();
    }

    /** Removes a benchmark's temporary folder with everything in it. */
    static void remove(Path dir) throws IOException {
        nl.rekenblad.internal.io.AtomicFiles.removeTree(dir);
    }
}
