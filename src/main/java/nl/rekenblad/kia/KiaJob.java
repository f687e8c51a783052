package nl.rekenblad.kia;

import nl.rekenblad.io.Outputs;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.io.Json;
import nl.rekenblad.sheet.OutputWorkbook;

/** One investment register from its input file to its output workbook; the input is only read. */
public final class KiaJob {
    /** The result and the finished output workbook (not yet written). Close it when done. */
    public record Outcome(KiaResult result, OutputWorkbook workbook) implements AutoCloseable {
        public String json() {
            return Json.write(KiaJson.toMap(result));
        }

        @Override
        public void close() throws IOException {
            workbook.close();
        }
    }

    private KiaJob() {
    }

    /**
     * Reads and computes {@code input}.
     *
     * @param aandeel the partner's share when the register is a partnership's
     */
    public static Outcome compute(Path input, Optional<BigDecimal> aandeel) throws IOException, InvalidInputException {
        Outputs.requireFile(input);
        KiaInput in;
        OutputWorkbook wb = null;
        if (Outputs.isWorkbook(input)) {
            KiaWorkbookReader.Loaded loaded = new KiaWorkbookReader().read(input, aandeel);
            in = loaded.input();
            wb = loaded.workbook();
        } else {
            in = new KiaCsvReader().read(input, aandeel);
        }
        KiaInput calculated = in;
        Outputs.Filled<KiaResult> f = Outputs.fill(wb, () -> KiaBerekening.withBundledRules().calculate(calculated),
                () -> KiaTemplate.forOutput(calculated), new KiaWorkbookWriter()::write);
        return new Outcome(f.result(), f.workbook());
    }

    public static void write(Outcome outcome, Path input, Path workbook, Optional<Path> json)
            throws IOException, InvalidInputException {
        Outputs.write(outcome.workbook(), outcome.json(), input, workbook, json);
    }

    public static Path defaultOutput(Path input, Path dir) {
        return Outputs.defaultOutput(input, dir, "kia");
    }
}
