package nl.rekenblad.winst;

import nl.rekenblad.api.Source;
import nl.rekenblad.auditfile.Auditfile;
import nl.rekenblad.auditfile.AuditfileReader;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Target;
import nl.rekenblad.internal.io.AmountNotation;
import nl.rekenblad.internal.io.CellReader;
import nl.rekenblad.internal.io.CsvTable;
import nl.rekenblad.internal.io.Outputs;
import nl.rekenblad.internal.io.TextFiles;
import nl.rekenblad.internal.io.Workbooks;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.spi.Contribution;
import nl.rekenblad.spi.RegulationProvider;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.NumberToTextConverter;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the winstberekening inputs from a {@code veld,waarde} CSV or the winst template, and takes
 * over the figures of KOR and KIA outputs named by path (JSON or workbook, relative to the input).
 */
public final class WinstReader {
    /** The regulations by name, whose outputs a winst input may name ({@code kor=…}, {@code kia=…}). */
    private final Function<String, RegulationProvider> registry;

    /** @param registry the regulations by name ({@code Rekenblad::regulation}) */
    public WinstReader(Function<String, RegulationProvider> registry) {
        this.registry = registry;
    }

    static final List<String> TEXT_FIELDS = WinstInput.TEKSTVELDEN;
    static final List<String> YES_NO = List.of("ja", "nee", "yes", "no", "true", "false", "j", "n");

    /** The input and, for a workbook, the opened workbook (the output starts from it). */
    public record Loaded(WinstInput input, Optional<OutputWorkbook> workbook) {}

    public Loaded read(Path file) throws IOException, InvalidInputException {
        return read(Source.of(file));
    }

    /** Reads {@code source}; paths of KOR and KIA outputs in it are relative to {@link Source#baseDir()}. */
    public Loaded read(Source file) throws IOException, InvalidInputException {
        String bron = file.name();
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> raw = new LinkedHashMap<>();
        Map<String, String> where = new HashMap<>();
        OutputWorkbook wb = null;
        if (Workbooks.isWorkbook(file)) {
            wb = Workbooks.open(file);
            Map<String, Target.Cell> cells =
                    WinstTemplate.locate(wb, problems, bron).orElse(Map.of());
            CellReader reader = new CellReader(wb.poi(), bron, problems);
            for (Map.Entry<String, Target.Cell> e : cells.entrySet()) {
                where.put(e.getKey(), reader.where(e.getValue()));
                if (TEXT_FIELDS.contains(e.getKey())) {
                    Cell c = reader.cell(e.getValue());
                    if (c != null
                            && c.getCellType() == CellType.NUMERIC
                            && WinstInput.DATUMS.contains(e.getKey())
                            && Double.isFinite(c.getNumericCellValue())
                            && org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(c.getNumericCellValue())) {
                        raw.put(
                                e.getKey(),
                                org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(c.getNumericCellValue())
                                        .toLocalDate()
                                        .toString());
                    } else if (c != null && c.getCellType() == CellType.NUMERIC) {
                        raw.put(e.getKey(), new BigDecimal(NumberToTextConverter.toText(c.getNumericCellValue())));
                    } else {
                        String t = reader.text(e.getValue());
                        raw.put(e.getKey(), t.isEmpty() ? null : t);
                    }
                } else {
                    raw.put(e.getKey(), reader.amount(e.getValue()));
                }
            }
        } else {
            readCsv(bron, TextFiles.read(file, 1024 * 1024), raw, where, problems);
        }
        try {
            WinstInput in = validate(file, bron, raw, where, problems);
            return new Loaded(in, Optional.ofNullable(wb));
        } catch (InvalidInputException | RuntimeException | IOException e) {
            if (wb != null) {
                wb.close();
            }
            throw e;
        }
    }

    private static void readCsv(
            String bron, String text, Map<String, Object> raw, Map<String, String> where, List<Problem> problems)
            throws InvalidInputException {
        if (text.isBlank()) {
            throw InvalidInputException.of(
                    bron, "leeg bestand; verwacht een kopregel veld,waarde en een regel per invoer");
        }
        CsvTable table = CsvTable.of(bron, text);
        AmountNotation notation = table.notation();
        CsvTable.Record head = table.next(problems);
        if (head != null
                && (head.size() < 2
                        || !head.field(0).equalsIgnoreCase("veld")
                        || !head.field(1).equalsIgnoreCase("waarde"))) {
            throw InvalidInputException.of(head.where(), "verwacht de kopregel veld,waarde");
        }
        for (CsvTable.Record rec = head == null ? null : table.next(problems);
                rec != null;
                rec = table.next(problems)) {
            String w = rec.where();
            String k = rec.field(0);
            String v = rec.field(1);
            String field = WinstInput.VELDEN.stream()
                    .filter(f -> f.equalsIgnoreCase(k))
                    .findFirst()
                    .orElse(null);
            if (field == null) {
                problems.add(Problem.error(
                        w, "onbekend veld \"" + k + "\"; verwacht een van: " + String.join(", ", WinstInput.VELDEN)));
                continue;
            }
            if (where.containsKey(field)) {
                problems.add(Problem.error(w, "veld " + field + " staat er al (" + where.get(field) + ")"));
                continue;
            }
            where.put(field, w);
            if (TEXT_FIELDS.contains(field)) {
                // kor and kia may be amounts too: keep them as numbers when they read as one.
                Object val = v.isEmpty() ? null : v;
                if ((field.equals("winst") || field.equals("kor") || field.equals("kia")) && !v.isEmpty()) {
                    try {
                        val = notation.parse(v);
                    } catch (IllegalArgumentException notAnAmount) {
                        val = v;
                    }
                }
                raw.put(field, val);
            } else {
                try {
                    raw.put(field, notation.parse(v));
                } catch (IllegalArgumentException e) {
                    problems.add(Problem.error(w, "veld " + field + ": " + e.getMessage()));
                }
            }
        }
    }

    private WinstInput validate(
            Source file, String bron, Map<String, Object> raw, Map<String, String> where, List<Problem> problems)
            throws InvalidInputException, IOException {
        Integer jaar = null;
        Object j = raw.get("jaar");
        if (j instanceof BigDecimal d
                && d.stripTrailingZeros().scale() <= 0
                && d.intValue() > 1900
                && d.intValue() < 2200) {
            jaar = d.intValue();
        } else if (problems.stream().noneMatch(p -> p.where().equals(where.get("jaar")))) {
            problems.add(Problem.error(
                    where.getOrDefault("jaar", bron),
                    j == null ? "het jaar ontbreekt (veld jaar)" : "veld jaar: verwacht een jaartal, gevonden " + j));
        }
        if (raw.get("winst") == null
                && problems.stream().noneMatch(p -> p.where().equals(where.get("winst")))) {
            problems.add(Problem.error(where.getOrDefault("winst", bron), "de winst ontbreekt (veld winst)"));
        }
        for (String f : WinstInput.JA_NEE) {
            Object v = raw.get(f);
            if (v != null && !YES_NO.contains(String.valueOf(v).trim().toLowerCase(Locale.ROOT))) {
                problems.add(Problem.error(where.get(f), "veld " + f + ": verwacht ja of nee, gevonden \"" + v + "\""));
            }
        }
        for (String f : WinstInput.DATUMS) {
            Object v = raw.get(f);
            if (v != null) {
                try {
                    raw.put(
                            f,
                            nl.rekenblad.internal.io.DateNotation.parse(String.valueOf(v))
                                    .toString());
                } catch (IllegalArgumentException | java.time.DateTimeException e) {
                    problems.add(Problem.error(
                            where.get(f),
                            "veld " + f + ": geen datum \"" + v + "\" (verwacht bijvoorbeeld"
                                    + " 2022-03-15 of 15-3-2022)"));
                }
            }
        }
        Object emissie = raw.get("autoEmissievrij");
        if (emissie != null
                && PrivegebruikAuto.Soort.of(String.valueOf(emissie)).isEmpty()) {
            problems.add(Problem.error(
                    where.get("autoEmissievrij"),
                    "veld autoEmissievrij: verwacht ja, nee, waterstof of" + " zonnecel, gevonden \"" + emissie
                            + "\""));
        }
        if (raw.get("autoPercentageOud") instanceof BigDecimal po
                && (po.signum() < 0 || po.compareTo(new BigDecimal("25")) > 0)) {
            problems.add(Problem.error(
                    where.get("autoPercentageOud"),
                    "veld autoPercentageOud: een percentage van 0 tot en met"
                            + " 25 (het bijtellingspercentage van vóór 2017, bijvoorbeeld 25 of 14), gevonden "
                            + po.toPlainString()));
        }
        for (String f : WinstInput.AANTALLEN) {
            if (raw.get(f) instanceof BigDecimal d && d.signum() < 0) {
                problems.add(Problem.error(
                        where.get(f), "veld " + f + ": een aantal kan niet negatief zijn (" + d.toPlainString() + ")"));
            }
        }
        if (raw.get("autoCataloguswaarde") instanceof BigDecimal cw && cw.signum() > 0) {
            for (String f : List.of("autoToelating", "autoKosten", "autoPriveKm")) {
                if (raw.get(f) == null
                        && problems.stream().noneMatch(p -> p.where().equals(where.get(f)))) {
                    problems.add(Problem.error(
                            where.getOrDefault(f, bron),
                            "een auto (autoCataloguswaarde) vraagt ook " + f
                                    + ": "
                                    + switch (f) {
                                        case "autoToelating" ->
                                            "de datum van eerste toelating (het percentage hangt ervan af)";
                                        case "autoKosten" ->
                                            "de autokosten van het jaar (de bijtelling is nooit meer dan die kosten)";
                                        default -> "het aantal privékilometers (tot en met 500 geen bijtelling)";
                                    }));
                }
            }
        }
        Object keuze = raw.get("gemengdeKostenKeuze");
        String k = keuze == null ? "" : String.valueOf(keuze).trim().toLowerCase(Locale.ROOT);
        if (!k.isEmpty() && !k.equals("drempel") && !k.equals("80%")) {
            problems.add(Problem.error(
                    where.get("gemengdeKostenKeuze"),
                    "veld gemengdeKostenKeuze: verwacht drempel of 80%," + " gevonden \"" + keuze + "\""));
        }
        if (k.isEmpty() && raw.get("gemengdeKosten") instanceof BigDecimal g && g.signum() != 0) {
            problems.add(Problem.error(
                    where.get("gemengdeKosten"),
                    "gemengde kosten zonder keuze: vul gemengdeKostenKeuze in" + " (drempel of 80%)"));
        }
        Map<String, WinstInput.Overgenomen> over = new LinkedHashMap<>();
        List<Problem> warnings = new ArrayList<>();
        if (jaar != null) {
            if (raw.get("winst") instanceof String path) {
                auditfile(file, path, jaar, where.get("winst"), over, problems);
            }
            if (raw.get("kor") instanceof String path) {
                chained("kor", file, path, jaar, where.get("kor"), over, problems, warnings);
            }
            if (raw.get("kia") instanceof String path) {
                for (String f : List.of("eia", "mia", "bijtelling")) {
                    if (raw.get(f) instanceof BigDecimal) {
                        problems.add(Problem.error(
                                where.get(f), "veld " + f + " komt al uit de KIA-uitvoer " + path + "; laat het leeg"));
                    }
                }
                chained("kia", file, path, jaar, where.get("kia"), over, problems, warnings);
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidInputException(problems);
        }
        // Warnings found while reading (an auditfile read with a warning, accounts classified by their number) go
        // where the chained ones go: the command line, batch's status and the sheet.
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(warnings);
        return new WinstInput(bron, jaar, raw, over, all);
    }

    /**
     * The commercial profit from an auditfile: the result of its winst-en-verliesrekeningen ({@code accTp} P), credit
     * minus debit over every transaction line, for the fiscal year of the file (which must be {@code jaar}).
     */
    private void auditfile(
            Source input,
            String path,
            int jaar,
            String where,
            Map<String, WinstInput.Overgenomen> over,
            List<Problem> problems)
            throws IOException {
        Path f = resolve(input, path);
        if (!Files.isRegularFile(f)) {
            problems.add(Problem.error(where, "veld winst: geen bedrag en geen bestaand bestand: " + path));
            return;
        }
        Source s = Source.of(f).withName(path);
        if (!AuditfileReader.looksLikeAuditfile(s.head(4096))) {
            problems.add(Problem.error(
                    where,
                    "veld winst: " + path + " is geen auditfile (XAF); verwacht een bedrag of het"
                            + " pad van een auditfile"));
            return;
        }
        java.util.Set<String> resultaat = new java.util.HashSet<>();
        Map<String, Integer> bronnen = new java.util.TreeMap<>();
        List<String> onbekend = new ArrayList<>();
        BigDecimal[] som = {BigDecimal.ZERO};
        int[] fileYear = {0};
        List<Problem> readerWarnings = new ArrayList<>();
        try (var in = s.open()) {
            Outputs.reading(
                    s,
                    () -> AuditfileReader.read(in, path, new AuditfileReader.Handler() {
                        @Override
                        public void header(Auditfile.Header h) {
                            fileYear[0] = h.jaar();
                        }

                        @Override
                        public boolean btwCodesNodig() {
                            return false;
                        }

                        @Override
                        public void waarschuwing(Problem w) {
                            readerWarnings.add(w);
                        }

                        @Override
                        public void rekening(Auditfile.Rekening r) {
                            nl.rekenblad.auditfile.Grootboek.Indeling<Boolean> i =
                                    nl.rekenblad.auditfile.Grootboek.resultaat(r);
                            if (i.waarde() == null) {
                                onbekend.add(r.accID());
                                return;
                            }
                            if (!r.accTp().equals("P") && !r.accTp().equals("B")) {
                                bronnen.merge(
                                        i.bron().startsWith("RGS")
                                                ? "de RGS-code"
                                                : "het rekeningnummer (decimaal stelsel: 4–9" + " resultaat)",
                                        1,
                                        Integer::sum);
                            }
                            if (i.waarde()) {
                                resultaat.add(r.accID());
                            }
                        }

                        @Override
                        public void transactie(Auditfile.Transactie t) {
                            for (Auditfile.Regel r : t.regels()) {
                                if (resultaat.contains(r.accID())) {
                                    som[0] = som[0].add(r.bedrag());
                                }
                            }
                        }
                    }));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return;
        }
        if (fileYear[0] != jaar) {
            problems.add(Problem.error(
                    where,
                    "veld winst: de auditfile " + path + " gaat over " + fileYear[0] + ", de winstberekening over "
                            + jaar));
            return;
        }
        if (!onbekend.isEmpty()) {
            problems.add(Problem.error(
                    where,
                    "veld winst: van " + onbekend.size() + " grootboekrekeningen in " + path
                            + " is niet te zien of het resultaat- of balansrekeningen zijn (accTp M of leeg, geen RGS-code, geen"
                            + " rekeningnummer van het decimale stelsel), bijvoorbeeld "
                            + String.join(", ", onbekend.subList(0, Math.min(5, onbekend.size())))
                            + "; vul de winst als bedrag in"));
            return;
        }
        for (Problem w : readerWarnings) {
            problems.add(Problem.warning(where, "veld winst: " + w));
        }
        if (!bronnen.isEmpty()) {
            problems.add(Problem.warning(
                    where,
                    "veld winst: " + path + " geeft niet bij elke rekening aan of het een"
                            + " resultaatrekening is (accTp M of leeg); ingedeeld naar "
                            + bronnen.entrySet().stream()
                                    .map(e -> e.getKey() + " (" + e.getValue() + " rekeningen)")
                                    .collect(java.util.stream.Collectors.joining(" en "))
                            + "; controleer de winst"));
        }
        over.put(
                "winst",
                new WinstInput.Overgenomen(
                        som[0],
                        f.getFileName().toString()
                                + ": saldo van de winst-en-verliesrekeningen (credit − debet)"
                                + (bronnen.isEmpty()
                                        ? ""
                                        : ", rekeningen ingedeeld naar " + String.join(" en ", bronnen.keySet()))));
    }

    private static Path resolve(Source input, String path) {
        Path p = Path.of(path);
        return p.isAbsolute()
                ? p
                : input.baseDir()
                        .orElse(Path.of("").toAbsolutePath())
                        .resolve(p)
                        .normalize();
    }

    /**
     * Takes over what the output of regulation {@code field} ({@code kor}, {@code kia}) brings to the profit of
     * {@code jaar}, through the registry: the regulation reads its own output.
     */
    private void chained(
            String field,
            Source input,
            String path,
            int jaar,
            String where,
            Map<String, WinstInput.Overgenomen> over,
            List<Problem> problems,
            List<Problem> warnings)
            throws IOException {
        Path f = resolve(input, path);
        if (!Files.isRegularFile(f)) {
            problems.add(Problem.error(where, "veld " + field + ": geen bedrag en geen bestaand bestand: " + path));
            return;
        }
        try {
            Optional<Contribution> c =
                    registry.apply(field).contribution(Source.of(f).withName(path), jaar);
            if (c.isEmpty()) {
                problems.add(Problem.error(where, "veld " + field + ": " + path + " draagt niets bij aan de winst"));
                return;
            }
            c.get()
                    .amounts()
                    .forEach((k, d) -> over.put(
                            k, new WinstInput.Overgenomen(d, f.getFileName().toString())));
            c.get().warnings().forEach(w -> warnings.add(Problem.warning(where, w)));
        } catch (Contribution.NotUsable e) {
            problems.add(Problem.error(where, "veld " + field + ": " + path + " " + e.getMessage()));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
    }
}
