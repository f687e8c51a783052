package nl.rekenblad.kor;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import nl.rekenblad.rules.RuleBook;
import nl.rekenblad.internal.io.Workbooks;
import nl.rekenblad.internal.io.OutputFiles;
import nl.rekenblad.api.Contribution;
import java.util.List;
import java.math.BigDecimal;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.rekenblad.api.Option;
import nl.rekenblad.api.Options;
import nl.rekenblad.core.Money;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Recognition;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Rechtsvorm;
import nl.rekenblad.internal.io.JobOutcome;
import nl.rekenblad.internal.io.Json;
import nl.rekenblad.internal.io.Outputs;
import nl.rekenblad.internal.workbook.OutputWorkbook;

/**
 * The KOR jaaropstelling as a {@link Regulation}: from a CSV of returns or a filled template to the workbook with
 * the Jaaropstelling, Parameters and Toelichting sheets. Stateless.
 */
public final class KorRegulation implements Regulation {
    /** The previous year's turnover for the omzetgrens (from 2025); overrides the workbook's. */
    public static final Option<Money> OMZET_VORIG_JAAR = Option.of("omzetVorigJaar", Money.class);

    @Override
    public String name() {
        return "kor";
    }

    @Override
    public String title() {
        return "KOR jaaropstelling";
    }

    @Override
    public java.util.List<String> invoerSoorten() {
        return java.util.List.of("KOR");
    }

    @Override
    public Optional<String> invoerOmschrijving() {
        return Optional.of("een KOR-jaaropstelling (CSV of werkboek uit het sjabloon)");
    }

    @Override
    public java.util.Set<nl.rekenblad.api.Option<?>> templateOpties() {
        return java.util.Set.of(Options.PERIODE, Options.JAAR);
    }

    @Override
    public boolean recognises(Recognition input) {
        return input.workbook() ? input.definedNames().contains(KorTemplate.N_INVOER)
                : input.columns().containsAll(KorCsvReader.COLUMNS);
    }

    /**
     * Reads and computes {@code source}. Uses {@link Options#RECHTSVORM} (overrides the workbook's; a CSV's default
     * is eenmanszaak) and {@link #OMZET_VORIG_JAAR} (overrides the workbook's).
     */
    @Override
    public Outcome<KorResult> run(Source source, Options options) throws IOException, InvalidInputException {
        Outputs.requireFile(source);
        KorInput in;
        OutputWorkbook wb;
        if (Workbooks.isWorkbook(source)) {
            KorWorkbookReader.Loaded loaded = Outputs.reading(source, () -> new KorWorkbookReader().read(source));
            in = loaded.input();
            wb = loaded.workbook();
        } else {
            in = Outputs.reading(source, () -> new KorCsvReader().read(source));
            wb = null;
        }
        // The options replace what the file says.
        in = options.get(Options.RECHTSVORM).map(in::withRechtsvorm).orElse(in);
        in = options.get(OMZET_VORIG_JAAR).map(in::withOmzetVorigJaar).orElse(in);
        KorInput calculated = in;
        Outputs.Filled<KorResult> f = Outputs.fill(source, wb, () -> KorJaaropstelling.withBundledRules().calculate(calculated),
                () -> KorTemplate.forOutput(calculated), new KorWorkbookWriter()::write);
        KorResult r = f.result();
        OutputWorkbook book = f.workbook();
        return new JobOutcome<>(name(), source, r, figures(r), r.warnings(), () -> Json.write(KorJson.toMap(r)),
                book, wb != null);
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

    /**
     * The KOR's part of the profit: the reduction of the old KOR ({@code KOR_Winstcorrectie}); nothing under the
     * exemption from 2020, which is said as a warning.
     */
    @Override
    public Optional<Contribution> contribution(Source output, int year) throws IOException, InvalidInputException {
        BigDecimal value;
        int outputYear;
        try {
            if (Workbooks.isWorkbook(output)) {
                try (OutputWorkbook book = Workbooks.open(output)) {
                    XSSFWorkbook wb = book.poi();
                    outputYear = OutputFiles.number(wb, KorTemplate.N_JAAR, output.name()).intValue();
                    value = wb.getName("KOR_Winstcorrectie") != null ? OutputFiles.number(wb, "KOR_Winstcorrectie", output.name())
                            : wb.getName("KOR_Omzet") != null ? BigDecimal.ZERO : null;
                }
            } else {
                Map<?, ?> m = OutputFiles.json(output);
                outputYear = OutputFiles.year(m, "jaar");
                value = Regime.VRIJSTELLING.word().equals(m.get("regime")) ? BigDecimal.ZERO
                        : OutputFiles.number(m, "winstcorrectie").orElse(null);
            }
        } catch (Contribution.NotUsable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Contribution.NotUsable("is niet te lezen als KOR-uitvoer");
        }
        if (value == null) {
            throw new Contribution.NotUsable("is geen KOR-uitvoer van rekenblad");
        }
        if (outputYear != year) {
            throw new Contribution.NotUsable("gaat over " + outputYear + ", niet over " + year);
        }
        return Optional.of(new Contribution(Map.of("kor", value),
                Regime.forYear(RuleBook.load("kor"), year) == Regime.VRIJSTELLING
                        ? List.of("KOR vanaf " + RuleBook.load("kor").firstYear("KOR_Vrij_Omzetgrens").orElse(year)
                                + " is een vrijstelling: geen winstcorrectie") : List.of()));
    }

    @Override
    public Optional<String> templateName() {
        return Optional.of("kor-jaaropstelling.xlsx");
    }

    @Override
    public void writeTemplate(OutputStream out, Options options) throws IOException {
        try (OutputWorkbook wb = KorTemplate.create(options.periode(), options.get(Options.JAAR).orElse(null))) {
            wb.save(out);
        }
    }

    @Override
    public Object command() {
        return new KorCommand();
    }
}
