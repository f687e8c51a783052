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
    @Parameters(index = "0", paramLabel = "SAMPLES", description = "de map met voorbeelden")
    Path samples;

    @Override
    public Integer call() throws IOException {
        Path tmp = Files.createTempDirectory("rekenblad-oefen");
        try {
            int n = 0;
            for (List<String> run : nl.rekenblad.bench.Voorbeelden.RUNS) {
                var found = nl.rekenblad.bench.Voorbeelden.arguments(run, samples);
                if (found.isEmpty()) {
                    continue;
                }
                List<String> args = new ArrayList<>(found.get());
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
