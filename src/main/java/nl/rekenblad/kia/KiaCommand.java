package nl.rekenblad.kia;

import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.internal.command.OutputOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code rekenblad kia}: the investment register worked out. */
@Command(
        name = "kia",
        mixinStandardHelpOptions = true,
        description = {
            "KIA investeringsregister: kleinschaligheidsinvesteringsaftrek per jaar uit de tabel van dat jaar,"
                    + " desinvesteringsbijtelling, EIA/MIA en afschrijvingen.",
            "INVOER is een CSV met ten minste de kolommen id,omschrijving,datum,bedrag,soort (en eventueel ingebruikname,"
                    + " betaald, restwaarde, gebruiksduur, verkoopdatum, verkoopprijs, regeling) of een werkboek gemaakt met"
                    + " 'rekenblad template kia'."
        })
final class KiaCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INVOER", description = "CSV of .xlsx-werkboek (KIA-sjabloon)")
    Path input;

    @CommandLine.Mixin
    OutputOptions outputs;

    @Option(
            names = "--aandeel",
            paramLabel = "DEEL",
            description = "het register is van een samenwerkingsverband; het aandeel van de vennoot: 0.5, 50%% of 1/3")
    String aandeel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Optional<BigDecimal> share = aandeel == null ? Optional.empty() : Optional.of(parseShare(aandeel));
        Options options =
                Options.builder().set(KiaRegulation.AANDEEL, share.orElse(null)).build();
        try (Outcome<KiaResult> outcome = new KiaRegulation().run(Source.of(input), options)) {
            return outputs.deliver(spec, input, outcome, target -> summary(outcome.result(), target));
        }
    }

    static BigDecimal parseShare(String text) throws InvalidInputException {
        String t = text.trim().replace(',', '.');
        BigDecimal v;
        try {
            if (t.endsWith("%")) {
                v = new BigDecimal(t.substring(0, t.length() - 1).trim()).movePointLeft(2);
            } else if (t.contains("/")) {
                String[] p = t.split("/");
                v = new BigDecimal(p[0].trim()).divide(new BigDecimal(p[1].trim()), MathContext.DECIMAL128);
            } else {
                v = new BigDecimal(t);
            }
        } catch (NumberFormatException | ArithmeticException | ArrayIndexOutOfBoundsException e) {
            throw InvalidInputException.of(
                    "--aandeel", "verwacht een deel als 0.5, 50%% of 1/3, gevonden \"" + text + "\"");
        }
        if (v.signum() <= 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw InvalidInputException.of(
                    "--aandeel", "het aandeel moet groter dan 0 en ten hoogste 1 zijn, gevonden \"" + text + "\"");
        }
        return v;
    }

    static String summary(KiaResult r, Path target) {
        StringBuilder sb = new StringBuilder();
        sb.append("KIA investeringsregister · ")
                .append(r.input().bron())
                .append(" · ")
                .append(r.input().activa().size())
                .append(" bedrijfsmiddelen\n");
        sb.append(String.format(
                "  %-6s %14s %14s %12s %14s %12s%n",
                "jaar", "investeringen", "KIA", "EIA+MIA", "bijtelling", "afschrijving"));
        TreeSet<Integer> years = new TreeSet<>(r.years());
        years.addAll(r.disposalYears());
        for (int y : years) {
            sb.append(String.format(
                    "  %-6d %14s %14s %12s %14s %12s%n",
                    y,
                    e(r.investeringen(y)),
                    e(r.kia(y)),
                    e(r.eia(y).plus(r.mia(y))),
                    e(r.bijtelling(y)),
                    e(r.afschrijving(y))));
        }
        sb.append("werkboek: ").append(target).append('\n');
        return sb.toString();
    }

    private static String e(Money m) {
        return DutchText.euroCents(m.amount());
    }
}
