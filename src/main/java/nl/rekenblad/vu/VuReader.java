package nl.rekenblad.vu;

import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Target;
import nl.rekenblad.internal.io.CellReader;
import nl.rekenblad.internal.io.CsvTable;
import nl.rekenblad.internal.io.TextFiles;
import nl.rekenblad.internal.io.Workbooks;
import nl.rekenblad.internal.workbook.NamedTable;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.rules.RuleBook;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the costs and cars of the verworpen uitgaven: two CSVs (the costs, optionally starting with lines
 * {@code boekjaar,2025}, {@code aanslagjaar,2026} or {@code wagens,wagens.csv}; the cars), or the template workbook
 * with both tables. One row parser for both, so a CSV and a workbook say the same things in the same words.
 */
final class VuReader {
    static final int MAX_ROWS = 10_000;
    private static final Pattern SETTING = Pattern.compile(
            "(?i)^\\s*\"?(boekjaar|aanslagjaar|wagens)\"?\\s*[,;\\t]\\s*\"?([^\",;\\t]*)\"?\\s*[,;\\t]*\\s*$");
    private static final List<String> KOST_VEREIST = List.of("omschrijving", "bedrag", "soort");
    private static final List<String> WAGEN_VEREIST = List.of("wagen", "aankoopdatum", "brandstof");

    /** What a run was given beside the files: {@code --boekjaar}, {@code --aanslagjaar}, {@code --wagens}. */
    record Gegeven(Optional<Integer> boekjaar, Optional<Integer> aanslagjaar, Optional<Source> wagens) {}

    /** The input and, for a template, its workbook (the output is written into it). */
    record Loaded(VuInput input, Optional<OutputWorkbook> workbook) {}

    /** One row's values by field, as text, with where each came from. */
    private interface Row {
        String text(String field);

        BigDecimal amount(String field);

        LocalDate date(String field);

        String where(String field);

        String where();
    }

    Loaded read(Source kosten, Gegeven gegeven) throws IOException, InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        if (Workbooks.isWorkbook(kosten)) {
            OutputWorkbook wb = Workbooks.open(kosten);
            try {
                return new Loaded(fromWorkbook(wb, kosten.name(), gegeven, problems), Optional.of(wb));
            } catch (InvalidInputException | RuntimeException e) {
                wb.close();
                throw e;
            }
        }
        String text = TextFiles.read(kosten, 5L * 1024 * 1024);
        Map<String, String> settings = new HashMap<>();
        List<String> lines = new ArrayList<>(text.lines().toList());
        int skipped = 0;
        while (!lines.isEmpty()) {
            Matcher m = SETTING.matcher(lines.get(0));
            if (lines.get(0).isBlank()) {
                lines.remove(0);
                skipped++;
            } else if (m.matches()) {
                settings.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
                lines.remove(0);
                skipped++;
            } else {
                break;
            }
        }
        int aj = aanslagjaar(gegeven, settings, kosten.name(), Optional.empty());
        List<VuInput.Kost> k = new ArrayList<>();
        String body = String.join("\n", lines);
        for (Row r : csvRows(body, skipped, kosten.name(), KOST_VEREIST, VuTemplate.KOST_VELDEN, problems)) {
            kost(r, problems).ifPresent(k::add);
        }
        List<VuInput.Wagen> w = new ArrayList<>();
        if (gegeven.wagens().isEmpty()
                && settings.containsKey("wagens")
                && kosten.baseDir().isEmpty()) {
            // Bytes without a folder (a mail attachment): naming another file would read from wherever rekenblad runs.
            throw InvalidInputException.of(
                    kosten.name(),
                    "dit kostenbestand noemt een wagensbestand (regel wagens), maar het"
                            + " staat niet in een map (bijvoorbeeld een bijlage); geef de wagens mee met --wagens");
        }
        Optional<Source> wagens = gegeven.wagens()
                .or(() -> Optional.ofNullable(settings.get("wagens"))
                        .filter(s -> !s.isEmpty())
                        .map(s -> Source.of(kosten.baseDir().get().resolve(s))));
        if (wagens.isPresent()) {
            Source ws = wagens.get();
            if (ws.path().isPresent() && !Files.isRegularFile(ws.path().get())) {
                throw InvalidInputException.of(
                        kosten.name(),
                        "het bestand met wagens bestaat niet: " + ws.path().get());
            }
            for (Row r : csvRows(
                    TextFiles.read(ws, 5L * 1024 * 1024),
                    0,
                    ws.name(),
                    WAGEN_VEREIST,
                    VuTemplate.WAGEN_VELDEN,
                    problems)) {
                wagen(r, problems).ifPresent(w::add);
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidInputException(
                    problems.stream().filter(Problem::isError).limit(100).toList());
        }
        return new Loaded(new VuInput(kosten.name(), aj, k, w, problems), Optional.empty());
    }

    private VuInput fromWorkbook(OutputWorkbook wb, String bron, Gegeven gegeven, List<Problem> problems)
            throws InvalidInputException {
        Optional<NamedTable> kt =
                VuTemplate.locate(wb, VuTemplate.N_KOSTEN, VuTemplate.KOST_VELDEN, KOST_VEREIST, problems, bron, true);
        Optional<NamedTable> wt = VuTemplate.locate(
                wb, VuTemplate.N_WAGENS, VuTemplate.WAGEN_VELDEN, WAGEN_VEREIST, problems, bron, false);
        if (kt.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CellReader reader = new CellReader(wb.poi(), bron, problems);
        Optional<Integer> fromCell = Optional.empty();
        var ajName = wb.poi().getName(VuTemplate.N_AANSLAGJAAR);
        if (ajName != null) {
            try {
                var ref = new org.apache.poi.ss.util.CellReference(ajName.getRefersToFormula());
                BigDecimal v = reader.amount(new Target.Cell(ref.getSheetName(), ref.getRow(), ref.getCol()));
                if (v != null) {
                    fromCell = Optional.of(v.intValue());
                }
            } catch (RuntimeException e) {
                problems.add(Problem.error(
                        bron, "de gedefinieerde naam " + VuTemplate.N_AANSLAGJAAR + " wijst niet naar een cel"));
            }
        }
        int aj = aanslagjaar(gegeven, Map.of(), bron, fromCell);
        List<VuInput.Kost> k = new ArrayList<>();
        for (int row : kt.get().filledRows(wb)) {
            kost(cellRow(kt.get(), row, reader), problems).ifPresent(k::add);
        }
        List<VuInput.Wagen> w = new ArrayList<>();
        if (wt.isPresent()) {
            for (int row : wt.get().filledRows(wb)) {
                wagen(cellRow(wt.get(), row, reader), problems).ifPresent(w::add);
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidInputException(
                    problems.stream().filter(Problem::isError).limit(100).toList());
        }
        return new VuInput(bron, aj, k, w, problems);
    }

    private static Row cellRow(NamedTable t, int row, CellReader reader) {
        return new Row() {
            @Override
            public String text(String field) {
                Target.Cell c = t.cell(row, field);
                return c == null ? "" : reader.text(c).strip();
            }

            @Override
            public BigDecimal amount(String field) {
                Target.Cell c = t.cell(row, field);
                return c == null ? null : reader.amount(c);
            }

            @Override
            public LocalDate date(String field) {
                Target.Cell c = t.cell(row, field);
                return c == null ? null : reader.date(c);
            }

            @Override
            public String where(String field) {
                Target.Cell c = t.cell(row, field);
                return c == null ? where() : reader.where(c);
            }

            @Override
            public String where() {
                return reader.where(new Target.Cell(t.sheet(), row, 0));
            }
        };
    }

    /** The aanslagjaar: given, or in the file, or the boekjaar + 1; it must be one the rules know. */
    private static int aanslagjaar(Gegeven g, Map<String, String> settings, String bron, Optional<Integer> fromCell)
            throws InvalidInputException {
        Integer aj = g.aanslagjaar().orElse(null);
        String how = "--aanslagjaar";
        if (aj == null && g.boekjaar().isPresent()) {
            aj = g.boekjaar().get() + 1;
            how = "--boekjaar " + g.boekjaar().get() + " + 1";
        }
        if (aj == null && settings.containsKey("aanslagjaar")) {
            aj = year(settings.get("aanslagjaar"), bron, "aanslagjaar");
            how = "de regel aanslagjaar";
        }
        if (aj == null && settings.containsKey("boekjaar")) {
            aj = year(settings.get("boekjaar"), bron, "boekjaar") + 1;
            how = "boekjaar " + settings.get("boekjaar") + " + 1";
        }
        if (aj == null && fromCell.isPresent()) {
            aj = fromCell.get();
            how = "de cel " + VuTemplate.N_AANSLAGJAAR;
        }
        if (aj == null) {
            throw InvalidInputException.of(
                    bron,
                    "het aanslagjaar ontbreekt: geef --aanslagjaar of --boekjaar, of zet bovenaan"
                            + " de kosten een regel boekjaar,2025 (het aanslagjaar is het boekjaar + 1)");
        }
        RuleBook rules = RuleBook.load("vu");
        if (!rules.covers("VU_Restaurant", aj)) {
            throw InvalidInputException.of(
                    bron,
                    "aanslagjaar " + aj + " (" + how + ") kent rekenblad niet; de regels gaan over"
                            + " de aanslagjaren " + rules.knownYears("VU_Restaurant"));
        }
        return aj;
    }

    private static int year(String v, String bron, String what) throws InvalidInputException {
        if (!v.matches("\\d{4}")) {
            throw InvalidInputException.of(bron, what + " \"" + v + "\" is geen jaartal");
        }
        return Integer.parseInt(v);
    }

    private static List<Row> csvRows(
            String text,
            int lineOffset,
            String bron,
            List<String> required,
            List<String> fields,
            List<Problem> problems)
            throws InvalidInputException {
        if (text.isBlank()) {
            throw InvalidInputException.of(
                    bron, "leeg bestand; verwacht een kopregel met " + String.join(", ", required));
        }
        List<Row> rows = new ArrayList<>();
        List<Problem> unreadable = new ArrayList<>();
        CsvTable table = CsvTable.of(bron, text, lineOffset + 1L);
        CsvTable.Record first = table.next(unreadable);
        if (first != null) {
            List<String> missing = table.header(first).missing(required);
            if (!missing.isEmpty()) {
                throw InvalidInputException.of(
                        first.where(),
                        "kolom " + String.join(", ", missing) + " ontbreekt; verwacht de kolommen "
                                + String.join(", ", fields));
            }
        }
        for (CsvTable.Record rec = first == null ? null : table.next(unreadable);
                rec != null;
                rec = table.next(unreadable)) {
            if (rec.isBlank()) {
                continue;
            }
            if (rows.size() >= MAX_ROWS) {
                throw InvalidInputException.of(bron, "meer dan " + MAX_ROWS + " regels");
            }
            rows.add(csvRow(rec, problems));
        }
        if (!unreadable.isEmpty()) {
            throw new InvalidInputException(unreadable);
        }
        return rows;
    }

    private static Row csvRow(CsvTable.Record rec, List<Problem> problems) {
        return new Row() {
            @Override
            public String text(String field) {
                return rec.text(field);
            }

            @Override
            public BigDecimal amount(String field) {
                return rec.amount(field, problems);
            }

            @Override
            public LocalDate date(String field) {
                return rec.date(field, problems);
            }

            @Override
            public String where(String field) {
                return rec.where();
            }

            @Override
            public String where() {
                return rec.where();
            }
        };
    }

    private static Optional<VuInput.Kost> kost(Row r, List<Problem> problems) {
        int before = problems.size();
        String soortText = r.text("soort");
        Optional<Soort> soort = Soort.of(soortText);
        if (soort.isEmpty()) {
            problems.add(Problem.error(
                    r.where("soort"),
                    Soort.vervallen(soortText)
                            .orElse("onbekende soort \"" + soortText + "\"; verwacht een van: " + Soort.words())));
        }
        BigDecimal bedrag = r.amount("bedrag");
        if (bedrag == null && problems.size() == before) {
            problems.add(Problem.error(r.where("bedrag"), "het bedrag ontbreekt"));
        }
        if (bedrag != null && bedrag.signum() < 0 && soort.isPresent() && soort.get() != Soort.VENNOOTSCHAPSBELASTING) {
            problems.add(Problem.error(
                    r.where("bedrag"),
                    "een negatief bedrag (" + bedrag.toPlainString() + ") bij soort "
                            + soort.get().word()
                            + ": hier horen kosten; alleen een terugbetaling van vennootschapsbelasting mag"
                            + " negatief zijn"));
        }
        BigDecimal aantal = r.amount("aantal");
        if (aantal != null && aantal.signum() < 0) {
            problems.add(Problem.error(r.where("aantal"), "een aantal kan niet negatief zijn"));
        }
        BigDecimal pct = percentage(r, problems);
        BigDecimal waarde = r.amount("waarde");
        if (waarde != null && waarde.signum() < 0) {
            problems.add(Problem.error(r.where("waarde"), "de waarde van een cheque kan niet negatief zijn"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new VuInput.Kost(
                r.text("rekening"), r.text("omschrijving"), bedrag, soort.get(), aantal, pct, waarde, r.where()));
    }

    /** "10", "10%" or "0,10": a fraction (0.10). */
    private static BigDecimal percentage(Row r, List<Problem> problems) {
        String t = r.text("percentage");
        if (t.isEmpty()) {
            return null;
        }
        boolean pct = t.endsWith("%");
        BigDecimal v;
        try {
            v = new BigDecimal(t.replace("%", "").strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            BigDecimal a = r.amount("percentage");
            if (a == null) {
                problems.add(Problem.error(r.where("percentage"), "kolom percentage: geen getal \"" + t + "\""));
                return null;
            }
            v = a;
        }
        if (pct || v.compareTo(BigDecimal.ONE) > 0) {
            v = v.divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) >= 0) {
            problems.add(
                    Problem.error(r.where("percentage"), "kolom percentage: " + t + " ligt niet tussen 0 en 100%"));
            return null;
        }
        return v;
    }

    private static Optional<VuInput.Wagen> wagen(Row r, List<Problem> problems) {
        int before = problems.size();
        String naam = r.text("wagen");
        String bt = r.text("brandstof");
        Optional<VuInput.Brandstof> b = VuInput.Brandstof.of(bt);
        if (b.isEmpty()) {
            problems.add(Problem.error(
                    r.where("brandstof"),
                    "onbekende brandstof \"" + bt + "\"; verwacht een van: " + VuInput.Brandstof.words()));
        }
        LocalDate d = r.date("aankoopdatum");
        if (d == null && problems.size() == before) {
            problems.add(Problem.error(
                    r.where("aankoopdatum"),
                    "de aankoopdatum van wagen " + naam + " ontbreekt (het regime" + " hangt ervan af)"));
        }
        BigDecimal co2 = r.amount("co2");
        boolean needsCo2 = b.isPresent() && !b.get().emissievrij() && b.get() != VuInput.Brandstof.LAADPAAL;
        if (needsCo2 && co2 == null && problems.size() == before) {
            problems.add(Problem.error(
                    r.where("co2"),
                    "de CO2-uitstoot van wagen " + naam + " ontbreekt (g/km, nodig voor de" + " gramformule)"));
        }
        if (co2 != null && co2.signum() < 0) {
            problems.add(Problem.error(r.where("co2"), "een negatieve CO2-uitstoot"));
        }
        List<BigDecimal> amounts = new ArrayList<>();
        for (String f : List.of(
                "pk",
                "brandstofkosten",
                "anderekosten",
                "financieringskosten",
                "minderwaarde",
                "vaa",
                "co2Overeenstemmend")) {
            BigDecimal a = r.amount(f);
            if (a != null && a.signum() < 0) {
                problems.add(Problem.error(
                        r.where(f),
                        "kolom " + f + ": een negatief bedrag (" + a.toPlainString() + "); hier" + " horen kosten"));
            }
            amounts.add(a);
        }
        Boolean tussenkomst = yesNo(r, "tussenkomstBrandstof", problems);
        Boolean vals = yesNo(r, "valseHybride", problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new VuInput.Wagen(
                naam,
                d,
                b.get(),
                co2 == null ? BigDecimal.ZERO : co2,
                amounts.get(0),
                zero(amounts.get(1)),
                zero(amounts.get(2)),
                zero(amounts.get(3)),
                zero(amounts.get(4)),
                zero(amounts.get(5)),
                tussenkomst,
                vals,
                amounts.get(6),
                r.where()));
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static Boolean yesNo(Row r, String field, List<Problem> problems) {
        String t = r.text(field).toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "nee", "no", "n", "false" -> false;
            case "ja", "yes", "j", "true" -> true;
            default -> {
                problems.add(Problem.error(
                        r.where(field), "kolom " + field + ": verwacht ja of nee, gevonden \"" + t + "\""));
                yield false;
            }
        };
    }
}
