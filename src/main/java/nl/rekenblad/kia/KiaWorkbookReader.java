package nl.rekenblad.kia;

import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Target;
import nl.rekenblad.internal.io.AmountNotation;
import nl.rekenblad.internal.io.CellReader;
import nl.rekenblad.internal.io.Workbooks;
import nl.rekenblad.internal.workbook.OutputWorkbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an investment register from a workbook made from {@code templates/kia-investeringsregister.xlsx},
 * found through the defined name {@code KIA_Register} and its header texts. Every bad cell is
 * reported with its {@code Sheet!Cell}.
 */
final class KiaWorkbookReader {
    private static final List<String> DATES = List.of("datum", "ingebruikname", "verkoopdatum");
    private static final List<String> AMOUNTS =
            List.of("bedrag", "betaald", "restwaarde", "gebruiksduur", "verkoopprijs");

    /** The register and the opened workbook, which becomes the output. */
    public record Loaded(KiaInput input, OutputWorkbook workbook) {}

    public Loaded read(Path file, Optional<BigDecimal> aandeel) throws IOException, InvalidInputException {
        return read(Source.of(file), aandeel);
    }

    public Loaded read(Source source, Optional<BigDecimal> aandeel) throws IOException, InvalidInputException {
        String bron = source.name();
        OutputWorkbook wb = Workbooks.open(source);
        try {
            return new Loaded(read(wb, bron, aandeel), wb);
        } catch (InvalidInputException | RuntimeException e) {
            wb.close();
            throw e;
        }
    }

    KiaInput read(OutputWorkbook wb, String bron, Optional<BigDecimal> aandeel) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        KiaTemplate.Located loc =
                KiaTemplate.locate(wb, problems, bron).orElseThrow(() -> new InvalidInputException(problems));
        CellReader cells = new CellReader(wb.poi(), bron, problems);
        List<KiaRow> rows = new ArrayList<>();
        List<Integer> assetRows = loc.assetRows(wb);
        for (int r : assetRows) {
            Map<String, String> fields = new HashMap<>();
            Map<String, String> where = new HashMap<>();
            for (String f : KiaKeys.FIELDS) {
                Target.Cell c = new Target.Cell(loc.sheet(), r, loc.columns().get(f));
                where.put(f, cells.where(c));
                if (DATES.contains(f)) {
                    LocalDate d = cells.date(c);
                    fields.put(f, d == null ? "" : d.toString());
                } else if (AMOUNTS.contains(f)) {
                    BigDecimal v = cells.amount(c);
                    fields.put(f, v == null ? "" : v.toPlainString());
                } else {
                    String text = cells.text(c);
                    fields.put(f, text);
                    exactWord(f, text, cells.where(c), problems);
                }
            }
            rows.add(new KiaRow(bron + " › " + loc.sheet() + " rij " + (r + 1), fields, where));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.error(bron, "het register bevat geen bedrijfsmiddelen"));
        }
        return KiaRow.toInput(bron, rows, AmountNotation.PLAIN::parse, aandeel, problems, new ArrayList<>());
    }

    /**
     * The formulas compare soort and regeling as text, so in a workbook they must be spelled as the
     * list offers them (any case, no extra spaces or variants).
     */
    private static void exactWord(String field, String text, String where, List<Problem> problems) {
        if (text.isEmpty()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (field.equals("soort")
                && Soort.of(text).isPresent()
                && Arrays.stream(Soort.values()).noneMatch(s -> s.word().equals(lower))) {
            problems.add(Problem.error(where, "schrijf de soort precies als in de keuzelijst: " + Soort.words()));
        }
        if (field.equals("regeling")
                && Arrays.stream(Regeling.values()).noneMatch(r -> r.word().equals(lower))
                && !lower.contains("+")
                && !lower.contains(",")) {
            problems.add(Problem.error(where, "schrijf de regeling precies als in de keuzelijst: " + Regeling.words()));
        }
    }
}
