package nl.rekenblad.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.rekenblad.core.Period;
import nl.rekenblad.io.AtomicFiles;
import nl.rekenblad.sheet.KiaTemplate;
import nl.rekenblad.sheet.KorTemplate;
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
    enum Soort { kor, kia }

    /** Period lengths, in Dutch. */
    enum Periode { kwartaal, maand, jaar }

    @Parameters(index = "0", paramLabel = "SOORT", description = "welk sjabloon: ${COMPLETION-CANDIDATES}")
    Soort soort;

    @Option(names = {"-o", "--output"}, paramLabel = "BESTAND.xlsx",
            description = "waar het sjabloon komt (standaard: kor-jaaropstelling.xlsx of kia-investeringsregister.xlsx"
                    + " in de huidige map)")
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
        String name = soort == Soort.kor ? "kor-jaaropstelling.xlsx" : "kia-investeringsregister.xlsx";
        Path target = (output != null ? output : Path.of(name)).toAbsolutePath().normalize();
        try (XSSFWorkbook wb = soort == Soort.kor ? KorTemplate.create(kind, jaar) : KiaTemplate.create()) {
            new AtomicFiles().add(target, wb::write).commit();
        }
        spec.commandLine().getOut().println("sjabloon: " + target);
        return Main.OK;
    }
}
