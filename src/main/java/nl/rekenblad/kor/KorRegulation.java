package nl.rekenblad.kor;

import nl.rekenblad.api.Option;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.internal.io.JobOutcome;
import nl.rekenblad.internal.io.Json;
import nl.rekenblad.internal.io.OutputFiles;
import nl.rekenblad.internal.io.Outputs;
import nl.rekenblad.internal.io.Workbooks;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.rules.RuleBook;
import nl.rekenblad.spi.Contribution;
import nl.rekenblad.spi.Recognition;
import nl.rekenblad.spi.RegulationProvider;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The KOR jaaropstelling as a {@link Regulation}: from a CSV of returns or a filled template to the workbook with
 * the Jaaropstelling, Parameters and Toelichting sheets. Stateless.
 */
public final class KorRegulation implements RegulationProvider {
    /** Figure key ({@link nl.rekenblad.api.Outcome#figures()}): the year, an {@code Integer}. */
    public static final String JAAR = "jaar";
    /** Figure key, until 2019: the reduction, {@code Money}. */
    public static final String VERMINDERING = "vermindering";
    /** Figure key, until 2019: the btw still due after the reduction, {@code Money}. */
    public static final String TE_BETALEN = "teBetalen";
    /** Figure key, from 2020: the year's turnover against the omzetgrens, {@code Money}. */
    public static final String OMZET = "omzet";
    /** Figure key, from 2020: whether the turnover stays within the omzetgrens, {@code Boolean}. */
    public static final String BINNEN_GRENS = "binnenGrens";

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
        return input.workbook()
                ? input.definedNames().contains(KorTemplate.N_INVOER)
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
        Outputs.Filled<KorResult> f = Outputs.fill(
                source,
                wb,
                () -> KorJaaropstelling.withBundledRules().calculate(calculated),
                () -> KorTemplate.forOutput(calculated),
                new KorWorkbookWriter()::write);
        KorResult r = f.result();
        OutputWorkbook book = f.workbook();
        return new JobOutcome<>(
                        name(),
                        source,
                        r,
                        figures(r),
                        r.warnings(),
                        () -> Json.write(KorJson.toMap(r)),
                        book,
                        wb != null)
                .withNamedResults(namedResults(r));
    }

    /** The defined names of the KOR's results with their exact figures ({@link Outcome#namedResults()}). */
    public static Map<String, Money> namedResults(KorResult r) {
        Map<String, Money> m = new LinkedHashMap<>();
        if (r.regime() == Regime.OUD) {
            m.put("KOR_Saldo", r.saldo());
            m.put("KOR_Grondslag", r.grondslag());
            m.put("KOR_Vermindering", r.vermindering());
            m.put("KOR_TeBetalen", r.teBetalen());
            m.put("KOR_Winstcorrectie", r.winstcorrectie());
        } else {
            m.put("KOR_Omzet", r.omzet());
            m.put("KOR_Omzetgrens", r.omzetgrens());
        }
        return m;
    }

    /** The figures of a batch report: the year, and the reduction and what is due, or the turnover and the verdict. */
    static Map<String, Object> figures(KorResult r) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(JAAR, r.year());
        if (r.regime() == Regime.OUD) {
            c.put(VERMINDERING, r.vermindering());
            c.put(TE_BETALEN, r.teBetalen());
        } else {
            c.put(OMZET, r.omzet());
            c.put(BINNEN_GRENS, r.binnenGrens());
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
                    outputYear = OutputFiles.number(wb, KorTemplate.N_JAAR, output.name())
                            .intValue();
                    value = wb.getName("KOR_Winstcorrectie") != null
                            ? OutputFiles.number(wb, "KOR_Winstcorrectie", output.name())
                            : wb.getName("KOR_Omzet") != null ? BigDecimal.ZERO : null;
                }
            } else {
                Map<?, ?> m = OutputFiles.json(output);
                outputYear = OutputFiles.year(m, "jaar");
                value = Regime.VRIJSTELLING.word().equals(m.get("regime"))
                        ? BigDecimal.ZERO
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
        return Optional.of(new Contribution(
                Map.of("kor", value),
                Regime.forYear(RuleBook.load("kor"), year) == Regime.VRIJSTELLING
                        ? List.of("KOR vanaf "
                                + RuleBook.load("kor")
                                        .firstYear("KOR_Vrij_Omzetgrens")
                                        .orElse(year) + " is een vrijstelling: geen winstcorrectie")
                        : List.of()));
    }

    @Override
    public Optional<String> templateName() {
        return Optional.of("kor-jaaropstelling.xlsx");
    }

    /**
     * The KOR jaaropstelling over a year of returns computed elsewhere ({@code btw --kor}): calculated with the bundled
     * rules, its template and result sheets added to {@code wb}. The one entry for another regulation: the readers,
     * template and writer of the KOR stay inside this package.
     *
     * @throws InvalidInputException when the rules have no figures for the year
     */
    public static KorResult addTo(OutputWorkbook wb, KorInput in) throws InvalidInputException {
        KorResult r = KorJaaropstelling.withBundledRules().calculate(in);
        KorTemplate.addTo(wb, in);
        new KorWorkbookWriter().write(wb, r);
        return r;
    }

    /** The JSON report of {@code r} as a map, for another regulation's report to carry ({@code btw --kor}). */
    public static Map<String, Object> jsonMap(KorResult r) {
        return KorJson.toMap(r);
    }

    /** The command line's summary of {@code r}, saved as {@code target}. */
    public static String summary(KorResult r, java.nio.file.Path target) {
        return KorCommand.summary(r, target);
    }

    /**
     * The KOR template filled with the returns of a CSV ({@code periode,rubriek,omzet,btw}): what a bookkeeper would
     * type into the empty template, written to {@code out}.
     *
     * @throws InvalidInputException with every problem of the CSV
     */
    public static void writeFilledTemplate(Source csv, OutputStream out) throws IOException, InvalidInputException {
        try (OutputWorkbook wb = KorTemplate.filled(new KorCsvReader().read(csv))) {
            wb.save(out);
        }
    }

    @Override
    public void writeTemplate(OutputStream out, Options options) throws IOException {
        try (OutputWorkbook wb =
                KorTemplate.create(options.periode(), options.get(Options.JAAR).orElse(null))) {
            wb.save(out);
        }
    }

    @Override
    public java.util.concurrent.Callable<Integer> command() {
        return new KorCommand();
    }
}
