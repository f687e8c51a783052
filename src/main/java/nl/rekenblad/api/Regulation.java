package nl.rekenblad.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
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

    /** Writes its empty template (KOR: for {@link Options#periode()} and {@link Options#JAAR}). */
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

    /**
     * The kinds of input it recognises, as short Dutch words for lists and messages ({@code "KOR"}; btw:
     * {@code "journaal"}, {@code "auditfile"}); empty when batch never hands it a file (winst).
     */
    default List<String> invoerSoorten() {
        return List.of();
    }

    /**
     * What it accepts, as one line of the postbus's reply to a mail without a usable attachment ("een
     * KOR-jaaropstelling (CSV of werkboek uit het sjabloon)"); empty when batch never hands it a file.
     */
    default Optional<String> invoerOmschrijving() {
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

    /** The options its template reads ({@link Options#PERIODE}, {@link Options#JAAR} for the KOR); empty for none. */
    default java.util.Set<Option<?>> templateOpties() {
        return java.util.Set.of();
    }

    /** Its picocli command, for {@code rekenblad <name>}. */
    Object command();
}
