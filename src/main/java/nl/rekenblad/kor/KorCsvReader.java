package nl.rekenblad.kor;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Rechtsvorm;
import nl.rekenblad.internal.io.CsvTable;
import nl.rekenblad.internal.io.TextFiles;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a year of btw returns from a CSV with the header {@code periode,rubriek,omzet,btw}, one
 * row per period and rubriek. Collects every problem of the file before it gives up.
 */
final class KorCsvReader {
    /** A year of returns is a few hundred lines; anything this large is not one. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    static final List<String> COLUMNS = List.of("periode", "rubriek", "omzet", "btw");

    /**
     * Reads {@code file}.
     *
     * The CSV has no column for the legal form or the previous year's turnover: eenmanszaak and unknown, which
     * {@link KorRegulation#run} replaces with what the options give.
     *
     * @throws InvalidInputException with every problem found, each naming its line
     */
    public KorInput read(Path file) throws IOException, InvalidInputException {
        return read(Source.of(file));
    }

    /** Reads {@code source}; see {@link #read(Path)}. */
    public KorInput read(Source source) throws IOException, InvalidInputException {
        String text = TextFiles.read(source, MAX_BYTES);
        return parse(source.name(), text);
    }

    KorInput parse(String bron, String text) throws InvalidInputException {
        if (text.isBlank()) {
            throw InvalidInputException.of(
                    bron,
                    "leeg bestand; verwacht een kopregel " + String.join(",", COLUMNS)
                            + " en daaronder een regel per periode en rubriek");
        }
        List<Problem> problems = new ArrayList<>();
        Map<Period, Map<Rubriek, KorInput.Bedragen>> lines = new LinkedHashMap<>();
        Map<String, Long> seen = new HashMap<>();
        Integer year = null;
        Period.Kind kind = null;
        CsvTable table = CsvTable.of(bron, text);
        CsvTable.Record header = table.next(problems);
        if (header != null && header(table, header, problems)) {
            for (CsvTable.Record rec = table.next(problems); rec != null; rec = table.next(problems)) {
                if (rec.isBlank()) {
                    continue;
                }
                String where = rec.where();
                String pText = rec.text("periode");
                String rText = rec.text("rubriek");
                int before = problems.size();
                Period period = null;
                try {
                    period = Period.parse(pText);
                } catch (IllegalArgumentException e) {
                    problems.add(Problem.error(where, e.getMessage()));
                }
                if (period != null) {
                    if (year == null) {
                        year = period.year();
                        kind = period.kind();
                    } else if (period.year() != year) {
                        problems.add(Problem.error(
                                where,
                                "periode " + period.label() + " hoort bij een ander jaar dan " + year
                                        + "; een jaaropstelling gaat over één kalenderjaar"));
                    } else if (period.kind() != kind) {
                        problems.add(Problem.error(
                                where,
                                "periode " + period.label() + " heeft een andere lengte dan de" + " eerdere perioden ("
                                        + kindWord(kind) + "); gebruik één soort periode per bestand"));
                    }
                }
                Optional<Rubriek> rubriek = Rubriek.ofCode(rText);
                if (rubriek.isEmpty()) {
                    problems.add(Problem.error(
                            where, "onbekende rubriek \"" + rText + "\"; verwacht een van: " + Rubriek.codes()));
                }
                BigDecimal omzet = rec.amount("omzet", problems);
                BigDecimal btw = rec.amount("btw", problems);
                if (rubriek.isPresent()) {
                    Rubriek r = rubriek.get();
                    if (!r.hasBtw() && btw != null && btw.signum() != 0) {
                        problems.add(Problem.error(
                                where, "rubriek " + r.code() + " heeft geen btw; laat de kolom btw leeg"));
                    }
                    if (!r.hasOmzet() && omzet != null && omzet.signum() != 0) {
                        problems.add(Problem.error(
                                where,
                                "rubriek 5b heeft alleen een btw-bedrag (de voorbelasting);"
                                        + " zet het bedrag in de kolom btw"));
                    }
                }
                if (problems.size() > before || period == null || rubriek.isEmpty()) {
                    continue;
                }
                String id = period.label() + "/" + rubriek.get().code();
                Long earlier = seen.putIfAbsent(id, rec.line());
                if (earlier != null) {
                    problems.add(Problem.error(
                            where,
                            "periode " + period.label() + ", rubriek "
                                    + rubriek.get().code() + " staat er al op regel " + earlier
                                    + "; geef elke combinatie één keer"));
                    continue;
                }
                lines.computeIfAbsent(period, p -> new EnumMap<>(Rubriek.class))
                        .put(
                                rubriek.get(),
                                new KorInput.Bedragen(
                                        omzet == null ? null : Money.of(omzet), btw == null ? null : Money.of(btw)));
            }
            if (year == null && problems.isEmpty()) {
                problems.add(Problem.error(bron, "geen regels met bedragen onder de kopregel"));
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidInputException(problems);
        }
        List<Period> periods = allPeriods(year, kind);
        List<Problem> warnings = new ArrayList<>();
        for (Period p : periods) {
            if (!lines.containsKey(p)) {
                warnings.add(Problem.warning(
                        bron,
                        "geen regels voor " + p.label()
                                + ": die periode telt als nul (begon de onderneming later in het jaar?)"));
            }
        }
        return new KorInput(bron, year, periods, lines, Rechtsvorm.STANDAARD, Optional.empty(), warnings);
    }

    /** Every period of that length in the year, in order. */
    static List<Period> allPeriods(int year, Period.Kind kind) {
        List<Period> periods = new ArrayList<>();
        switch (kind) {
            case JAAR -> periods.add(Period.year(year));
            case KWARTAAL -> {
                for (int q = 1; q <= 4; q++) {
                    periods.add(Period.quarter(year, q));
                }
            }
            case MAAND -> {
                for (int m = 1; m <= 12; m++) {
                    periods.add(Period.month(year, m));
                }
            }
            default -> throw new IllegalStateException();
        }
        return periods;
    }

    static String kindWord(Period.Kind kind) {
        return switch (kind) {
            case JAAR -> "jaar";
            case KWARTAAL -> "kwartaal";
            case MAAND -> "maand";
        };
    }

    /** Whether the header names every column; else a problem (a header that looks like data says so). */
    private static boolean header(CsvTable table, CsvTable.Record rec, List<Problem> problems) {
        List<String> missing = table.header(rec).missing(COLUMNS);
        if (missing.isEmpty()) {
            return true;
        }
        boolean looksLikeData = rec.field(0).matches("\\d{4}.*");
        problems.add(Problem.error(
                rec.where(),
                looksLikeData
                        ? "de kopregel ontbreekt; zet bovenaan de regel " + String.join(",", COLUMNS)
                        : "kolom " + String.join(", ", missing) + " ontbreekt in de kopregel; verwacht "
                                + String.join(",", COLUMNS) + ", gevonden " + String.join(",", rec.fields())));
        return false;
    }
}
