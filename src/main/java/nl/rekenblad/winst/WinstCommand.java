package nl.rekenblad.winst;

import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Money;
import nl.rekenblad.internal.command.OutputOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rekenblad winst}: from profit to belastbare winst uit onderneming. */
@Command(
        name = "winst",
        mixinStandardHelpOptions = true,
        description = {
            "Winstberekening: winst + KOR − KIA − EIA − MIA + bijtelling ± gemengde kosten + privégebruik auto = fiscale winst;"
                    + " − ondernemersaftrek; − MKB-winstvrijstelling = belastbare winst uit onderneming (2020–2026).",
            "INVOER is een CSV met kopregel veld,waarde of een werkboek gemaakt met 'rekenblad template winst' (daar staat"
                    + " bij elk veld wat erin hoort). Velden: " + WinstCommand.VELDEN + ".",
            "winst mag het pad van een auditfile (.xaf) zijn; kor en kia het pad van een KOR- of KIA-uitvoer (.xlsx of"
                    + " .json), ten opzichte van de invoer."
        })
public final class WinstCommand implements Callable<Integer>, nl.rekenblad.internal.command.Beschrijving {
    /** Stands in the description for the list of fields; {@link #beschrijving} fills it in from {@link WinstVeld}. */
    static final String VELDEN = "{velden}";

    /** The description with the fields listed, as the command line shows it. */
    @Override
    public String[] beschrijving(String[] description) {
        return java.util.Arrays.stream(description)
                .map(d -> d.replace(VELDEN, WinstVeld.lijst()))
                .toArray(String[]::new);
    }

    @Parameters(
            index = "0",
            paramLabel = "INVOER",
            description = "CSV (veld,waarde) of .xlsx-werkboek (winst-sjabloon)")
    Path input;

    @CommandLine.Mixin
    OutputOptions outputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final WinstRegulation regulation;

    WinstCommand(WinstRegulation regulation) {
        this.regulation = regulation;
    }

    @Override
    public Integer call() throws Exception {
        try (Outcome<WinstResult> outcome = regulation.run(Source.of(input), Options.defaults())) {
            return outputs.deliver(spec, input, outcome, target -> summary(outcome.result(), target));
        }
    }

    static String summary(WinstResult r, Path target) {
        StringBuilder sb = new StringBuilder();
        sb.append("Winstberekening ")
                .append(r.input().jaar())
                .append(" · ")
                .append(r.input().bron())
                .append('\n');
        line(sb, "fiscale winst", r.fiscaleWinst());
        line(sb, "ondernemersaftrek", r.get(WinstKeys.ONDERNEMERSAFTREK));
        line(sb, "winst na ondernemersaftrek", r.naOndernemersaftrek());
        line(sb, "MKB-winstvrijstelling", r.mkbVrijstelling());
        line(sb, "belastbare winst", r.belastbaar());
        sb.append("werkboek: ").append(target).append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, Money m) {
        sb.append(String.format("  %-28s %14s%n", label, DutchText.euroCents(m.amount())));
    }
}
