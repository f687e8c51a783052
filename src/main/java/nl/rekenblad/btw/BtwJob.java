package nl.rekenblad.btw;

import nl.rekenblad.io.Outputs;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.io.Json;
import nl.rekenblad.kor.KorInput;
import nl.rekenblad.kor.KorJaaropstelling;
import nl.rekenblad.kor.KorResult;
import nl.rekenblad.kor.Rechtsvorm;
import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.rules.RuleBook;
import nl.rekenblad.rules.UsedParameter;
import nl.rekenblad.kor.KorTemplate;
import nl.rekenblad.kor.KorWorkbookWriter;

/**
 * From a bookkeeping export to each period's return in one streaming pass: every line is read,
 * worked out, written to the Boekingen sheet and added to its period; then the Aangifte sheet
 * (SUMIFS over the lines), Controle and, with {@code kor}, the KOR jaaropstelling.
 */
public final class BtwJob {
    /** How to run it. */
    public record Options(Optional<Integer> jaar, Period.Kind periode, boolean kor, Optional<Path> kolommen,
            Rechtsvorm rechtsvorm) {
        public static Options defaults() {
            return new Options(Optional.empty(), Period.Kind.KWARTAAL, false, Optional.empty(), Rechtsvorm.EENMANSZAAK);
        }
    }

    /** The worked-out journal and the workbook (not yet written). Close it when done. */
    public record Outcome(BtwBerekening berekening, BtwAangifte.Result aangifte, Optional<KorResult> kor, BtwWorkbook workbook)
            implements AutoCloseable {
        public String json() {
            Map<String, Object> m = BtwJson.toMap(berekening, aangifte);
            kor.ifPresent(k -> m.put("kor", nl.rekenblad.kor.KorJson.toMap(k)));
            return Json.write(m);
        }

        @Override
        public void close() throws IOException {
            workbook.close();
        }
    }

    /** At most this many bad lines are listed; the rest are counted. */
    static final int MAX_PROBLEMS = 100;

    private BtwJob() {
    }

    public static Outcome compute(Path input, Options options) throws IOException, InvalidInputException {
        Outputs.requireFile(input);
        String bron = input.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        long bad = 0;
        BtwBerekening b = null;
        BtwWorkbook wb = null;
        RuleBook rules = RuleBook.load("btw");
        try (LedgerReader reader = LedgerReader.open(input, options.kolommen())) {
            Optional<Boeking> next;
            long lines = 0;
            while ((next = reader.next(problems.size() < MAX_PROBLEMS ? problems : new ArrayList<>())) != null) {
                if ((++lines & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                    // A batch ran out of time for this file: stop, rather than work on for nothing.
                    throw new java.io.InterruptedIOException("afgebroken na " + lines + " regels");
                }
                if (next.isEmpty()) {
                    bad++;
                    continue;
                }
                Boeking boeking = next.get();
                if (b == null) {
                    int jaar = options.jaar().orElse(boeking.datum().getYear());
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
            List<UsedParameter> params = List.of(
                    new UsedParameter("BTW_Hoog_" + b.jaar(), b.jaar(), rules.get("BTW_Hoog", b.jaar(), "btw-tarief")),
                    new UsedParameter("BTW_Laag_" + b.jaar(), b.jaar(), rules.get("BTW_Laag", b.jaar(), "btw-tarief")));
            List<Problem> warnings = new ArrayList<>();
            if (b.aantalMeldingen() > 0) {
                warnings.add(Problem.warning(bron, b.aantalMeldingen() + " regels vragen aandacht; zie het blad Controle"));
            }
            wb.results(aangifte, b, params, bron, warnings);
            Optional<KorResult> kor = Optional.empty();
            if (options.kor()) {
                KorInput in = korInput(bron, b, aangifte, options.rechtsvorm());
                KorResult kr = KorJaaropstelling.withBundledRules().calculate(in);
                KorTemplate.addTo(wb.xssf(), in);
                new KorWorkbookWriter().write(wb.xssf(), kr);
                kor = Optional.of(kr);
            }
            return new Outcome(b, aangifte, kor, wb);
        } catch (InvalidInputException | IOException | RuntimeException e) {
            if (wb != null) {
                wb.close();
            }
            throw e;
        }
    }

    /** The periods' whole-euro return figures as the input of the KOR jaaropstelling. */
    static KorInput korInput(String bron, BtwBerekening b, BtwAangifte.Result a, Rechtsvorm rechtsvorm) {
        Map<Period, Map<Rubriek, KorInput.Bedragen>> lines = new LinkedHashMap<>();
        for (Period p : b.perioden()) {
            Map<Rubriek, KorInput.Bedragen> m = new EnumMap<>(Rubriek.class);
            for (Rubriek r : Rubriek.values()) {
                BigDecimal omzet = a.exact(BtwAangifte.whole(p, r.code() + ".omzet"));
                BigDecimal btw = a.exact(BtwAangifte.whole(p, r.code() + ".btw"));
                m.put(r, new KorInput.Bedragen(r.hasOmzet() ? Money.of(omzet) : null, r.hasBtw() ? Money.of(btw) : null));
            }
            lines.put(p, m);
        }
        return new KorInput(bron, b.jaar(), b.perioden(), lines, rechtsvorm, Optional.empty(), List.of());
    }

    public static void write(Outcome outcome, Path input, Path workbook, Optional<Path> json)
            throws IOException, InvalidInputException {
        Outputs.write(outcome.workbook().workbook(), outcome.json(), input, workbook, json);
    }

    public static Path defaultOutput(Path input, Path dir) {
        return Outputs.defaultOutput(input, dir, "btw");
    }
}
