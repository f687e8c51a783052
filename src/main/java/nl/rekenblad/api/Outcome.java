package nl.rekenblad.api;

import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished run: the result, its key figures and warnings, and the output workbook, not yet written anywhere.
 * The result and figures are immutable; the workbook is held until {@link #close()}. Not thread-safe.
 *
 * @param <R> the regulation's result type ({@code KorResult}, {@code KiaResult}, …)
 */
public interface Outcome<R> extends AutoCloseable {
    /** The regulation that made it ({@code kor}, {@code kia}, {@code btw}, {@code winst}). */
    String regulation();

    /** The name of the input, for messages and summaries. */
    String source();

    /** The full result, with every step's exact value. */
    R result();

    /**
     * The figures a report shows for this run, in order: amounts as {@link Money}, and for some regulations a year
     * or a yes/no. The same as a batch report's {@code cijfers}.
     */
    Map<String, Object> figures();

    /** The amounts among {@link #figures()}, in order. */
    default Map<String, Money> keyFigures() {
        Map<String, Money> m = new java.util.LinkedHashMap<>();
        figures().forEach((k, v) -> {
            if (v instanceof Money money) {
                m.put(k, money);
            }
        });
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The results the workbook holds under defined names ({@code KOR_Vermindering}, {@code BTW_2025K1_5c}, …), each with
     * the exact figure Java computed: what a spreadsheet that recalculates the workbook must show there, to the cent.
     * In workbook order; empty for a regulation that names none.
     */
    default Map<String, Money> namedResults() {
        return Map.of();
    }

    /** What was noticed but did not stop the run (a missing quarter); never null. */
    List<Problem> warnings();

    /** The JSON report, as {@code --json} writes it. */
    String json();

    /**
     * Writes the workbook (.xlsx) to {@code out}; the stream is not closed.
     *
     * @throws InvalidInputException when the input was a workbook with a part that POI reads only when writing and
     *                               that turns out broken then
     */
    void writeWorkbook(OutputStream out) throws IOException, InvalidInputException;

    /**
     * Writes the workbook, and the JSON when {@code json} is given, atomically: both appear complete or neither
     * does, and nothing half-written is left behind.
     *
     * @throws InvalidInputException when an output would overwrite the input
     */
    void save(Path workbook, Optional<Path> json) throws IOException, InvalidInputException;

    /** Writes the workbook atomically to {@code workbook}. */
    default void save(Path workbook) throws IOException, InvalidInputException {
        save(workbook, Optional.empty());
    }

    /** Releases the workbook. */
    @Override
    void close() throws IOException;
}
