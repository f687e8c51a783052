package nl.rekenblad.kor;

import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Rechtsvorm;
import nl.rekenblad.internal.command.OutputOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code rekenblad kor}: the KOR jaaropstelling from a CSV or a filled template. */
@Command(
        name = "kor",
        mixinStandardHelpOptions = true,
        description = {
            "KOR jaaropstelling: telt de btw-aangiften van een jaar op en past de kleineondernemersregeling toe"
                    + " (tot 2019 de vermindering, vanaf 2020 de vrijstelling met omzetgrens).",
            "INVOER is een CSV met kopregel periode,rubriek,omzet,btw (perioden 2017-Q1, 2017-01 of 2017;"
                    + " met ; als scheidingsteken Nederlandse bedragen als € 1.234,56) of een werkboek gemaakt met"
                    + " 'rekenblad template kor'."
        })
final class KorCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INVOER", description = "CSV of .xlsx-werkboek (KOR-sjabloon)")
    Path input;

    @CommandLine.Mixin
    OutputOptions outputs;

    @Option(
            names = "--rechtsvorm",
            paramLabel = "VORM",
            description =
                    "eenmanszaak, vof, maatschap, cv, bv, nv, stichting of vereniging (standaard: uit het werkboek,"
                            + " anders eenmanszaak)")
    String rechtsvorm;

    @CommandLine.Mixin
    OmzetVorigJaarOptie omzetVorigJaar;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Optional<Rechtsvorm> vorm = Optional.empty();
        if (rechtsvorm != null) {
            vorm = Optional.of(Rechtsvorm.of(rechtsvorm)
                    .orElseThrow(() -> InvalidInputException.of(
                            "--rechtsvorm",
                            "onbekende rechtsvorm \"" + rechtsvorm + "\"; verwacht een van: " + Rechtsvorm.words())));
        }
        Optional<Money> vorig = omzetVorigJaar.bedrag();
        Options options = Options.builder()
                .set(Options.RECHTSVORM, vorm.orElse(null))
                .set(KorRegulation.OMZET_VORIG_JAAR, vorig.orElse(null))
                .build();
        try (Outcome<KorResult> outcome = new KorRegulation().run(Source.of(input), options)) {
            return outputs.deliver(spec, input, outcome, target -> summary(outcome.result(), target));
        }
    }

    public static String summary(KorResult r, Path target) {
        StringBuilder sb = new StringBuilder();
        sb.append("KOR jaaropstelling ")
                .append(r.year())
                .append(" (")
                .append(r.regime() == Regime.OUD ? "oude regeling, vermindering" : "vrijstelling met omzetgrens")
                .append(") · ")
                .append(r.input().bron())
                .append('\n');
        if (r.regime() == Regime.OUD) {
            line(sb, "saldo 5c over het jaar", r.saldo());
            line(sb, "grondslag S", r.grondslag());
            line(sb, "vermindering (5d)", r.vermindering());
            line(sb, "te betalen over het jaar", r.teBetalen());
            line(sb, "bij te tellen bij de winst", r.winstcorrectie());
        } else {
            line(sb, "omzet voor de omzetgrens", r.omzet());
            line(sb, "omzetgrens", r.omzetgrens());
            sb.append(String.format(
                    "  %-28s %s%n",
                    "binnen de grens",
                    r.binnenGrens()
                            ? "ja"
                            : "nee, overschreden in "
                                    + r.overschredenIn().map(Object::toString).orElse("?")));
            line(sb, "voordeel KOR (5a − 5b)", r.afweging());
        }
        sb.append("werkboek: ").append(target).append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, Money m) {
        String euro = DutchText.euroCents(m.amount());
        sb.append(String.format("  %-28s %14s%n", label, euro));
    }
}
