package nl.rekenblad.vu;

import nl.rekenblad.api.Option;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Regulation;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The verworpen uitgaven (Belgian vennootschapsbelasting) as a {@link Regulation}. Stateless. */
public final class VuRegulation implements RegulationProvider {
    /** Figure key ({@link nl.rekenblad.api.Outcome#figures()}): the aanslagjaar, an {@code Integer}. */
    public static final String AANSLAGJAAR_FIGUUR = "aanslagjaar";
    /** Figure key: the total of the verworpen uitgaven, {@code Money}. */
    public static final String TOTAAL = "totaal";

    /** The boekjaar; the aanslagjaar is the boekjaar + 1 ({@code --boekjaar}). */
    public static final Option<Integer> BOEKJAAR = Option.of("boekjaar", Integer.class);
    /** The aanslagjaar, when not the boekjaar + 1 ({@code --aanslagjaar}). */
    public static final Option<Integer> AANSLAGJAAR = Option.of("aanslagjaar", Integer.class);
    /** The cars' CSV ({@code --wagens}). */
    public static final Option<Source> WAGENS = Option.of("wagens", Source.class);

    @Override
    public String name() {
        return "vu";
    }

    @Override
    public String title() {
        return "Verworpen uitgaven";
    }

    @Override
    public java.util.List<String> invoerSoorten() {
        return java.util.List.of("VU");
    }

    @Override
    public java.util.Optional<String> invoerOmschrijving() {
        return java.util.Optional.of("verworpen uitgaven (CSV met kosten of het VU-sjabloon)");
    }

    /** A costs CSV (omschrijving, bedrag, soort) or the template (its defined name {@code VU_Kosten}). */
    @Override
    public boolean recognises(Recognition input) {
        if (input.definedNames().contains(VuTemplate.N_KOSTEN)) {
            return true;
        }
        // The header follows the settings a cost file may start with (boekjaar, aanslagjaar, wagens).
        int i = 0;
        while (i < input.rows().size()
                && input.columns(i).size() >= 1
                && List.of("boekjaar", "aanslagjaar", "wagens")
                        .contains(input.columns(i).get(0))) {
            i++;
        }
        List<String> c = i == 0 ? input.columns() : input.columns(i);
        return c.contains("omschrijving") && c.contains("bedrag") && c.contains("soort") && !c.contains("datum");
    }

    @Override
    public Outcome<VuResult> run(Source source, Options options) throws IOException, InvalidInputException {
        Outputs.requireFile(source);
        VuReader.Gegeven g = new VuReader.Gegeven(options.get(BOEKJAAR), options.get(AANSLAGJAAR), options.get(WAGENS));
        VuReader.Loaded loaded = Outputs.reading(source, () -> new VuReader().read(source, g));
        Outputs.Filled<VuResult> f = Outputs.fill(
                source,
                loaded.workbook().orElse(null),
                () -> VuBerekening.withBundledRules().calculate(loaded.input()),
                () -> VuTemplate.forOutput(loaded.input()),
                new VuWorkbookWriter()::write);
        VuResult r = f.result();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(AANSLAGJAAR_FIGUUR, r.input().aanslagjaar());
        figures.put(TOTAAL, r.totaal());
        return new JobOutcome<>(
                        name(),
                        source,
                        r,
                        figures,
                        r.warnings(),
                        () -> Json.write(VuJson.toMap(r)),
                        f.workbook(),
                        loaded.workbook().isPresent())
                .withNamedResults(namedResults(r));
    }

    /** The defined names of the total and each code's total (and 1201's reserves when it has them), with figures. */
    static Map<String, Money> namedResults(VuResult r) {
        Map<String, Money> m = new LinkedHashMap<>();
        m.put("VU_Totaal", r.totaal());
        for (String c : List.of("1201", "1202", "1205", "1206", "1207", "1208", "1210", "1215")) {
            m.put("VU_" + c, r.code(c));
        }
        if (r.calculation().has("code.1201.reserves")) {
            m.put("VU_1201_Reserves", r.naarBelasteReserves());
        }
        return m;
    }

    @Override
    public Optional<String> templateName() {
        return Optional.of("verworpen-uitgaven.xlsx");
    }

    @Override
    public void writeTemplate(OutputStream out, Options options) throws IOException {
        try (OutputWorkbook wb = VuTemplate.create()) {
            wb.save(out);
        }
    }

    @Override
    public java.util.concurrent.Callable<Integer> command() {
        return new VuCommand(this);
    }
}
