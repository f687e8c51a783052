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

    /** Removes a benchmark's temporary folder with everything in it. */
    static void remove(Path dir) throws IOException {
        nl.rekenblad.internal.io.AtomicFiles.removeTree(dir);
    }
}
