package nl.rekenblad.internal.command;

import nl.rekenblad.api.Outcome;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import nl.rekenblad.internal.io.Outputs;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The output options every calculation command shares ({@code -o}, {@code --json}) and how a
 * finished result is delivered: files written atomically, warnings on standard error, the summary
 * on standard output (or on standard error when the JSON goes to standard output).
 */
public final class OutputOptions {
    @Option(
            names = {"-o", "--output"},
            paramLabel = "UIT.xlsx",
            description = "het werkboek met de uitkomst (standaard: <invoernaam>.<soort>.xlsx in de huidige map)")
    Path output;

    @Option(
            names = "--json",
            paramLabel = "UIT.json|-",
            description = "schrijf de uitkomst ook als JSON (- = standaarduitvoer)")
    String json;

    /** Writes the workbook and, when asked, the JSON file. */
    @FunctionalInterface
    public interface Writing {
        void write(Path workbook, Optional<Path> json) throws IOException, InvalidInputException;
    }

    /**
     * Writes the outputs of one run and reports it.
     *
     * @param suffix   the kind, for the default name ({@code kor} gives {@code <input>.kor.xlsx})
     * @param summary  the summary, given where the workbook went
     * @param jsonText the JSON report
     */
    public int deliver(
            CommandLine.Model.CommandSpec spec,
            Path input,
            String suffix,
            Writing writing,
            List<Problem> warnings,
            Function<Path, String> summary,
            Supplier<String> jsonText)
            throws IOException, InvalidInputException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = (output != null ? output : Outputs.defaultOutput(input, Path.of(""), suffix))
                .toAbsolutePath()
                .normalize();
        boolean jsonToStdout = "-".equals(json);
        writing.write(target, json == null || jsonToStdout ? Optional.empty() : Optional.of(Path.of(json)));
        for (Problem w : warnings) {
            err.println("waarschuwing: " + w);
        }
        PrintWriter summaryTo = jsonToStdout ? err : out;
        summaryTo.print(summary.apply(target));
        summaryTo.flush();
        if (jsonToStdout) {
            out.print(jsonText.get());
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    /** Writes an {@link Outcome}'s files and reports it with {@code summary}. */
    public int deliver(
            CommandLine.Model.CommandSpec spec, Path input, Outcome<?> outcome, Function<Path, String> summary)
            throws IOException, InvalidInputException {
        return deliver(spec, input, outcome.regulation(), outcome::save, outcome.warnings(), summary, outcome::json);
    }
}
