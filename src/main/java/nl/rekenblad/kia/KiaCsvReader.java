package nl.rekenblad.kia;

import nl.rekenblad.api.Source;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import nl.rekenblad.internal.io.CsvTable;
import nl.rekenblad.internal.io.TextFiles;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an investment register from a CSV: one row per asset, columns found by name in any
 * order ({@code id,omschrijving,datum,bedrag,soort} required; {@code ingebruikname, betaald,
 * restwaarde, gebruiksduur, verkoopdatum, verkoopprijs, regeling} optional).
 */
final class KiaCsvReader {
    /** A register of {@link KiaBerekening#MAX_ACTIVA} assets with long descriptions fits. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    static final List<String> REQUIRED = List.of("id", "omschrijving", "datum", "bedrag", "soort");
    static final List<String> OPTIONAL = List.of(
            "ingebruikname", "betaald", "restwaarde", "gebruiksduur", "verkoopdatum", "verkoopprijs", "regeling");

    public KiaInput read(Path file, Optional<BigDecimal> aandeel) throws IOException, InvalidInputException {
        return read(Source.of(file), aandeel);
    }

    public KiaInput read(Source source, Optional<BigDecimal> aandeel) throws IOException, InvalidInputException {
        return parse(source.name(), TextFiles.read(source, MAX_BYTES), aandeel);
    }

    KiaInput parse(String bron, String text, Optional<BigDecimal> aandeel) throws InvalidInputException {
        if (text.isBlank()) {
            throw InvalidInputException.of(
                    bron,
                    "leeg bestand; verwacht een kopregel met ten minste " + String.join(",", REQUIRED)
                            + " en daaronder een regel per bedrijfsmiddel");
        }
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<KiaRow> rows = new ArrayList<>();
        CsvTable table = CsvTable.of(bron, text);
        CsvTable.Record first = table.next(problems);
        if (first != null) {
            CsvTable.Header header = table.header(first);
            List<String> known = new ArrayList<>(REQUIRED);
            known.addAll(OPTIONAL);
            for (String unused : header.unknown(known)) {
                warnings.add(Problem.warning(first.where(), "kolom \"" + unused + "\" wordt niet gebruikt"));
            }
            List<String> missing = header.missing(REQUIRED);
            if (!missing.isEmpty()) {
                problems.add(Problem.error(
                        first.where(),
                        "kolom " + String.join(", ", missing)
                                + " ontbreekt in de kopregel; verwacht ten minste " + String.join(",", REQUIRED)
                                + " en eventueel " + String.join(",", OPTIONAL)));
            } else {
                for (CsvTable.Record rec = table.next(problems); rec != null; rec = table.next(problems)) {
                    if (rec.isBlank()) {
                        continue;
                    }
                    if (rows.size() == KiaBerekening.MAX_ACTIVA) {
                        // Refused here, before the rest is read into memory.
                        throw KiaBerekening.tooMany(
                                bron, "meer dan " + DutchText.number(BigDecimal.valueOf(KiaBerekening.MAX_ACTIVA)));
                    }
                    Map<String, String> fields = new HashMap<>();
                    for (String name : known) {
                        if (header.has(name)) {
                            fields.put(name, rec.text(name));
                        }
                    }
                    rows.add(new KiaRow(rec.where(), fields));
                }
            }
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(Problem.error(bron, "geen bedrijfsmiddelen onder de kopregel"));
        }
        return KiaRow.toInput(bron, rows, table.notation()::parse, aandeel, problems, warnings);
    }
}
