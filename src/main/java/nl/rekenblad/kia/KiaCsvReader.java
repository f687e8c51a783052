package nl.rekenblad.kia;

import nl.rekenblad.api.Source;
import nl.rekenblad.internal.io.CsvDialect;
import nl.rekenblad.internal.io.AmountNotation;
import nl.rekenblad.internal.io.TextFiles;
import nl.rekenblad.internal.io.LineCounter;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an investment register from a CSV: one row per asset, columns found by name in any
 * order ({@code id,omschrijving,datum,bedrag,soort} required; {@code ingebruikname, betaald,
 * restwaarde, gebruiksduur, verkoopdatum, verkoopprijs, regeling} optional).
 */
public final class KiaCsvReader {
    /** A register of {@link KiaBerekening#MAX_ACTIVA} assets with long descriptions fits. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    static final List<String> REQUIRED = List.of("id", "omschrijving", "datum", "bedrag", "soort");
    static final List<String> OPTIONAL = List.of("ingebruikname", "betaald", "restwaarde", "gebruiksduur", "verkoopdatum",
            "verkoopprijs", "regeling");

    public KiaInput read(Path file, Optional<BigDecimal> aandeel) throws IOException, InvalidInputException {
        return read(Source.of(file), aandeel);
    }

    public KiaInput read(Source source, Optional<BigDecimal> aandeel) throws IOException, InvalidInputException {
        return parse(source.name(), TextFiles.read(source, MAX_BYTES), aandeel);
    }

    KiaInput parse(String bron, String text, Optional<BigDecimal> aandeel) throws InvalidInputException {
        if (text.isBlank()) {
            throw InvalidInputException.of(bron, "leeg bestand; verwacht een kopregel met ten minste "
                    + String.join(",", REQUIRED) + " en daaronder een regel per bedrijfsmiddel");
        }
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        CsvDialect dialect = CsvDialect.sniff(text);
        AmountNotation notation = dialect.notation();
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<KiaRow> rows = new ArrayList<>();
        CSVFormat format = dialect.format();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> cols = null;
            LineCounter lines = new LineCounter(text);
            for (CSVRecord rec : parser) {
                long line = lines.lineAt(rec.getCharacterPosition());
                if (cols == null) {
                    cols = new LinkedHashMap<>();
                    for (int i = 0; i < rec.size(); i++) {
                        String name = rec.get(i).trim().toLowerCase(Locale.ROOT);
                        if (!REQUIRED.contains(name) && !OPTIONAL.contains(name) && !name.isEmpty()) {
                            warnings.add(Problem.warning(bron + " › regel " + line, "kolom \"" + rec.get(i).trim()
                                    + "\" wordt niet gebruikt"));
                        }
                        cols.putIfAbsent(name, i);
                    }
                    Map<String, Integer> c = cols;
                    List<String> missing = REQUIRED.stream().filter(n -> !c.containsKey(n)).toList();
                    if (!missing.isEmpty()) {
                        problems.add(Problem.error(bron + " › regel " + line, "kolom " + String.join(", ", missing)
                                + " ontbreekt in de kopregel; verwacht ten minste " + String.join(",", REQUIRED)
                                + " en eventueel " + String.join(",", OPTIONAL)));
                        break;
                    }
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                boolean empty = true;
                for (Map.Entry<String, Integer> e : cols.entrySet()) {
                    String v = e.getValue() < rec.size() ? rec.get(e.getValue()).trim() : "";
                    fields.put(e.getKey(), v);
                    empty &= v.isEmpty();
                }
                if (!empty) {
                    if (rows.size() == KiaBerekening.MAX_ACTIVA) {
                        // Refused here, before the rest is read into memory.
                        throw KiaBerekening.tooMany(bron, "meer dan " + DutchText.number(BigDecimal.valueOf(KiaBerekening.MAX_ACTIVA)));
                    }
                    rows.add(new KiaRow(bron + " › regel " + line, fields));
                }
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            problems.add(Problem.error(bron, "geen leesbare CSV: " + CsvDialect.problem(e)));
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(Problem.error(bron, "geen bedrijfsmiddelen onder de kopregel"));
        }
        return KiaRow.toInput(bron, rows, notation::parse, aandeel, problems, warnings);
    }
}
