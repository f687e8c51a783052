package nl.rekenblad.kor;

import nl.rekenblad.io.Outputs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.io.Json;
import nl.rekenblad.sheet.OutputWorkbook;

/**
 * One KOR jaaropstelling from an input file to its output workbook: read (CSV or template),
 * calculate, add the result sheets. Used by the CLI and by batch runs; the input file is only
 * ever read.
 */
public final class KorJob {
    /** The result and the finished output workbook (not yet written anywhere). Close it when done. */
    public record Outcome(KorResult result, OutputWorkbook workbook) implements AutoCloseable {
        /** The {@code --json} report. */
        public String json() {
            return Json.write(KorJson.toMap(result));
        }

        @Override
        public void close() throws IOException {
            workbook.close();
        }
    }

    private KorJob() {
    }

    /**
     * Reads and computes {@code input}.
     *
     * @param rechtsvorm     overrides the legal form of a workbook; the default for a CSV is eenmanszaak
     * @param omzetVorigJaar overrides the previous year's turnover of a workbook
     * @throws InvalidInputException with every problem of the file, each naming where it is
     */
    public static Outcome compute(Path input, Optional<Rechtsvorm> rechtsvorm, Optional<Money> omzetVorigJaar)
            throws IOException, InvalidInputException {
        Outputs.requireFile(input);
        KorInput in;
        OutputWorkbook wb;
        if (Outputs.isWorkbook(input)) {
            KorWorkbookReader.Loaded loaded = new KorWorkbookReader().read(input, rechtsvorm, omzetVorigJaar);
            in = loaded.input();
            wb = loaded.workbook();
        } else {
            in = new KorCsvReader().read(input, rechtsvorm.orElse(Rechtsvorm.EENMANSZAAK), omzetVorigJaar);
            wb = null;
        }
        KorInput calculated = in;
        Outputs.Filled<KorResult> f = Outputs.fill(wb, () -> KorJaaropstelling.withBundledRules().calculate(calculated),
                () -> KorTemplate.forOutput(calculated), new KorWorkbookWriter()::write);
        return new Outcome(f.result(), f.workbook());
    }

    /** Writes the workbook (and the JSON, when given) atomically; see {@link Outputs#write}. */
    public static void write(Outcome outcome, Path input, Path workbook, Optional<Path> json)
            throws IOException, InvalidInputException {
        Outputs.write(outcome.workbook(), outcome.json(), input, workbook, json);
    }

    /** The default output name: {@code <input name>.kor.xlsx} in {@code dir}. */
    public static Path defaultOutput(Path input, Path dir) {
        return Outputs.defaultOutput(input, dir, "kor");
    }
}
