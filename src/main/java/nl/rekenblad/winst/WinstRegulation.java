package nl.rekenblad.winst;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Recognition;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.internal.io.JobOutcome;
import nl.rekenblad.internal.io.Json;
import nl.rekenblad.internal.io.Outputs;
import nl.rekenblad.internal.workbook.OutputWorkbook;

/**
 * The winstberekening as a {@link Regulation}. Batch does not recognise its input: a winst input names other
 * files (KOR and KIA outputs), which a mail attachment cannot. Stateless.
 */
public final class WinstRegulation implements Regulation {
    private final Function<String, Regulation> registry;

    /**
     * @param registry the regulations by name, to read the KOR and KIA outputs a winst input names (the registry
     *                 passes {@code Rekenblad::regulation})
     */
    public WinstRegulation(Function<String, Regulation> registry) {
        this.registry = registry;
    }
    @Override
    public String name() {
        return "winst";
    }

    @Override
    public String title() {
        return "Winstberekening";
    }

    @Override
    public boolean recognises(Recognition input) {
        return false;
    }

    /** Reads and computes {@code source}; paths inside it are relative to {@link Source#baseDir()}. */
    @Override
    public Outcome<WinstResult> run(Source source, Options options) throws IOException, InvalidInputException {
        Outputs.requireFile(source);
        WinstReader.Loaded loaded = Outputs.reading(source, () -> new WinstReader(registry).read(source));
        Outputs.Filled<WinstResult> f = Outputs.fill(source, loaded.workbook().orElse(null),
                () -> Winstberekening.withBundledRules().calculate(loaded.input()),
                () -> WinstTemplate.create(loaded.input().waarden()), new WinstWorkbookWriter()::write);
        WinstResult r = f.result();
        OutputWorkbook book = f.workbook();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("jaar", r.input().jaar());
        figures.put("fiscaleWinst", r.fiscaleWinst());
        figures.put("belastbaar", r.belastbaar());
        return new JobOutcome<>(name(), source, r, figures, r.input().warnings(), () -> Json.write(WinstJson.toMap(r)),
                book, loaded.workbook().isPresent());
    }

    @Override
    public Optional<String> templateName() {
        return Optional.of("winstberekening.xlsx");
    }

    @Override
    public void writeTemplate(OutputStream out, Options options) throws IOException {
        try (OutputWorkbook wb = WinstTemplate.create(Map.of())) {
            wb.save(out);
        }
    }

    @Override
    public Object command() {
        return new WinstCommand(this);
    }
}
