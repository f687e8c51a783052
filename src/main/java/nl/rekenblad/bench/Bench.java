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

    /** The JVM with the launcher's options (C1 only, no CDS messages), and the archive {@code jsa} when it exists. */
    static java.util.List<String> launcherJava(Path jsa) {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1",
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"));
        if (jsa != null && java.nio.file.Files.exists(jsa)) {
            cmd.add("-XX:SharedArchiveFile=" + jsa);
        }
        return cmd;
    }

    /**
     * The wall time in nanoseconds of {@code rekenblad args} from {@code jar} in a new JVM started as the launcher
     * starts it ({@link #launcherJava}), timed from outside; -1 on failure or past {@code seconds}.
     */
    static long timed(Path jar, Path jsa, long seconds, java.util.List<String> args) throws Exception {
        java.util.List<String> cmd = launcherJava(jsa);
        cmd.addAll(java.util.List.of("-jar", jar.toString()));
        cmd.addAll(args);
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return -1;
        }
        return System.nanoTime() - t;
    }

    /** Removes a benchmark's temporary folder with everything in it. */
    static void remove(Path dir) throws IOException {
        nl.rekenblad.internal.io.AtomicFiles.removeTree(dir);
    }
}
