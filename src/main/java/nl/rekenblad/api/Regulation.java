package nl.rekenblad.api;

import nl.rekenblad.core.InvalidInputException;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * One regulation rekenblad computes (the KOR, the KIA, …): how to recognise its input, how to run it from a
 * {@link Source}, and its template: what a caller of the library sees. Each regulation package has one
 * implementation (of {@link nl.rekenblad.spi.RegulationProvider}, which adds what the command line, batch and the
 * winstberekening need), registered in {@code nl.rekenblad.Rekenblad}. Implementations are stateless and
 * thread-safe.
 */
public interface Regulation {
    /** The short name, as on the command line and in file names: {@code kor}. */
    String name();

    /** What it computes, in Dutch, for messages and help: "KOR jaaropstelling". */
    String title();

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

    /** The options its template reads ({@link Options#PERIODE}, {@link Options#JAAR} for the KOR); empty for none. */
    default java.util.Set<Option<?>> templateOpties() {
        return java.util.Set.of();
    }
}
