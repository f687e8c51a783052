package nl.rekenblad.winst;

import nl.rekenblad.io.Outputs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.io.Json;
import nl.rekenblad.sheet.OutputWorkbook;

/** One winstberekening from its input file to its output workbook; inputs are only read. */
public final class WinstJob {
    /** The result and the finished output workbook. Close it when done. */
    public record Outcome(WinstResult result, OutputWorkbook workbook) implements AutoCloseable {
        public String json() {
            return Json.write(WinstJson.toMap(result));
        }

        @Override
        public void close() throws IOException {
            workbook.close();
        }
    }

    private WinstJob() {
    }

    public static Outcome compute(Path input) throws IOException, InvalidInputException {
        Outputs.requireFile(input);
        WinstReader.Loaded loaded = new WinstReader().read(input);
        Outputs.Filled<WinstResult> f = Outputs.fill(loaded.workbook().orElse(null),
                () -> Winstberekening.withBundledRules().calculate(loaded.input()),
                () -> WinstTemplate.create(loaded.input().waarden()), new WinstWorkbookWriter()::write);
        return new Outcome(f.result(), f.workbook());
    }

    public static void write(Outcome outcome, Path input, Path workbook, Optional<Path> json)
            throws IOException, InvalidInputException {
        Outputs.write(outcome.workbook(), outcome.json(), input, workbook, json);
    }

    public static Path defaultOutput(Path input, Path dir) {
        return Outputs.defaultOutput(input, dir, "winst");
    }
}
