package nl.rekenblad.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.rekenblad.core.Period;
import nl.rekenblad.io.AtomicFiles;
import nl.rekenblad.kia.KiaTemplate;
import nl.rekenblad.kor.KorTemplate;
import nl.rekenblad.winst.WinstTemplate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rekenblad template kor}: writes an empty input workbook. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Schrijft een leeg invoerwerkboek (sjabloon) met gedefinieerde namen, zodat u het mag opmaken en verplaatsen.")
public final class TemplateCommand implements Callable<Integer> {
    /** The templates rekenblad can write. */
    enum Soort { kor, kia, winst }

    /** Period lengths, in Dutch. */
    enum Periode { kwartaal, maand, jaar }

    @Parameters(index = "0", paramLabel = "SOORT", description = "welk sjabloon: ${COMPLETION-CANDIDATES}")
    Soort soort;

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
        String name = switch (soort) {
            case kor -> "kor-jaaropstelling.xlsx";
            case kia -> "kia-investeringsregister.xlsx";
            case winst -> "winstberekening.xlsx";
        };
        Path target = (output != null ? output : Path.of(name)).toAbsolutePath().normalize();
        try (XSSFWorkbook wb = switch (soort) {
            case kor -> KorTemplate.create(kind, jaar);
            case kia -> KiaTemplate.create();
            case winst -> WinstTemplate.create(java.util.Map.of());
        }) {
            new AtomicFiles().add(target, wb::write).commit();
        }
        spec.commandLine().getOut().println("sjabloon: " + target);
        return Main.OK;
    }
}
