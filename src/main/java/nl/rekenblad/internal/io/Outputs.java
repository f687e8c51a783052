package nl.rekenblad.internal.io;

import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.internal.workbook.OutputWorkbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every job does with its files: choose names, refuse to overwrite the input, write atomically. */
public final class Outputs {
    private Outputs() {}

    /** The default output name: {@code <input name>.<suffix>.xlsx} in {@code dir}. */
    public static Path defaultOutput(Path input, Path dir, String suffix) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dir.resolve((dot > 0 ? name.substring(0, dot) : name) + "." + suffix + ".xlsx");
    }

    /** A step that may find the input unusable. */
    @FunctionalInterface
    public interface Calculating<R> {
        R calculate() throws InvalidInputException;
    }

    /** Writes a result's sheets into a workbook. */
    @FunctionalInterface
    public interface Writing<R> {
        void write(OutputWorkbook wb, R result) throws InvalidInputException;
    }

    /** A result and the workbook that holds its sheets. */
    public record Filled<R>(R result, OutputWorkbook workbook) {}

    /**
     * Calculates, then writes the result sheets into the input's own workbook ({@code opened}, when
     * the input was one) or into a fresh one; the workbook is closed when either step fails.
     */
    public static <R> Filled<R> fill(
            Source source,
            OutputWorkbook opened,
            Calculating<R> calculation,
            java.util.function.Supplier<OutputWorkbook> fresh,
            Writing<R> writer)
            throws IOException, InvalidInputException {
        OutputWorkbook wb = opened;
        R result = null;
        try {
            result = calculation.calculate();
            if (wb == null) {
                wb = fresh.get();
            }
            writer.write(wb, result);
            return new Filled<>(result, wb);
        } catch (InvalidInputException | RuntimeException e) {
            if (wb != null) {
                wb.close();
            }
            if (e instanceof RuntimeException && opened != null && result != null) {
                // Writing into the bookkeeper's own workbook touched a part POI reads only then (a style, a fill)
                // and found it broken (found by fuzzing): the input's fault, one line.
                throw InvalidInputException.of(
                        source.name(),
                        "beschadigd werkboek: een onderdeel (bijv. de opmaak) klopt"
                                + " niet met het formaat van Excel; de uitkomst kan er niet in worden geschreven");
            }
            throw e;
        }
    }

    /**
     * Refuses a missing or irregular input file: a file that cannot be read (exit code 3, as for any file that
     * cannot be read), not bad input.
     */
    public static void requireFile(Source source) throws IOException {
        if (source.path().isPresent() && !Files.isRegularFile(source.path().get())) {
            Path input = source.path().get();
            throw new java.nio.file.NoSuchFileException(
                    input.toString(), null, Files.isDirectory(input) ? "een map, geen bestand" : "niet gevonden");
        }
    }

    /** Reading an input, which may fail in any way on a hostile file. */
    @FunctionalInterface
    public interface Reading<T> {
        T read() throws IOException, InvalidInputException;
    }

    /**
     * Runs {@code reading} as the boundary of an untrusted input: whatever goes wrong inside that is not already a
     * typed input problem or an I/O fault (a parser's runtime exception, a stack overflow on a nesting too deep)
     * becomes one problem in Dutch naming the input, never a crash with Java's class names.
     */
    public static <T> T reading(Source source, Reading<T> reading) throws IOException, InvalidInputException {
        try {
            return reading.read();
        } catch (StackOverflowError e) {
            throw InvalidInputException.of(source.name(), "niet te lezen: de inhoud is te diep genest");
        } catch (RuntimeException e) {
            throw InvalidInputException.of(
                    source.name(), "niet te lezen: de inhoud klopt niet met het formaat" + Messages.reason(e));
        }
    }
}
