package nl.rekenblad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;
import nl.rekenblad.io.AmountNotation;
import nl.rekenblad.io.AtomicFiles;
import nl.rekenblad.io.Json;
import nl.rekenblad.io.KorCsvReader;
import nl.rekenblad.io.KorJson;
import nl.rekenblad.io.KorWorkbookReader;
import nl.rekenblad.io.Workbooks;
import nl.rekenblad.kor.KorInput;
import nl.rekenblad.kor.KorJaaropstelling;
import nl.rekenblad.kor.KorResult;
import nl.rekenblad.kor.Rechtsvorm;
import nl.rekenblad.kor.Regime;
import nl.rekenblad.sheet.KorTemplate;
import nl.rekenblad.sheet.KorWorkbookWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rekenblad kor}: the KOR jaaropstelling from a CSV or a filled template. */
@Command(name = "kor", mixinStandardHelpOptions = true,
        description = {
            "KOR jaaropstelling: telt de btw-aangiften van een jaar op en past de kleineondernemersregeling toe"
                + " (tot 2019 de vermindering, vanaf 2020 de vrijstelling met omzetgrens).",
            "INVOER is een CSV met kopregel periode,rubriek,omzet,btw (perioden 2017-Q1, 2017-01 of 2017;"
                + " met ; als scheidingsteken Nederlandse bedragen als € 1.234,56) of een werkboek gemaakt met"
                + " 'rekenblad template kor'."})
public final class KorCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INVOER", description = "CSV of .xlsx-werkboek (KOR-sjabloon)")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "UIT.xlsx",
            description = "het werkboek met de uitkomst (standaard: <invoernaam>.kor.xlsx in de huidige map)")
    Path output;

    @Option(names = "--json", paramLabel = "UIT.json|-", description = "schrijf de uitkomst ook als JSON (- = standaarduitvoer)")
    String json;

    @Option(names = "--rechtsvorm", paramLabel = "VORM",
            description = "eenmanszaak, vof, maatschap, cv, bv, nv, stichting of vereniging (standaard: uit het werkboek,"
                    + " anders eenmanszaak)")
    String rechtsvorm;

    @Option(names = "--omzet-vorig-jaar", paramLabel = "BEDRAG",
            description = "omzet van het vorige jaar voor de omzetgrens (vanaf 2025), bijv. 18500 of 18.500,00")
    String omzetVorigJaar;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String bron = input.getFileName().toString();
        if (!Files.isRegularFile(input)) {
            throw InvalidInputException.of(bron, "bestand niet gevonden of geen gewoon bestand: " + input);
        }
        Optional<Rechtsvorm> vorm = Optional.empty();
        if (rechtsvorm != null) {
            vorm = Optional.of(Rechtsvorm.of(rechtsvorm).orElseThrow(() -> InvalidInputException.of("--rechtsvorm",
                    "onbekende rechtsvorm \"" + rechtsvorm + "\"; verwacht een van: " + Rechtsvorm.words())));
        }
        Optional<Money> vorig = Optional.empty();
        if (omzetVorigJaar != null) {
            AmountNotation n = omzetVorigJaar.contains(",") ? AmountNotation.DUTCH : AmountNotation.PLAIN;
            try {
                BigDecimal v = n.parse(omzetVorigJaar);
                vorig = v == null ? Optional.empty() : Optional.of(Money.of(v));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("--omzet-vorig-jaar", e.getMessage());
            }
        }

        KorInput in;
        XSSFWorkbook wb;
        if (isWorkbook(input)) {
            KorWorkbookReader.Loaded loaded = new KorWorkbookReader().read(input, vorm, vorig);
            in = loaded.input();
            wb = loaded.workbook();
        } else {
            in = new KorCsvReader().read(input, vorm.orElse(Rechtsvorm.EENMANSZAAK), vorig);
            wb = null;
        }
        try {
            KorResult result = KorJaaropstelling.withBundledRules().calculate(in);
            if (wb == null) {
                wb = KorTemplate.filled(in);
            }
            new KorWorkbookWriter().write(wb, result);

            Path target = (output != null ? output : Path.of(baseName(input) + ".kor.xlsx")).toAbsolutePath().normalize();
            if (Files.exists(target) && Files.isSameFile(target, input)) {
                throw InvalidInputException.of(bron, "het uitvoerbestand is het invoerbestand; kies met -o een andere naam"
                        + " (rekenblad wijzigt de invoer nooit)");
            }
            AtomicFiles files = new AtomicFiles();
            XSSFWorkbook book = wb;
            files.add(target, book::write);
            String jsonText = Json.write(KorJson.toMap(result));
            boolean jsonToStdout = "-".equals(json);
            if (json != null && !jsonToStdout) {
                files.add(Path.of(json), o -> o.write(jsonText.getBytes(StandardCharsets.UTF_8)));
            }
            files.commit();

            PrintWriter summary = jsonToStdout ? err : out;
            for (Problem w : result.warnings()) {
                err.println("waarschuwing: " + w);
            }
            summary.print(summary(result, target));
            summary.flush();
            if (jsonToStdout) {
                out.print(jsonText);
            }
            out.flush();
            err.flush();
            return Main.OK;
        } finally {
            if (wb != null) {
                wb.close();
            }
        }
    }

    static boolean isWorkbook(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return false;
        }
        return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls") || Workbooks.looksLikeXlsx(file);
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String summary(KorResult r, Path target) {
        StringBuilder sb = new StringBuilder();
        sb.append("KOR jaaropstelling ").append(r.year()).append(" (")
                .append(r.regime() == Regime.OUD ? "oude regeling, vermindering" : "vrijstelling met omzetgrens")
                .append(") · ").append(r.input().bron()).append('\n');
        if (r.regime() == Regime.OUD) {
            line(sb, "saldo 5c over het jaar", r.saldo());
            line(sb, "grondslag S", r.grondslag());
            line(sb, "vermindering (5d)", r.vermindering());
            line(sb, "te betalen over het jaar", r.teBetalen());
            line(sb, "bij te tellen bij de winst", r.winstcorrectie());
        } else {
            line(sb, "omzet voor de omzetgrens", r.omzet());
            line(sb, "omzetgrens", r.omzetgrens());
            sb.append(String.format("  %-28s %s%n", "binnen de grens",
                    r.binnenGrens() ? "ja" : "nee, overschreden in " + r.overschredenIn().map(Object::toString).orElse("?")));
            line(sb, "voordeel KOR (5a − 5b)", r.afweging());
        }
        sb.append("werkboek: ").append(target).append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, Money m) {
        String euro = DutchText.euro(m.amount().setScale(2, java.math.RoundingMode.HALF_UP));
        sb.append(String.format("  %-28s %14s%n", label, euro));
    }
}
