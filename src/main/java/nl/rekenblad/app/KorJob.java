package nl.rekenblad.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.io.AtomicFiles;
import nl.rekenblad.io.Json;
import nl.rekenblad.io.KorCsvReader;
import nl.rekenblad.io.KorJson;
import nl.rekenblad.io.KorWorkbookReader;
import nl.rekenblad.io.Workbooks;
import nl.rekenblad.kor.KorInput;
import nl.rekenblad.kor.KorJaaropstelling;
import nl.rekenblad.kor.KorResult;
import nl.rekenblad.kor.Rechtsvorm;
import nl.rekenblad.sheet.KorTemplate;
import nl.rekenblad.sheet.KorWorkbookWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One KOR jaaropstelling from an input file to its output workbook: read (CSV or template),
 * calculate, add the result sheets. Used by the CLI and by batch runs; the input file is only
 * ever read.
 */
public final class KorJob {
    /** The result and the finished output workbook (not yet written anywhere). Close it when done. */
    public record Outcome(KorResult result, XSSFWorkbook workbook) implements AutoCloseable {
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
        String bron = input.getFileName().toString();
        if (!Files.isRegularFile(input)) {
            throw InvalidInputException.of(bron, "bestand niet gevonden of geen gewoon bestand: " + input);
        }
        KorInput in;
        XSSFWorkbook wb;
        if (isWorkbook(input)) {
            KorWorkbookReader.Loaded loaded = new KorWorkbookReader().read(input, rechtsvorm, omzetVorigJaar);
            in = loaded.input();
            wb = loaded.workbook();
        } else {
            in = new KorCsvReader().read(input, rechtsvorm.orElse(Rechtsvorm.EENMANSZAAK), omzetVorigJaar);
            wb = null;
        }
        try {
            KorResult result = KorJaaropstelling.withBundledRules().calculate(in);
            if (wb == null) {
                wb = KorTemplate.filled(in);
            }
            new KorWorkbookWriter().write(wb, result);
            return new Outcome(result, wb);
        } catch (InvalidInputException | RuntimeException e) {
            if (wb != null) {
                wb.close();
            }
            throw e;
        }
    }

    /**
     * Writes the workbook (and the JSON, when {@code json} is given) atomically: both or neither.
     *
     * @throws InvalidInputException when the output would overwrite the input
     */
    public static void write(Outcome outcome, Path input, Path workbook, Optional<Path> json)
            throws IOException, InvalidInputException {
        for (Path target : json.isPresent() ? java.util.List.of(workbook, json.get()) : java.util.List.of(workbook)) {
            if (Files.exists(target) && Files.isSameFile(target, input)) {
                throw InvalidInputException.of(input.getFileName().toString(), "het uitvoerbestand " + target
                        + " is het invoerbestand; kies een andere naam (rekenblad wijzigt de invoer nooit)");
            }
        }
        AtomicFiles files = new AtomicFiles().add(workbook, outcome.workbook()::write);
        if (json.isPresent()) {
            byte[] text = outcome.json().getBytes(StandardCharsets.UTF_8);
            files.add(json.get(), o -> o.write(text));
        }
        files.commit();
    }

    /** The default output name: {@code <input name>.kor.xlsx} in {@code dir}. */
    public static Path defaultOutput(Path input, Path dir) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dir.resolve((dot > 0 ? name.substring(0, dot) : name) + ".kor.xlsx");
    }

    static boolean isWorkbook(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return false;
        }
        return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls") || Workbooks.looksLikeXlsx(file);
    }
}
