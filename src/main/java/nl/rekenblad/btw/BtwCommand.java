package nl.rekenblad.btw;

import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Rechtsvorm;
import nl.rekenblad.internal.command.OutputOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rekenblad btw}: each period's btw-aangifte from a bookkeeping export. */
@Command(
        name = "btw",
        mixinStandardHelpOptions = true,
        description = {
            "Btw-opstelling: van een export van de boekhouding (CSV: datum, omschrijving, rubriek, grondslag, btw, tarief)"
                    + " of een XML Auditfile Financieel (XAF 3.1, 3.2, 3.2.1 of 4.0) naar de rubrieken van de aangifte per"
                    + " periode, met formules over de boekingen.",
            "Een auditfile heeft btw-codes in plaats van rubrieken: rekenblad stelt per code en kant (verkoop of inkoop)"
                    + " een rubriek voor (blad Btw-codes, met de reden); leg ze vast met --btwcodes. Zonder btw-codes op de"
                    + " regels wordt de aangifte uit de btw- en omzetrekeningen opgesteld (--rekeningen). Het blad Aansluiting"
                    + " zet de aangifte naast de btw-rekeningen; wat die niet verklaren is een waarschuwing (met --streng een"
                    + " fout).",
            "Lege btw = grondslag × tarief (op centen); leeg tarief volgt uit rubriek en datum (1a 21%%, 1b 9%% of vóór 2019 6%%)."
        })
public final class BtwCommand implements Callable<Integer> {
    /** Period lengths, in Dutch. */
    enum Lengte {
        kwartaal,
        maand,
        jaar
    }

    @Parameters(
            index = "0",
            paramLabel = "EXPORT",
            description = "CSV-export van het journaal, of een auditfile (.xaf of .xml)")
    Path input;

    @CommandLine.Mixin
    OutputOptions outputs;

    @Option(names = "--jaar", paramLabel = "JAAR", description = "het jaar (standaard: het jaar van de eerste boeking)")
    Integer jaar;

    @Option(
            names = "--periode",
            paramLabel = "LENGTE",
            defaultValue = "kwartaal",
            description = "aangifteperiode: ${COMPLETION-CANDIDATES} (standaard: ${DEFAULT-VALUE})")
    Lengte periode;

    @Option(names = "--kor", description = "voeg de KOR jaaropstelling toe, uit de afgeronde bedragen per periode")
    boolean kor;

    @Option(names = "--rechtsvorm", paramLabel = "VORM", description = "rechtsvorm voor --kor (standaard eenmanszaak)")
    String rechtsvorm;

    @CommandLine.Mixin
    nl.rekenblad.kor.OmzetVorigJaarOptie omzetVorigJaar;

    @Option(
            names = "--kolommen",
            paramLabel = "BESTAND",
            description = "bestand met regels veld=kolomnaam voor een export met andere kolomnamen"
                    + " (velden: datum, omschrijving, rubriek, grondslag, btw, tarief)")
    Path kolommen;

    @Option(
            names = "--btwcodes",
            paramLabel = "BESTAND",
            description =
                    "bij een auditfile: bestand met regels btw-code=rubriek (1a 1b 1c 1d 1e 2a 3a 3b 3c 4a 4b 5b of"
                            + " negeren), of per kant btw-code:verkoop=rubriek en btw-code:inkoop=rubriek; codes zonder regel"
                            + " krijgen een voorstel")
    Path btwcodes;

    @Option(
            names = "--rekeningen",
            paramLabel = "BESTAND",
            description =
                    "bij een auditfile: bestand met regels rekening=rubriek: welke grootboekrekeningen btw zijn"
                            + " (=5b te vorderen, =1a enz. te betalen, =negeren), en zonder btw-codes de rubriek per omzetrekening")
    Path rekeningen;

    @Option(
            names = "--rekeningen-uit",
            paramLabel = "BESTAND",
            description =
                    "bij een auditfile zonder btw-codes: schrijf de gebruikte indeling per rekening, om aan te passen"
                            + " en met --rekeningen terug te geven")
    Path rekeningenUit;

    @Option(
            names = "--streng",
            description = "bij een auditfile: een aangifte die niet aansluit op de btw-rekeningen is"
                    + " een fout (exit 1) in plaats van een waarschuwing; voor onbeheerd gebruik")
    boolean streng;

    @Option(
            names = "--btwcodes-uit",
            paramLabel = "BESTAND",
            description = "bij een auditfile: schrijf de gebruikte indeling van de btw-codes, om aan te passen en met"
                    + " --btwcodes terug te geven")
    Path btwcodesUit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Rechtsvorm vorm = rechtsvorm == null
                ? Rechtsvorm.STANDAARD
                : Rechtsvorm.of(rechtsvorm)
                        .orElseThrow(() -> InvalidInputException.of(
                                "--rechtsvorm",
                                "onbekende rechtsvorm \"" + rechtsvorm + "\"; verwacht een van: "
                                        + Rechtsvorm.words()));
        Period.Kind kind = switch (periode) {
            case kwartaal -> Period.Kind.KWARTAAL;
            case maand -> Period.Kind.MAAND;
            case jaar -> Period.Kind.JAAR;
        };
        Options options = Options.builder()
                .set(Options.JAAR, jaar)
                .set(Options.PERIODE, kind)
                .set(BtwRegulation.KOR, kor)
                .set(BtwRegulation.KOLOMMEN, Source.ofNullable(kolommen))
                .set(BtwRegulation.BTWCODES, Source.ofNullable(btwcodes))
                .set(BtwRegulation.REKENINGEN, Source.ofNullable(rekeningen))
                .set(BtwRegulation.STRENG, streng)
                .set(Options.RECHTSVORM, vorm)
                .set(
                        nl.rekenblad.kor.KorRegulation.OMZET_VORIG_JAAR,
                        omzetVorigJaar.bedrag().orElse(null))
                .build();
        if (!kor && omzetVorigJaar.bedrag().isPresent()) {
            throw InvalidInputException.of(
                    "--omzet-vorig-jaar", "hoort bij --kor (de omzetgrens van de KOR); geef ook --kor");
        }
        try (Outcome<BtwRegulation.BtwResult> o = new BtwRegulation().run(Source.of(input), options)) {
            if ((btwcodesUit != null || rekeningenUit != null)
                    && o.result().auditfile().isEmpty()) {
                throw InvalidInputException.of(
                        btwcodesUit != null ? "--btwcodes-uit" : "--rekeningen-uit",
                        "alleen bij een" + " auditfile: " + input.getFileName() + " is een journaal met rubrieken");
            }
            boolean perRekening = o.result()
                    .auditfile()
                    .map(BtwRegulation.Auditfile::perRekening)
                    .orElse(false);
            if (btwcodesUit != null && perRekening) {
                throw InvalidInputException.of(
                        "--btwcodes-uit",
                        input.getFileName() + " heeft geen btw-codes op de regels;"
                                + " de aangifte is per grootboekrekening opgesteld: gebruik --rekeningen-uit");
            }
            if (rekeningenUit != null && !perRekening && o.result().auditfile().isPresent()) {
                throw InvalidInputException.of(
                        "--rekeningen-uit",
                        input.getFileName() + " heeft btw-codes op de regels:" + " gebruik --btwcodes-uit");
            }
            Path uit = btwcodesUit != null ? btwcodesUit : rekeningenUit;
            // The lines that need attention are named in the summary and on the Controle sheet, not as warnings;
            // an auditfile's unmatched aansluiting and unknown mapped codes are warnings.
            List<Problem> warnings = o.warnings().stream()
                    .filter(w -> w.soort() != Problem.Soort.CONTROLE)
                    .toList();
            return outputs.deliver(
                    spec,
                    input,
                    "btw",
                    (target, json) -> {
                        o.save(target, json);
                        if (uit != null) {
                            byte[] text = o.result()
                                    .auditfile()
                                    .get()
                                    .btwcodes()
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                            new nl.rekenblad.internal.io.AtomicFiles()
                                    .add(uit, out -> out.write(text))
                                    .commit();
                        }
                    },
                    warnings,
                    target -> summary(o.result(), input, target)
                            + (uit == null
                                    ? ""
                                    : (perRekening ? "rekeningen: " : "btw-codes: ")
                                            + uit.toAbsolutePath().normalize() + "\n"),
                    o::json);
        }
    }

    static String summary(BtwRegulation.BtwResult o, Path input, Path target) {
        StringBuilder sb = new StringBuilder();
        sb.append("Btw-opstelling ")
                .append(o.berekening().jaar())
                .append(" · ")
                .append(input.getFileName())
                .append(" · ")
                .append(o.berekening().regels())
                .append(" boekingen\n");
        sb.append(String.format("  %-10s %16s %16s %16s%n", "periode", "5a", "5b", "5c"));
        for (Period p : o.berekening().perioden()) {
            sb.append(String.format(
                    "  %-10s %16s %16s %16s%n",
                    p.label(),
                    e(o, BtwAangifte.exact(p, BtwAangifte.VERSCHULDIGD)),
                    e(o, BtwAangifte.exact(p, BtwAangifte.VOORBELASTING)),
                    e(o, BtwAangifte.exact(p, BtwAangifte.SALDO))));
        }
        o.auditfile().ifPresent(a -> {
            sb.append(a.perRekening() ? "  per grootboekrekening (geen btw-codes op de regels): " : "  btw-codes: ");
            sb.append(String.join(
                    ", ",
                    a.codes().stream()
                            .filter(c -> c.regels() > 0)
                            .map(c -> c.sleutel() + " → " + c.toewijzing().code())
                            .toList()));
            sb.append('\n');
            for (XafBerekening.Aansluiting x : a.aansluiting()) {
                if (x.onverklaard().signum() == 0 && x.verschil().signum() != 0) {
                    sb.append(String.format(
                            "  aansluiting %-10s verschil %s, verklaard door boekingen zonder btw-code (zie het"
                                    + " blad Aansluiting)%n",
                            x.periode().label(), DutchText.euroCents(x.verschil())));
                }
            }
        });
        if (o.berekening().aantalMeldingen() > 0) {
            sb.append("  ")
                    .append(o.berekening().aantalMeldingen())
                    .append(" regels vragen aandacht: zie het blad Controle\n");
        }
        o.kor().ifPresent(k -> sb.append(nl.rekenblad.kor.KorRegulation.summary(k, target)));
        if (o.kor().isEmpty()) {
            sb.append("werkboek: ").append(target).append('\n');
        }
        return sb.toString();
    }

    private static String e(BtwRegulation.BtwResult o, String key) {
        return DutchText.euroCents(o.aangifte().exact(key));
    }
}
