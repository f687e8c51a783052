package nl.rekenblad.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.core.Period;
import nl.rekenblad.internal.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rekenblad template kor}: writes an empty input workbook. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Schrijft een leeg invoerwerkboek (sjabloon) met gedefinieerde namen, zodat u het mag opmaken en verplaatsen.")
public final class TemplateCommand implements Callable<Integer> {
    /** The regulations that have a template, for the help text. */
    static final class Soorten implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Rekenblad.regulations().stream().filter(r -> r.templateName().isPresent()).map(Regulation::name).iterator();
        }
    }

    /** Period lengths, in Dutch. */
    enum Periode { kwartaal, maand, jaar }

    @Parameters(index = "0", paramLabel = "SOORT", completionCandidates = Soorten.class,
            description = "welk sjabloon: ${COMPLETION-CANDIDATES}")
    String soort;

    @Option(names = {"-o", "--output"}, paramLabel = "BESTAND.xlsx",
            description = "waar het sjabloon komt (standaard: kor-jaaropstelling.xlsx, kia-investeringsregister.xlsx of"
                    + " winstberekening.xlsx in de huidige map)")
    Path output;

    @Option(names = "--periode", paramLabel = "LENGTE", defaultValue = "kwartaal",
            description = "KOR: aangifteperiode: ${COMPLETION-CANDIDATES} (standaard: ${DEFAULT-VALUE})")
    Periode periode;

    @Option(names = "--jaar", paramLabel = "JAAR", description = "KOR: vul het jaar alvast in")
    Integer jaar;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Period.Kind kind = switch (periode) {
            case kwartaal -> Period.Kind.KWARTAAL;
            case maand -> Period.Kind.MAAND;
            case jaar -> Period.Kind.JAAR;
        };
        Regulation regulation = Rekenblad.regulations().stream()
                .filter(r -> r.name().equals(soort) && r.templateName().isPresent()).findFirst()
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "ongeldige waarde voor SOORT:"
                        + " verwacht een van " + String.join(", ", new Soorten()) + ", gevonden '" + soort + "'"));
        Path target = (output != null ? output : Path.of(regulation.templateName().get())).toAbsolutePath().normalize();
        Options options = Options.builder().set(Options.PERIODE, kind).set(Options.JAAR, jaar).build();
        new AtomicFiles().add(target, out -> regulation.writeTemplate(out, options)).commit();
        spec.commandLine().getOut().println("sjabloon: " + target);
        return Main.OK;
    }
}
