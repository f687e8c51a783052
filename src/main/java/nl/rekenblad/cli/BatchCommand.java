package nl.rekenblad.cli;

import nl.rekenblad.batch.Batch;
import nl.rekenblad.batch.Verslag;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code rekenblad batch}: mails and folders unattended. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Verwerkt mails (.eml, .msg) en mappen met werkboeken, CSV-bestanden en auditfiles: elke bijlage wordt"
                    + " herkend (" + BatchCommand.SOORTEN
                    + "), doorgerekend en als werkboek en JSON in UITMAP gezet. Eén"
                    + " slecht bestand houdt de rest niet tegen; de invoer wordt nooit gewijzigd.",
            "Exitcode 0 als alles ok is (of een waarschuwing of niet herkend), 4 als er bestanden mislukten."
        })
public final class BatchCommand implements Callable<Integer> {
    /** Stands in the description for what batch recognises; {@link Main} fills it in from the registry. */
    static final String SOORTEN = "{soorten}";

    @Parameters(paramLabel = "IN", arity = "1..*", description = "mails, bestanden of mappen (mappen met submappen)")
    List<Path> inputs;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "UITMAP",
            required = true,
            description = "map voor de uitvoer")
    Path outdir;

    @Option(names = "--rapport", paramLabel = "RAPPORT.jsonl", description = "verslag, een JSON-regel per bijlage")
    Path rapport;

    @Option(names = "--threads", paramLabel = "N", description = "bestanden tegelijk (standaard: het aantal cores)")
    Integer threads;

    @CommandLine.Mixin
    nl.rekenblad.internal.command.BudgetOptie budget;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean terminal =
                System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
        int n = threads != null ? threads : Batch.defaultThreads();
        Batch.Uitkomst u = Batch.run(
                inputs, new Batch.Options(outdir, Optional.ofNullable(rapport), n, budget.seconden()), out, terminal);
        out.printf(
                "bestanden: %d · ok: %d · waarschuwing: %d · fout: %d · niet herkend: %d · tijd: %.1f s%n",
                u.regels().size(),
                u.tel(Verslag.Status.OK),
                u.tel(Verslag.Status.WAARSCHUWING),
                u.tel(Verslag.Status.FOUT),
                u.tel(Verslag.Status.NIET_HERKEND),
                u.millis() / 1000.0);
        out.println(
                "uitvoer: " + outdir.toAbsolutePath().normalize() + (rapport != null ? " · verslag: " + rapport : ""));
        out.flush();
        return u.tel(Verslag.Status.FOUT) > 0 ? Main.SOME_FAILED : Main.OK;
    }
}
