package nl.rekenblad.btw;

import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.auditfile.Auditfile;
import nl.rekenblad.auditfile.AuditfileReader;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import nl.rekenblad.internal.io.JobOutcome;
import nl.rekenblad.internal.io.Outputs;
import nl.rekenblad.internal.io.TextFiles;
import nl.rekenblad.kor.KorResult;
import nl.rekenblad.rules.RuleBook;
import nl.rekenblad.rules.UsedParameter;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The btw-opstelling from an auditfile: one streaming pass over the file (each transaction worked out and its lines
 * with btw written to Boekingen as they come), then the codes get their rubriek and the Aangifte, Btw-codes,
 * Aansluiting, Controle and, with {@code --kor}, the KOR sheets are written.
 */
final class XafOpstelling implements AuditfileReader.Handler {
    private final Source input;
    private final Options options;
    private final RuleBook rules;
    private final boolean perRekening;
    private final Map<String, BtwCodes.Toewijzing> rekeningMapping;
    private XafBerekening x;
    private BtwWorkbook wb;
    private Auditfile.Header header;
    private long rows;
    private final List<Problem> readerWarnings = new ArrayList<>();

    private XafOpstelling(
            Source input,
            Options options,
            RuleBook rules,
            boolean perRekening,
            Map<String, BtwCodes.Toewijzing> rekeningMapping) {
        this.input = input;
        this.options = options;
        this.rules = rules;
        this.perRekening = perRekening;
        this.rekeningMapping = rekeningMapping;
    }

    /** Whether a source is an auditfile: an {@code auditfile} root element, whatever its extension. */
    static boolean isAuditfile(Source input) throws IOException {
        return AuditfileReader.looksLikeAuditfile(input.head(4096));
    }

    static Outcome<BtwRegulation.BtwResult> run(Source input, Options options)
            throws IOException, InvalidInputException {
        Map<String, BtwCodes.Toewijzing> mapping =
                mapping(options.get(BtwRegulation.BTWCODES).orElse(null));
        Map<String, BtwCodes.Toewijzing> rekeningen =
                mapping(options.get(BtwRegulation.REKENINGEN).orElse(null));
        RuleBook rules = RuleBook.load("btw");
        XafOpstelling o = pass(input, options, rules, false, rekeningen);
        if (o.x.regelsMetBtw() == 0) {
            // No line carries a usable VAT code (Odoo writes none): read the file again, per ledger account.
            o.wb.close();
            o = pass(input, options, rules, true, rekeningen);
        }
        try {
            return o.finish(mapping);
        } catch (InvalidInputException | RuntimeException e) {
            o.wb.close();
            throw e;
        }
    }

    private static XafOpstelling pass(
            Source input,
            Options options,
            RuleBook rules,
            boolean perRekening,
            Map<String, BtwCodes.Toewijzing> rekeningen)
            throws IOException, InvalidInputException {
        String bron = input.name();
        XafOpstelling o = new XafOpstelling(input, options, rules, perRekening, rekeningen);
        try {
            try (InputStream in = input.open()) {
                Outputs.reading(input, () -> AuditfileReader.read(in, bron, o));
            }
            if (o.x == null) {
                throw InvalidInputException.of(bron, "de auditfile heeft geen header");
            }
            return o;
        } catch (InvalidInputException | IOException | RuntimeException e) {
            if (o.wb != null) {
                o.wb.close();
            }
            throw e;
        }
    }

    private static Map<String, BtwCodes.Toewijzing> mapping(Source s) throws IOException, InvalidInputException {
        if (s == null) {
            return Map.of();
        }
        Outputs.requireFile(s);
        if (s.size() > 1_000_000) {
            throw InvalidInputException.of(
                    s.name(), "een bestand met btw-codes van meer dan 1 MB; verwacht regels code=rubriek");
        }
        return BtwCodes.lees(TextFiles.read(s, 1_000_000), s.name());
    }

    @Override
    public void header(Auditfile.Header header) throws IOException {
        if (wb != null) {
            throw new IllegalStateException("a second header: the reader refuses it");
        }
        int jaar = options.get(nl.rekenblad.api.Options.JAAR, header.jaar());
        this.header = header;
        x = new XafBerekening(rules, jaar, options.periode(), header, perRekening, rekeningMapping);
        wb = new BtwWorkbook(XafSheets.GEGEVEN, XafSheets.BEREKEND, List.of(XafSheets.CODES, XafSheets.AANSLUITING));
    }

    @Override
    public void rekening(Auditfile.Rekening rekening) {
        x.rekening(rekening);
    }

    @Override
    public void btwCode(Auditfile.BtwCode code) {
        x.code(code);
    }

    @Override
    public void waarschuwing(Problem warning) {
        readerWarnings.add(warning);
    }

    @Override
    public void transactie(Auditfile.Transactie t) throws InvalidInputException, IOException {
        for (XafBerekening.Boekingsregel b : x.transactie(t)) {
            if (++rows > BtwRegulation.MAX_LINES) {
                throw InvalidInputException.of(
                        input.name(),
                        "de auditfile heeft meer dan " + BtwRegulation.MAX_LINES
                                + " regels met btw of op een btw-rekening: meer dan een werkblad kan bevatten; maak een auditfile"
                                + " per kwartaal");
            }
            wb.row(XafSheets.row(b));
        }
        if ((rows & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException("afgebroken na " + rows + " regels");
        }
    }

    private Outcome<BtwRegulation.BtwResult> finish(Map<String, BtwCodes.Toewijzing> mapping)
            throws InvalidInputException {
        String bron = input.name();
        BtwBerekening b = x.sluit(mapping, bron);
        XafSheets sheets = new XafSheets(x, wb);
        BtwAangifte.Result aangifte = BtwAangifte.build(b, sheets.sums());
        List<XafBerekening.Aansluiting> aansluiting = x.aansluiting(aangifte);
        List<Problem> onverklaard = new ArrayList<>();
        if (!x.btwRekeningen().isEmpty()) {
            for (XafBerekening.Aansluiting a : aansluiting) {
                a.melding().ifPresent(m -> onverklaard.add(Problem.aansluiting(bron, m)));
            }
        }
        if (options.get(BtwRegulation.STRENG, false) && !onverklaard.isEmpty()) {
            throw new InvalidInputException(onverklaard.stream()
                    .map(p -> Problem.error(p.where(), p.message() + " (--streng)"))
                    .toList());
        }
        List<UsedParameter> params = BtwRegulation.tarieven(rules, b.jaar());
        List<Problem> warnings = new ArrayList<>(onverklaard);
        warnings.addAll(readerWarnings);
        warnings.addAll(x.waarschuwingen());
        if (perRekening) {
            warnings.add(Problem.warning(
                    bron,
                    "geen enkele regel draagt een bruikbare btw-code (<vat>): de aangifte is"
                            + " opgesteld uit het grootboek, per btw-rekening en omzetrekening (blad " + XafSheets.CODES
                            + ", met"
                            + " de aanname per rekening); controleer de rubrieken en leg ze vast met --rekeningen"));
        }
        Map<String, String> afgeleid = x.afgeleideRekeningen();
        if (!afgeleid.isEmpty()) {
            warnings.add(Problem.warning(
                    bron,
                    "btw-rekeningen die geen btw-code noemt, gevonden in het grootboek: "
                            + afgeleid.entrySet().stream()
                                    .map(e -> e.getKey() + " " + e.getValue())
                                    .collect(java.util.stream.Collectors.joining("; "))
                            + "; klopt een rekening niet, geef hem op met"
                            + " --rekeningen (rekening=5b, =1a of =negeren)"));
        }
        if (x.btwRekeningen().isEmpty()) {
            warnings.add(
                    Problem.warning(
                            bron,
                            "geen btw-rekeningen gevonden (geen btw-code noemt er een, en geen"
                                    + " grootboekrekening heet btw of heeft een RGS-code voor btw): de aangifte is niet met het grootboek"
                                    + " aan te sluiten; geef ze op met --rekeningen (rekening=5b voor te vorderen, =1a voor te betalen)"));
        }
        if (b.aantalMeldingen() > 0) {
            warnings.add(Problem.controle(bron, b.aantalMeldingen()));
        }
        wb.results(
                aangifte,
                b,
                params,
                "Uit de auditfile " + bron + " (" + header.versie().naam()
                        + (header.software().isBlank()
                                ? ""
                                : ", " + header.software().strip()) + ") · " + b.regels()
                        + (perRekening
                                ? " regels op btw- en" + " omzetrekeningen (gelezen per grootboekrekening)"
                                : " regels met btw")
                        + " · elke rubriek is"
                        + " een SUMIF over " + XafSheets.CODES + "; zie " + XafSheets.AANSLUITING + " en "
                        + BtwWorkbook.CONTROLE,
                warnings,
                out -> {
                    sheets.writeCodes(wb.xssfGenerated(XafSheets.CODES), out.styles());
                    sheets.writeAansluiting(wb.xssfGenerated(XafSheets.AANSLUITING), out.styles(), aansluiting);
                },
                List.of(XafSheets.CODES, XafSheets.AANSLUITING));
        Optional<KorResult> kor = BtwRegulation.kor(options, bron, b, aangifte, wb);
        b.sluit();
        BtwRegulation.Auditfile af = new BtwRegulation.Auditfile(
                x.codes(),
                aansluiting,
                BtwCodes.tekst(x.toewijzingen(), omschrijvingen(x), perRekening ? "--rekeningen" : "--btwcodes"),
                perRekening,
                header.versie().naam());
        BtwRegulation.BtwResult result = new BtwRegulation.BtwResult(b, aangifte, kor, Optional.of(af));
        return new JobOutcome<>(
                        "btw",
                        input,
                        result,
                        BtwRegulation.figures(b, aangifte),
                        warnings,
                        () -> BtwRegulation.json(result),
                        wb.xssf(),
                        false)
                .withNamedResults(BtwRegulation.namedResults(result));
    }

    private static Map<String, String> omschrijvingen(XafBerekening x) {
        Map<String, String> m = new LinkedHashMap<>();
        for (XafBerekening.CodeRegel c : x.codes()) {
            m.put(c.code().vatID(), c.code().vatDesc());
        }
        return m;
    }
}
