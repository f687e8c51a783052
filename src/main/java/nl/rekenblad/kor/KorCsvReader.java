package nl.rekenblad.kor;

import nl.rekenblad.internal.io.CsvDialect;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.Rechtsvorm;
import nl.rekenblad.internal.io.LineCounter;
import nl.rekenblad.internal.io.AmountNotation;
import nl.rekenblad.internal.io.TextFiles;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.aangifte.Rubriek;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a year of btw returns from a CSV with the header {@code periode,rubriek,omzet,btw}, one
 * row per period and rubriek. Collects every problem of the file before it gives up.
 */
public final class KorCsvReader {
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
            throw InvalidInputException.of(bron, "leeg bestand; verwacht een kopregel " + String.join(",", COLUMNS)
                    + " en daaronder een regel per periode en rubriek");
        }
        CsvDialect dialect = CsvDialect.sniff(text);
        AmountNotation notation = dialect.notation();
        List<Problem> problems = new ArrayList<>();
        CSVFormat format = dialect.format();

        Map<Period, Map<Rubriek, KorInput.Bedragen>> lines = new LinkedHashMap<>();
        Map<String, Long> seen = new HashMap<>();
        Integer year = null;
        Period.Kind kind = null;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> cols = null;
            LineCounter lines0 = new LineCounter(text);
            for (CSVRecord rec : parser) {
                long line = lines0.lineAt(rec.getCharacterPosition());
                if (cols == null) {
                    cols = header(bron, rec, line, problems);
                    if (cols == null) {
                        break;
                    }
                    continue;
                }
                String where = bron + " › regel " + line;
                String pText = field(rec, cols, "periode");
                String rText = field(rec, cols, "rubriek");
                if (pText.isEmpty() && rText.isEmpty() && field(rec, cols, "omzet").isEmpty()
                        && field(rec, cols, "btw").isEmpty()) {
                    continue;
                }
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
                        problems.add(Problem.error(where, "periode " + period.label() + " hoort bij een ander jaar dan "
                                + year + "; een jaaropstelling gaat over één kalenderjaar"));
                    } else if (period.kind() != kind) {
                        problems.add(Problem.error(where, "periode " + period.label() + " heeft een andere lengte dan de"
                                + " eerdere perioden (" + kindWord(kind) + "); gebruik één soort periode per bestand"));
                    }
                }
                Optional<Rubriek> rubriek = Rubriek.ofCode(rText);
                if (rubriek.isEmpty()) {
                    problems.add(Problem.error(where, "onbekende rubriek \"" + rText + "\"; verwacht een van: " + Rubriek.codes()));
                }
                BigDecimal omzet = amount(notation, field(rec, cols, "omzet"), where, "omzet", problems);
                BigDecimal btw = amount(notation, field(rec, cols, "btw"), where, "btw", problems);
                if (rubriek.isPresent()) {
                    Rubriek r = rubriek.get();
                    if (!r.hasBtw() && btw != null && btw.signum() != 0) {
                        problems.add(Problem.error(where, "rubriek " + r.code() + " heeft geen btw; laat de kolom btw leeg"));
                    }
                    if (!r.hasOmzet() && omzet != null && omzet.signum() != 0) {
                        problems.add(Problem.error(where, "rubriek 5b heeft alleen een btw-bedrag (de voorbelasting);"
                                + " zet het bedrag in de kolom btw"));
                    }
                }
                if (problems.size() > before || period == null || rubriek.isEmpty()) {
                    continue;
                }
                String id = period.label() + "/" + rubriek.get().code();
                Long earlier = seen.putIfAbsent(id, line);
                if (earlier != null) {
                    problems.add(Problem.error(where, "periode " + period.label() + ", rubriek " + rubriek.get().code()
                            + " staat er al op regel " + earlier + "; geef elke combinatie één keer"));
                    continue;
                }
                lines.computeIfAbsent(period, p -> new EnumMap<>(Rubriek.class)).put(rubriek.get(),
                        new KorInput.Bedragen(omzet == null ? null : Money.of(omzet), btw == null ? null : Money.of(btw)));
            }
            if (cols != null && year == null && problems.isEmpty()) {
                problems.add(Problem.error(bron, "geen regels met bedragen onder de kopregel"));
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            problems.add(Problem.error(bron, "geen leesbare CSV: " + CsvDialect.problem(e)));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidInputException(problems);
        }
        List<Period> periods = allPeriods(year, kind);
        List<Problem> warnings = new ArrayList<>();
        for (Period p : periods) {
            if (!lines.containsKey(p)) {
                warnings.add(Problem.warning(bron, "geen regels voor " + p.label()
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

    private static Map<String, Integer> header(String bron, CSVRecord rec, long line, List<Problem> problems) {
        Map<String, Integer> cols = new LinkedHashMap<>();
        for (int i = 0; i < rec.size(); i++) {
            cols.putIfAbsent(rec.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !cols.containsKey(c)).toList();
        if (missing.isEmpty()) {
            return cols;
        }
        String where = bron + " › regel " + line;
        boolean looksLikeData = rec.size() > 0 && rec.get(0).trim().matches("\\d{4}.*");
        problems.add(Problem.error(where, looksLikeData
                ? "de kopregel ontbreekt; zet bovenaan de regel " + String.join(",", COLUMNS)
                : "kolom " + String.join(", ", missing) + " ontbreekt in de kopregel; verwacht "
                        + String.join(",", COLUMNS) + ", gevonden " + String.join(",", rec.toList())));
        return null;
    }

    private static String field(CSVRecord rec, Map<String, Integer> cols, String name) {
        int i = cols.get(name);
        return i < rec.size() ? rec.get(i).trim() : "";
    }

    private static BigDecimal amount(AmountNotation n, String text, String where, String column, List<Problem> problems) {
        try {
            return n.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(where, "kolom " + column + ": " + e.getMessage()));
            return null;
        }
    }
}
