package nl.rekenblad.internal.io;

import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;
import nl.rekenblad.internal.workbook.OutputWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link Outcome} every regulation returns: a result with its figures and warnings, and a workbook that is
 * written only through {@link #writeWorkbook} or {@link #save}.
 */
public final class JobOutcome<R> implements Outcome<R> {
    private final String regulation;
    private final Source source;
    private final R result;
    private final Map<String, Object> figures;
    private final List<Problem> warnings;
    private final Supplier<String> json;
    private final OutputWorkbook workbook;
    private final boolean inputsWorkbook;
    private Map<String, Money> named = Map.of();

    /**
     * @param workbook       the output workbook, released by {@link #close()}
     * @param inputsWorkbook whether {@code workbook} is the input's own workbook with the results added (then a part
     *                       POI fails on only while writing is the input's fault)
     */
    public JobOutcome(
            String regulation,
            Source source,
            R result,
            Map<String, ?> figures,
            List<Problem> warnings,
            Supplier<String> json,
            OutputWorkbook workbook,
            boolean inputsWorkbook) {
        this.regulation = regulation;
        this.source = source;
        this.result = result;
        this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        this.warnings = List.copyOf(warnings);
        this.json = json;
        this.workbook = workbook;
        this.inputsWorkbook = inputsWorkbook;
    }

    /** Sets {@link #namedResults()}; returns this outcome. */
    public JobOutcome<R> withNamedResults(Map<String, Money> named) {
        this.named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
        return this;
    }

    @Override
    public Map<String, Money> namedResults() {
        return named;
    }

    @Override
    public String regulation() {
        return regulation;
    }

    @Override
    public String source() {
        return source.name();
    }

    @Override
    public R result() {
        return result;
    }

    @Override
    public Map<String, Object> figures() {
        return figures;
    }

    @Override
    public List<Problem> warnings() {
        return warnings;
    }

    @Override
    public String json() {
        return json.get();
    }

    @Override
    public void writeWorkbook(OutputStream out) throws IOException, InvalidInputException {
        try {
            workbook.save(out);
        } catch (RuntimeException e) {
            throw writeFault(e);
        }
    }

    /**
     * POI reads some parts of a workbook (styles, typed attributes) only when it writes them: a bookkeeper's workbook
     * broken there fails only now. That is the input's fault, said as such; in a workbook rekenblad made it is a fault
     * of rekenblad's and goes on as one.
     */
    private RuntimeException writeFault(RuntimeException e) throws InvalidInputException {
        if (inputsWorkbook) {
            throw InvalidInputException.of(
                    source.name(),
                    "beschadigd werkboek: een onderdeel klopt niet met het formaat"
                            + " van Excel en is niet terug te schrijven");
        }
        return e;
    }

    @Override
    public void save(Path workbookPath, Optional<Path> jsonPath) throws IOException, InvalidInputException {
        List<Path> targets = new ArrayList<>(List.of(workbookPath));
        jsonPath.ifPresent(targets::add);
        if (source.path().isPresent()) {
            Path input = source.path().get();
            for (Path target : targets) {
                if (Files.exists(target) && Files.exists(input) && Files.isSameFile(target, input)) {
                    throw InvalidInputException.of(
                            source.name(),
                            "het uitvoerbestand " + target
                                    + " is het invoerbestand; kies een andere naam (rekenblad wijzigt de invoer nooit)");
                }
            }
        }
        AtomicFiles files = new AtomicFiles().add(workbookPath, workbook::save);
        if (jsonPath.isPresent()) {
            byte[] text = json().getBytes(StandardCharsets.UTF_8);
            files.add(jsonPath.get(), o -> o.write(text));
        }
        try {
            files.commit();
        } catch (RuntimeException e) {
            throw writeFault(e);
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
