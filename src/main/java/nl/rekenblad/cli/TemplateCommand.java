package nl.rekenblad.cli;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.core.Period;
import nl.rekenblad.internal.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rekenblad template kor}: writes an empty input workbook. */
@Command(
        name = "template",
        mixinStandardHelpOptions = true,
        description =
                "Schrijft een leeg invoerwerkboek (sjabloon) met gedefinieerde namen, zodat u het mag opmaken en verplaatsen.")
public final class TemplateCommand implements Callable<Integer> {
    /** The regulations that have a template, for the help text. */
    static final class Soorten implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Rekenblad.regulations().stream()
                    .filter(r -> r.templateName().isPresent())
                    .map(Regulation::name)
                    .iterator();
        }
    }

    /** The file names of the templates, for the help text. */
    static final class Namen implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Rekenblad.regulations().stream()
                    .flatMap(r -> r.templateName().stream())
                    .iterator();
        }
    }

    /** Period lengths, in Dutch. */
    enum Periode {
        kwartaal,
        maand,
        jaar
    }

    @Parameters(
            index = "0",
            paramLabel = "SOORT",
            completionCandidates = Soorten.class,
            description = "welk sjabloon: ${COMPLETION-CANDIDATES}")
    String soort;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "BESTAND.xlsx",
            completionCandidates = Namen.class,
            description = "waar het sjabloon komt (standaard in de huidige map: ${COMPLETION-CANDIDATES})")
    Path output;

    @Option(
            names = "--periode",
            paramLabel = "LENGTE",
            description = "aangifteperiode (alleen voor een sjabloon dat er een heeft): ${COMPLETION-CANDIDATES}"
                    + " (standaard: kwartaal)")
    Periode periode;

    @Option(
            names = "--jaar",
            paramLabel = "JAAR",
            description = "vul het jaar alvast in (alleen voor een sjabloon dat" + " een jaar heeft)")
    Integer jaar;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Period.Kind kind = switch (periode == null ? Periode.kwartaal : periode) {
            case kwartaal -> Period.Kind.KWARTAAL;
            case maand -> Period.Kind.MAAND;
            case jaar -> Period.Kind.JAAR;
        };
        Regulation regulation = Rekenblad.regulations().stream()
                .filter(r -> r.name().equals(soort) && r.templateName().isPresent())
                .findFirst()
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(),
                        "ongeldige waarde voor SOORT:" + " verwacht een van " + String.join(", ", new Soorten())
                                + ", gevonden '" + soort + "'"));
        // An option only for the templates that read it, named by the registry.
        for (var o : java.util.List.of(
                java.util.Map.entry(Options.PERIODE, periode != null),
                java.util.Map.entry(Options.JAAR, jaar != null))) {
            if (o.getValue() && !regulation.templateOpties().contains(o.getKey())) {
                String wie = String.join(
                        ", ",
                        Rekenblad.regulations().stream()
                                .filter(r -> r.templateOpties().contains(o.getKey()))
                                .map(Regulation::name)
                                .toList());
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--" + (o.getKey() == Options.JAAR ? "jaar" : "periode") + " geldt niet voor het sjabloon "
                                + soort + (wie.isEmpty() ? "" : "; wel voor: " + wie));
            }
        }
        Path target = (output != null
                        ? output
                        : Path.of(regulation.templateName().get()))
                .toAbsolutePath()
                .normalize();
        Options options = Options.builder()
                .set(Options.PERIODE, kind)
                .set(Options.JAAR, jaar)
                .build();
        new AtomicFiles()
                .add(target, out -> regulation.writeTemplate(out, options))
                .commit();
        spec.commandLine().getOut().println("sjabloon: " + target);
        return Main.OK;
    }
}
