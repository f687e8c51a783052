package nl.rekenblad.btw;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.api.Option;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Rechtsvorm;
import nl.rekenblad.internal.io.JobOutcome;
import nl.rekenblad.internal.io.Json;
import nl.rekenblad.internal.io.Outputs;
import nl.rekenblad.kor.KorInput;
import nl.rekenblad.kor.KorRegulation;
import nl.rekenblad.kor.KorResult;
import nl.rekenblad.rules.RuleBook;
import nl.rekenblad.rules.UsedParameter;
import nl.rekenblad.spi.Recognition;
import nl.rekenblad.spi.RegulationProvider;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * From a bookkeeping export to each period's return in one streaming pass: every line is read,
 * worked out, written to the Boekingen sheet and added to its period; then the Aangifte sheet
 * (SUMIFS over the lines), Controle and, with {@code kor}, the KOR jaaropstelling.
 */
public final class BtwRegulation implements RegulationProvider {
    /** Figure key ({@link nl.rekenblad.api.Outcome#figures()}) of rubriek 5c (te betalen of terug) of {@code periode}, {@code Money}. */
    public static String saldo(Period periode) {
        return "5c " + periode.label();
    }

    /** Whether the periods go on into the KOR jaaropstelling ({@code --kor}). */
    public static final Option<Boolean> KOR = Option.of("kor", Boolean.class);
    /** A file of {@code veld=kolomnaam} lines naming a journal's columns ({@code --kolommen}). */
    public static final Option<Source> KOLOMMEN = Option.of("kolommen", Source.class);

    /**
     * A worked-out journal: the lines' totals per period ({@code berekening}), the return figures
     * ({@code aangifte}) and, when asked, the KOR jaaropstelling over them. Immutable: the journal's calculation is
     * closed ({@link BtwBerekening#sluit()}) before it is put here.
     */
    public record BtwResult(
            BtwBerekening berekening,
            BtwAangifte.Result aangifte,
            Optional<KorResult> kor,
            Optional<Auditfile> auditfile) {
        public BtwResult(BtwBerekening berekening, BtwAangifte.Result aangifte, Optional<KorResult> kor) {
            this(berekening, aangifte, kor, Optional.empty());
        }
    }

    /**
     * What an auditfile adds: each VAT code with its rubriek and totals, the aansluiting per period, and the mapping
     * used as the text of a {@code --btwcodes} file.
     */
    public record Auditfile(
            List<XafBerekening.CodeRegel> codes,
            List<XafBerekening.Aansluiting> aansluiting,
            String btwcodes,
            boolean perRekening,
            String versie) {
        public Auditfile {
            codes = List.copyOf(codes);
            aansluiting = List.copyOf(aansluiting);
        }
    }

    /** A file of {@code vatID=rubriek} lines mapping an auditfile's VAT codes ({@code --btwcodes}). */
    public static final Option<Source> BTWCODES = Option.of("btwcodes", Source.class);
    /**
     * A file of {@code accID=rubriek} lines for an auditfile's ledger accounts ({@code --rekeningen}): which accounts
     * hold btw (and of which rubriek), and, for a file without usable VAT codes, the rubriek of each revenue account.
     */
    public static final Option<Source> REKENINGEN = Option.of("rekeningen", Source.class);
    /** Whether a return the ledger does not explain is an error rather than a warning ({@code --streng}). */
    public static final Option<Boolean> STRENG = Option.of("streng", Boolean.class);

    /** Journal lines at most: the rows of the Boekingen sheet (a sheet has 1.048.576, one is the header). */
    public static final long MAX_LINES = 1_048_575;

    /** At most this many bad lines are listed; the rest are counted. */
    static final int MAX_PROBLEMS = 100;

    @Override
    public String name() {
        return "btw";
    }

    @Override
    public String title() {
        return "Btw-opstelling";
    }

    @Override
    public List<String> invoerSoorten() {
        return List.of("journaal", "auditfile");
    }

    @Override
    public Optional<String> invoerOmschrijving() {
        return Optional.of(
                "een journaal met btw-rubrieken (CSV of werkboek) of een XML Auditfile Financieel (.xaf, XAF 3.1 tot 4.0)");
    }

    /** An auditfile is streamed: flat at some 140 MB however large (measured with {@code bench xaf}). */
    @Override
    public long geheugenMb(String naam, long bytes) {
        String n = naam == null ? "" : naam.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".xaf") || n.endsWith(".xml") ? 160 : RegulationProvider.super.geheugenMb(naam, bytes);
    }

    /** A journal (a date, a rubriek and an amount column by any of the recognised spellings), or an auditfile. */
    @Override
    public boolean recognises(Recognition input) {
        if (input.xmlRoot().equals("auditfile")) {
            return true;
        }
        List<String> norm = input.header().stream().map(LedgerReader::normalize).toList();
        for (String field : List.of("datum", "rubriek", "grondslag")) {
            if (LedgerReader.SYNONYMS.get(field).stream()
                    .map(LedgerReader::normalize)
                    .noneMatch(norm::contains)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public java.util.concurrent.Callable<Integer> command() {
        return new BtwCommand();
    }

    /**
     * Reads the journal (streamed), computes each period's return and builds the workbook. Uses {@link
     * Options#JAAR}, {@link Options#PERIODE}, {@link #KOLOMMEN}, {@link #KOR} and {@link Options#RECHTSVORM} (for
     * the KOR).
     */
    @Override
    public Outcome<BtwResult> run(Source input, Options options) throws IOException, InvalidInputException {
        Outputs.requireFile(input);
        if (XafOpstelling.isAuditfile(input)) {
            return XafOpstelling.run(input, options);
        }
        String bron = input.name();
        List<Problem> problems = new ArrayList<>();
        long bad = 0;
        BtwBerekening b = null;
        BtwWorkbook wb = null;
        RuleBook rules = RuleBook.load("btw");
        try (LedgerReader reader = Outputs.reading(input, () -> LedgerReader.open(input, options.get(KOLOMMEN)))) {
            Optional<Boeking> next;
            long lines = 0;
            while ((next = Outputs.reading(
                            input, () -> reader.next(problems.size() < MAX_PROBLEMS ? problems : new ArrayList<>())))
                    != null) {
                if (++lines > MAX_LINES) {
                    throw InvalidInputException.of(
                            bron,
                            "het journaal heeft meer dan " + MAX_LINES + " regels: meer dan"
                                    + " een werkblad kan bevatten; splits het, bijvoorbeeld per jaar of per kwartaal");
                }
                if ((lines & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                    // A batch ran out of time for this file: stop, rather than work on for nothing.
                    throw new java.io.InterruptedIOException("afgebroken na " + lines + " regels");
                }
                if (next.isEmpty()) {
                    bad++;
                    continue;
                }
                Boeking boeking = next.get();
                if (b == null) {
                    int jaar = options.get(Options.JAAR, boeking.datum().getYear());
                    b = new BtwBerekening(rules, jaar, options.periode());
                    wb = new BtwWorkbook(reader.header());
                }
                wb.boeking(reader.fields(), b.verwerk(boeking));
            }
            if (bad > 0) {
                if (bad > problems.size()) {
                    problems.add(Problem.error(bron, "en nog " + (bad - problems.size()) + " regels met fouten"));
                }
                throw new InvalidInputException(problems);
            }
            if (b == null) {
                throw InvalidInputException.of(bron, "geen boekingen onder de kopregel");
            }
            BtwWorkbook book = wb;
            BtwAangifte.Result aangifte = BtwAangifte.build(b, book::sumIfs);
            List<UsedParameter> params = tarieven(rules, b.jaar());
            List<Problem> warnings = new ArrayList<>();
            if (b.aantalMeldingen() > 0) {
                warnings.add(Problem.controle(bron, b.aantalMeldingen()));
            }
            wb.results(aangifte, b, params, bron, warnings);
            Optional<KorResult> kor = kor(options, bron, b, aangifte, wb);
            b.sluit();
            BtwResult result = new BtwResult(b, aangifte, kor);
            Map<String, Object> figures = figures(b, aangifte);
            List<Problem> controle =
                    b.aantalMeldingen() > 0 ? List.of(Problem.controle(bron, b.aantalMeldingen())) : List.of();
            return new JobOutcome<>(name(), input, result, figures, controle, () -> json(result), book.xssf(), false)
                    .withNamedResults(namedResults(result));
        } catch (InvalidInputException | IOException | RuntimeException e) {
            if (wb != null) {
                wb.close();
            }
            throw e;
        }
    }

    /** The rates the Parameters sheet lists: those a line without btw is computed with. */
    static List<UsedParameter> tarieven(RuleBook rules, int jaar) {
        return List.of(
                new UsedParameter("BTW_Hoog_" + jaar, jaar, rules.get("BTW_Hoog", jaar, "btw-tarief")),
                new UsedParameter("BTW_Laag_" + jaar, jaar, rules.get("BTW_Laag", jaar, "btw-tarief")));
    }

    /** With {@link #KOR}: the KOR jaaropstelling over the periods, its sheets added to the workbook. */
    static Optional<KorResult> kor(
            Options options, String bron, BtwBerekening b, BtwAangifte.Result aangifte, BtwWorkbook wb)
            throws InvalidInputException {
        if (!options.get(KOR, false)) {
            return Optional.empty();
        }
        KorInput in = korInput(
                bron,
                b,
                aangifte,
                options.get(Options.RECHTSVORM, Rechtsvorm.STANDAARD),
                options.get(KorRegulation.OMZET_VORIG_JAAR));
        KorResult kr = KorRegulation.addTo(wb.xssf(), in);
        // The workbook opens on the return, as without --kor; the KOR sheets follow it.
        wb.xssf().openOn(BtwWorkbook.AANGIFTE);
        return Optional.of(kr);
    }

    /** The defined names of the return per period (5a, 5b, 5c) and, with {@link #KOR}, the KOR's, with their figures. */
    static Map<String, Money> namedResults(BtwResult r) {
        Map<String, Money> m = new LinkedHashMap<>();
        for (Period p : r.berekening().perioden()) {
            for (String w : List.of("5a", "5b", "5c")) {
                m.put("BTW_" + p.key() + "_" + w, Money.of(r.aangifte().exact(BtwAangifte.exact(p, w))));
            }
        }
        r.kor().ifPresent(k -> m.putAll(KorRegulation.namedResults(k)));
        return m;
    }

    /** The key figures of an outcome: 5c per period. */
    static Map<String, Object> figures(BtwBerekening b, BtwAangifte.Result aangifte) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Period p : b.perioden()) {
            figures.put(saldo(p), Money.of(aangifte.exact(BtwAangifte.exact(p, BtwAangifte.SALDO))));
        }
        return figures;
    }

    /** The periods' whole-euro return figures as the input of the KOR jaaropstelling. */
    static KorInput korInput(
            String bron, BtwBerekening b, BtwAangifte.Result a, Rechtsvorm rechtsvorm, Optional<Money> omzetVorigJaar) {
        Map<Period, Map<Rubriek, KorInput.Bedragen>> lines = new LinkedHashMap<>();
        for (Period p : b.perioden()) {
            Map<Rubriek, KorInput.Bedragen> m = new EnumMap<>(Rubriek.class);
            for (Rubriek r : Rubriek.values()) {
                BigDecimal omzet = a.exact(BtwAangifte.whole(p, r.code() + ".omzet"));
                BigDecimal btw = a.exact(BtwAangifte.whole(p, r.code() + ".btw"));
                m.put(
                        r,
                        new KorInput.Bedragen(
                                r.hasOmzet() ? Money.of(omzet) : null, r.hasBtw() ? Money.of(btw) : null));
            }
            lines.put(p, m);
        }
        // The services of 3b in whole euros, rounded down as the omzet is.
        Optional<Map<Period, Money>> diensten = b.diensten3b().map(m -> {
            Map<Period, Money> w = new LinkedHashMap<>();
            m.forEach((p, d) -> w.put(p, Money.of(d.setScale(0, java.math.RoundingMode.FLOOR))));
            return w;
        });
        return new KorInput(bron, b.jaar(), b.perioden(), lines, rechtsvorm, omzetVorigJaar, List.of(), diensten);
    }

    static String json(BtwResult r) {
        Map<String, Object> m = BtwJson.toMap(r.berekening(), r.aangifte());
        r.auditfile().ifPresent(a -> m.putAll(BtwJson.auditfile(a)));
        r.kor().ifPresent(k -> m.put("kor", KorRegulation.jsonMap(k)));
        return Json.write(m);
    }
}
