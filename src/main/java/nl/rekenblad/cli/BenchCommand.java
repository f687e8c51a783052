package nl.rekenblad.cli;

import nl.rekenblad.bench.BtwBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code rekenblad bench btw|xaf|kia|batch|start}: measures rekenblad on generated inputs, or its cold start. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Meet de snelheid op zelf gemaakte journaals, auditfiles, investeringsregisters of mails (niets groots wordt bewaard), of"
                        + " de koude start van elke opdracht op de voorbeelden (start). Draai met"
                        + " REKENBLAD_JAVA_OPTS=-Xmx512m om het geheugen te begrenzen.")
public final class BenchCommand implements Callable<Integer> {
    /** What to measure. */
    enum Wat {
        btw,
        xaf,
        kia,
        batch,
        start
    }

    @Parameters(index = "0", paramLabel = "WAT", description = "${COMPLETION-CANDIDATES}")
    Wat wat;

    @Option(
            names = "--regels",
            split = ",",
            paramLabel = "N",
            defaultValue = "10000,100000,1000000",
            description = "btw, xaf: aantallen (transactie)regels (standaard: ${DEFAULT-VALUE})")
    List<Integer> regels;

    @Option(
            names = "--activa",
            split = ",",
            paramLabel = "N",
            defaultValue = "5000,20000,60000",
            description = "kia: aantallen bedrijfsmiddelen per register (standaard: ${DEFAULT-VALUE})")
    List<Integer> activa;

    @Option(
            names = "--mails",
            split = ",",
            paramLabel = "N",
            defaultValue = "200,2000",
            description = "batch: aantallen mails (standaard: ${DEFAULT-VALUE})")
    List<Integer> mails;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "batch: bestanden tegelijk (standaard: als rekenblad batch, het aantal cores)")
    Integer threads;

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "7",
            description = "start: koude starts per opdracht, de mediaan telt (standaard: ${DEFAULT-VALUE})")
    int runs;

    @Option(
            names = "--vergelijk",
            paramLabel = "JAR",
            description = "start: meet ook dit andere jar-bestand, om en om met deze build (voor en na een wijziging)")
    java.nio.file.Path vergelijk;

    @Option(
            names = "--voorbeelden",
            paramLabel = "MAP",
            description = "start: de map met voorbeelden (standaard: samples naast de map van het jar-bestand)")
    java.nio.file.Path voorbeelden;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (wat == Wat.btw) {
            BtwBenchmark.run(regels, spec.commandLine().getOut());
        } else if (wat == Wat.kia) {
            nl.rekenblad.bench.KiaBenchmark.run(activa, spec.commandLine().getOut());
        } else if (wat == Wat.start) {
            nl.rekenblad.bench.StartBenchmark.run(
                    Math.max(1, runs),
                    java.util.Optional.ofNullable(vergelijk),
                    java.util.Optional.ofNullable(voorbeelden),
                    spec.commandLine().getOut());
        } else if (wat == Wat.xaf) {
            nl.rekenblad.bench.XafBenchmark.run(regels, spec.commandLine().getOut());
        } else {
            nl.rekenblad.bench.BatchBenchmark.run(
                    mails,
                    threads != null ? threads : nl.rekenblad.batch.Batch.defaultThreads(),
                    spec.commandLine().getOut());
        }
        return Main.OK;
    }
}
