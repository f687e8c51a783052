package nl.rekenblad.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import nl.rekenblad.core.InvalidInputException;

/**
 * One regulation rekenblad computes (the KOR, the KIA, …): how to recognise its input, how to run it from a
 * {@link Source}, and its template. Each regulation package has one implementation, registered in
 * {@code nl.rekenblad.Rekenblad}; the command line, {@code template}, batch recognition and the benchmarks all go
 * through that list. Implementations are stateless and thread-safe.
 */
public interface Regulation {
    /** The short name, as on the command line and in file names: {@code kor}. */
    String name();

    /** What it computes, in Dutch, for messages and help: "KOR jaaropstelling". */
    String title();

    /** Whether {@code input} is meant for this regulation (by its defined names or its header). */
    boolean recognises(Recognition input);

    /**
     * Reads {@code source}, computes and builds the output workbook.
     *
     * @throws InvalidInputException with every problem of the input, each naming where it is
     * @throws IOException           when the input cannot be read
     * @throws nl.rekenblad.rules.MissingRuleException when the rules data has no figures for the input's year
     */
    Outcome<?> run(Source source, Options options) throws IOException, InvalidInputException;

    /** The file name of its empty template ({@code kor-jaaropstelling.xlsx}); empty when it has none. */
    default Optional<String> templateName() {
        return Optional.empty();
    }

    /** Writes its empty template (KOR: for {@link Options#periode()} and {@link Options#jaar()}). */
    default void writeTemplate(OutputStream out, Options options) throws IOException {
        throw new UnsupportedOperationException(name() + " heeft geen sjabloon");
    }

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

    /** Its picocli command, for {@code rekenblad <name>}. */
    Object command();
}
