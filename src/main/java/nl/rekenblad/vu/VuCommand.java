package nl.rekenblad.vu;

import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Money;
import nl.rekenblad.internal.command.OutputOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rekenblad vu}: the verworpen uitgaven of a Belgian company, per code of the aangifte. */
@Command(
        name = "vu",
        mixinStandardHelpOptions = true,
        description = {
            "Verworpen uitgaven (Belgische vennootschapsbelasting, aanslagjaren 2024–2027): per code van de aangifte"
                    + " (275.1.A) het niet-aftrekbare deel van de kosten, de autokosten per wagen (CO2, brandstof, aankoopdatum),"
                    + " met formules en een toelichting.",
            "KOSTEN is een CSV (rekening, omschrijving, bedrag, soort, aantal, percentage; bovenaan mag een regel"
                    + " boekjaar,2025 of aanslagjaar,2026 en wagens,BESTAND staan) of een werkboek uit 'rekenblad template vu'."
        })
public final class VuCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KOSTEN", description = "CSV met kosten, of .xlsx-werkboek (VU-sjabloon)")
    Path input;

    @Option(
            names = "--wagens",
            paramLabel = "WAGENS.csv",
            description = "CSV met wagens (wagen, aankoopdatum, brandstof, co2, pk, brandstofkosten, anderekosten,"
                    + " financieringskosten, minderwaarde, vaa, tussenkomstBrandstof)")
    Path wagens;

    @Option(names = "--boekjaar", paramLabel = "JJJJ", description = "het boekjaar (het aanslagjaar is een later)")
    Integer boekjaar;

    @Option(names = "--aanslagjaar", paramLabel = "JJJJ", description = "het aanslagjaar (standaard: boekjaar + 1)")
    Integer aanslagjaar;

    @CommandLine.Mixin
    OutputOptions outputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final VuRegulation regulation;

    VuCommand(VuRegulation regulation) {
        this.regulation = regulation;
    }

    @Override
    public Integer call() throws Exception {
        Options o = Options.builder()
                .set(VuRegulation.WAGENS, Source.ofNullable(wagens))
                .set(VuRegulation.BOEKJAAR, boekjaar)
                .set(VuRegulation.AANSLAGJAAR, aanslagjaar)
                .build();
        try (Outcome<VuResult> outcome = regulation.run(Source.of(input), o)) {
            return outputs.deliver(spec, input, outcome, target -> summary(outcome.result(), target));
        }
    }

    static String summary(VuResult r, Path target) {
        StringBuilder sb = new StringBuilder();
        sb.append("Verworpen uitgaven, aanslagjaar ")
                .append(r.input().aanslagjaar())
                .append(" · ")
                .append(r.input().bron())
                .append('\n');
        for (String c : VuBerekening.CODES.keySet()) {
            Money m = r.code(c);
            if (m.amount().signum() != 0) {
                sb.append(String.format(
                        "  %s %-62s %14s%n", c, VuBerekening.CODES.get(c), DutchText.euroCents(m.amount())));
            }
        }
        sb.append(String.format(
                "  %-67s %14s%n", "totaal", DutchText.euroCents(r.totaal().amount())));
        sb.append("werkboek: ").append(target).append('\n');
        return sb.toString();
    }
}
