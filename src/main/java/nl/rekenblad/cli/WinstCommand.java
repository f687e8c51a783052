package nl.rekenblad.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.rekenblad.app.WinstJob;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;
import nl.rekenblad.winst.WinstResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rekenblad winst}: from profit to belastbare winst uit onderneming. */
@Command(name = "winst", mixinStandardHelpOptions = true,
        description = {
            "Winstberekening: winst + KOR − KIA − EIA − MIA + bijtelling ± gemengde kosten = fiscale winst;"
                + " − ondernemersaftrek; − MKB-winstvrijstelling = belastbare winst uit onderneming (2020–2026).",
            "INVOER is een CSV met kopregel veld,waarde (velden: jaar, winst, kor, kia, eia, mia, bijtelling,"
                + " gemengdeKosten, gemengdeKostenKeuze, uren, aowLeeftijd, starter, partnerUren, stakingswinst) of een"
                + " werkboek gemaakt met 'rekenblad template winst'. kor en kia mogen het pad van een KOR- of"
                + " KIA-uitvoer zijn (.xlsx of .json, ten opzichte van de invoer)."})
public final class WinstCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INVOER", description = "CSV (veld,waarde) of .xlsx-werkboek (winst-sjabloon)")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "UIT.xlsx",
            description = "het werkboek met de uitkomst (standaard: <invoernaam>.winst.xlsx in de huidige map)")
    Path output;

    @Option(names = "--json", paramLabel = "UIT.json|-", description = "schrijf de uitkomst ook als JSON (- = standaarduitvoer)")
    String json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (WinstJob.Outcome outcome = WinstJob.compute(input)) {
            WinstResult r = outcome.result();
            Path target = (output != null ? output : WinstJob.defaultOutput(input, Path.of(""))).toAbsolutePath().normalize();
            boolean jsonToStdout = "-".equals(json);
            Optional<Path> jsonFile = json == null || jsonToStdout ? Optional.empty() : Optional.of(Path.of(json));
            WinstJob.write(outcome, input, target, jsonFile);
            PrintWriter summary = jsonToStdout ? err : out;
            for (Problem w : r.input().warnings()) {
                err.println("waarschuwing: " + w);
            }
            StringBuilder sb = new StringBuilder();
            sb.append("Winstberekening ").append(r.input().jaar()).append(" · ").append(r.input().bron()).append('\n');
            line(sb, "fiscale winst", r.fiscaleWinst());
            line(sb, "ondernemersaftrek", r.get("oa"));
            line(sb, "winst na ondernemersaftrek", r.naOndernemersaftrek());
            line(sb, "MKB-winstvrijstelling", r.mkbVrijstelling());
            line(sb, "belastbare winst", r.belastbaar());
            sb.append("werkboek: ").append(target).append('\n');
            summary.print(sb);
            summary.flush();
            if (jsonToStdout) {
                out.print(outcome.json());
            }
            out.flush();
            err.flush();
            return Main.OK;
        }
    }

    private static void line(StringBuilder sb, String label, Money m) {
        sb.append(String.format("  %-28s %14s%n", label, DutchText.euroCents(m.amount())));
    }
}
