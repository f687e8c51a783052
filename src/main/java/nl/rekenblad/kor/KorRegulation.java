package nl.rekenblad.kor;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Recognition;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Rechtsvorm;
import nl.rekenblad.io.JobOutcome;
import nl.rekenblad.io.Json;
import nl.rekenblad.io.Outputs;
import nl.rekenblad.sheet.OutputWorkbook;

/**
 * The KOR jaaropstelling as a {@link Regulation}: from a CSV of returns or a filled template to the workbook with
 * the Jaaropstelling, Parameters and Toelichting sheets. Stateless.
 */
public final class KorRegulation implements Regulation {
    @Override
    public String name() {
        return "kor";
    }

    @Override
    public String title() {
        return "KOR jaaropstelling";
    }

    @Override
    public boolean recognises(Recognition input) {
        return input.workbook() ? input.definedNames().contains(KorTemplate.N_INVOER)
                : input.columns().containsAll(KorCsvReader.COLUMNS);
    }

    /**
     * Reads and computes {@code source}. Uses {@link Options#rechtsvorm()} (overrides the workbook's; a CSV's
     * default is eenmanszaak) and {@link Options#omzetVorigJaar()} (overrides the workbook's).
     */
    @Override
    public Outcome<KorResult> run(Source source, Options options) throws IOException, InvalidInputException {
        Outputs.requireFile(source);
        KorInput in;
        OutputWorkbook wb;
        if (Outputs.isWorkbook(source)) {
            KorWorkbookReader.Loaded loaded = new KorWorkbookReader().read(source, options.rechtsvorm(),
                    options.omzetVorigJaar());
            in = loaded.input();
            wb = loaded.workbook();
        } else {
            in = new KorCsvReader().read(source, options.rechtsvorm().orElse(Rechtsvorm.EENMANSZAAK),
                    options.omzetVorigJaar());
            wb = null;
        }
        KorInput calculated = in;
        Outputs.Filled<KorResult> f = Outputs.fill(wb, () -> KorJaaropstelling.withBundledRules().calculate(calculated),
                () -> KorTemplate.forOutput(calculated), new KorWorkbookWriter()::write);
        KorResult r = f.result();
        OutputWorkbook book = f.workbook();
        return new JobOutcome<>(name(), source, r, figures(r), r.warnings(), () -> Json.write(KorJson.toMap(r)),
                out -> book.save(out), book);
    }

    /** The figures of a batch report: the year, and the reduction and what is due, or the turnover and the verdict. */
    static Map<String, Object> figures(KorResult r) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("jaar", r.year());
        if (r.regime() == Regime.OUD) {
            c.put("vermindering", r.vermindering());
            c.put("teBetalen", r.teBetalen());
        } else {
            c.put("omzet", r.omzet());
            c.put("binnenGrens", r.binnenGrens());
        }
        return c;
    }

    @Override
    public Optional<String> templateName() {
        return Optional.of("kor-jaaropstelling.xlsx");
    }

    @Override
    public void writeTemplate(OutputStream out, Options options) throws IOException {
        try (OutputWorkbook wb = KorTemplate.create(options.periode(), options.jaar().orElse(null))) {
            wb.save(out);
        }
    }

    @Override
    public Object command() {
        return new KorCommand();
    }
}
