package nl.rekenblad.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rekenblad oefen SAMPLES} (hidden): runs the common commands on the bundled samples, printing and keeping
 * nothing, so that the launcher's class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}) holds the classes of
 * every regulation, not only of the one a first run happened to use.
 */
@Command(
        name = "oefen",
        hidden = true,
        description =
                "Rekent de meegeleverde voorbeelden door zonder iets af te drukken of te bewaren (voor de starter).")
final class OefenCommand implements Callable<Integer> {
    /** The runs, with paths relative to the samples folder; a missing sample is skipped. */
    static final List<List<String>> RUNS = List.of(
            List.of("kor", "kor-2017-voorbeeld-2.csv"),
            List.of("kor", "kor-2017-voorbeeld-2.xlsx"),
            List.of("kia", "kia-2024-2025-register.csv"),
            List.of("winst", "winst-2025.csv"),
            List.of("btw", "btw-2025-journaal.csv"),
            List.of("btw", "auditfile-2025.xaf"),
            List.of("vu", "vu-2026.csv", "--wagens", "vu-2026-wagens.csv"));

    @Parameters(index = "0", paramLabel = "SAMPLES", description = "de map met voorbeelden")
    Path samples;

    @Override
    public Integer call() throws IOException {
        Path tmp = Files.createTempDirectory("rekenblad-oefen");
        try {
            int n = 0;
            for (List<String> run : RUNS) {
                List<String> args = new ArrayList<>();
                boolean present = true;
                for (String a : run) {
                    boolean file = a.contains(".");
                    present &= !file || Files.exists(samples.resolve(a));
                    args.add(file ? samples.resolve(a).toString() : a);
                }
                if (!present) {
                    continue;
                }
                args.addAll(List.of("-o", tmp.resolve("uit-" + n++ + ".xlsx").toString()));
                CommandLine cl = Main.commandLine();
                cl.setOut(new PrintWriter(OutputStream.nullOutputStream()));
                cl.setErr(new PrintWriter(OutputStream.nullOutputStream()));
                cl.execute(args.toArray(String[]::new));
            }
            return Main.OK;
        } finally {
            nl.rekenblad.internal.io.AtomicFiles.removeTree(tmp);
        }
    }
}
