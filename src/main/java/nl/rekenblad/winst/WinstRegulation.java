package nl.rekenblad.winst;

import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.internal.io.JobOutcome;
import nl.rekenblad.internal.io.Json;
import nl.rekenblad.internal.io.Outputs;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.spi.Recognition;
import nl.rekenblad.spi.RegulationProvider;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The winstberekening as a {@link nl.rekenblad.api.Regulation}. Batch does not recognise its input: a winst input names other
 * files (KOR and KIA outputs), which a mail attachment cannot. Stateless.
 */
public final class WinstRegulation implements RegulationProvider {
    /** Figure key ({@link nl.rekenblad.api.Outcome#figures()}): the year, an {@code Integer}. */
    public static final String JAAR = "jaar";
    /** Figure key: the fiscale winst, {@code Money}. */
    public static final String FISCALE_WINST = "fiscaleWinst";
    /** Figure key: the belastbare winst uit onderneming, {@code Money}. */
    public static final String BELASTBAAR = "belastbaar";

    private final Function<String, RegulationProvider> registry;

    /**
     * @param registry the regulations by name, to read the KOR and KIA outputs a winst input names (the registry
     *                 passes {@code Rekenblad::regulation})
     */
    public WinstRegulation(Function<String, RegulationProvider> registry) {
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
        Outputs.Filled<WinstResult> f = Outputs.fill(
                source,
                loaded.workbook().orElse(null),
                () -> Winstberekening.withBundledRules().calculate(loaded.input()),
                () -> WinstTemplate.create(loaded.input().waarden()),
                new WinstWorkbookWriter()::write);
        WinstResult r = f.result();
        OutputWorkbook book = f.workbook();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(JAAR, r.input().jaar());
        figures.put(FISCALE_WINST, r.fiscaleWinst());
        figures.put(BELASTBAAR, r.belastbaar());
        return new JobOutcome<>(
                        name(),
                        source,
                        r,
                        figures,
                        r.input().warnings(),
                        () -> Json.write(WinstJson.toMap(r)),
                        book,
                        loaded.workbook().isPresent())
                .withNamedResults(namedResults(r));
    }

    /** The defined names of the profit's main steps with their figures ({@link Outcome#namedResults()}). */
    static Map<String, Money> namedResults(WinstResult r) {
        Map<String, Money> m = new LinkedHashMap<>();
        m.put("WINST_Fiscaal", r.fiscaleWinst());
        m.put("WINST_NaOndernemersaftrek", r.naOndernemersaftrek());
        m.put("WINST_MKBVrijstelling", r.mkbVrijstelling());
        m.put("WINST_Belastbaar", r.belastbaar());
        return m;
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
    public java.util.concurrent.Callable<Integer> command() {
        return new WinstCommand(this);
    }
}
