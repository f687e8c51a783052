package nl.rekenblad.spi;

import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What a regulation package implements beyond what a library caller sees ({@link Regulation}): how batch recognises
 * its input and reserves memory for it, what its output brings to the winstberekening, and its command. Register an
 * implementation with one line in {@code nl.rekenblad.Rekenblad}; the command line, {@code template}, batch, the
 * postbus and the web page all follow that list. Implementations are stateless and thread-safe.
 */
public interface RegulationProvider extends Regulation {
    /** Whether {@code input} is meant for this regulation (by its defined names or its header). */
    boolean recognises(Recognition input);

    /**
     * What an output of this regulation ({@code output}: the workbook or JSON it wrote) brings to the
     * winstberekening of {@code year}; empty when this regulation brings nothing to the profit.
     *
     * @throws Contribution.NotUsable    when {@code output} is not this regulation's output for that year
     * @throws InvalidInputException     when a workbook cannot be opened safely
     */
    default Optional<Contribution> contribution(Source output, int year) throws IOException, InvalidInputException {
        return Optional.empty();
    }

    /**
     * An upper bound, in MB, of the heap a run on an input called {@code naam} of {@code bytes} may take, so batch and
     * postbus can run jobs side by side within the heap. The default: a workbook is read whole into POI's model
     * (measured: a 1 MB register of 20.000 assets some 300 MB), a CSV into rows (a 4 MB register some 200 MB).
     */
    default long geheugenMb(String naam, long bytes) {
        String n = naam == null ? "" : naam.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xlsm") ? bytes * 300 >> 20 : bytes * 60 >> 20;
    }

    /** Its command for {@code rekenblad <name>}: a picocli-annotated {@link Callable} that returns the exit code. */
    Callable<Integer> command();
}
