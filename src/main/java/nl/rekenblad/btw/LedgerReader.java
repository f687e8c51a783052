package nl.rekenblad.btw;

import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import nl.rekenblad.internal.io.AmountNotation;
import nl.rekenblad.internal.io.CsvTable;
import nl.rekenblad.internal.io.DateNotation;
import nl.rekenblad.internal.io.TextFiles;
import nl.rekenblad.internal.io.Workbooks;
import nl.rekenblad.internal.workbook.OutputWorkbook;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Streams a bookkeeping export (CSV) line by line, so a journal of a million lines is read in
 * little memory. Columns are found by name, with the common spellings of Dutch packages
 * ({@code boekdatum}, {@code bedrag excl. btw}, {@code btw-bedrag}, {@code btw code} …) or a
 * {@code --kolommen} mapping file ({@code veld=kolomnaam} per line). UTF-8 with or without BOM and
 * Windows-1252 are read; in a {@code ;} file amounts are Dutch.
 */
public final class LedgerReader implements Closeable {
    /** The fields rekenblad needs, with the header spellings it recognises. */
    public static final Map<String, List<String>> SYNONYMS = new LinkedHashMap<>();
    /** Columns of a journal at most: a sheet has 16.384, and the Boekingen sheet adds rekenblad's own. */
    public static final int MAX_COLUMNS = 16_384 - BtwWorkbook.COMPUTED.size();
    /** Characters in one field at most: what one cell of Excel holds. */
    public static final int MAX_FIELD_CHARS = 32_767;

    private boolean broken;

    static {
        SYNONYMS.put("datum", List.of("datum", "boekdatum", "factuurdatum", "transactiedatum", "date"));
        SYNONYMS.put("omschrijving", List.of("omschrijving", "omschr", "tekst", "description", "boekstukomschrijving"));
        SYNONYMS.put("rubriek", List.of("rubriek", "btw code", "btwcode", "btw rubriek", "aangifterubriek", "code"));
        SYNONYMS.put(
                "grondslag",
                List.of(
                        "grondslag",
                        "bedrag excl",
                        "bedrag excl btw",
                        "bedrag exclusief btw",
                        "bedrag ex btw",
                        "netto",
                        "netto bedrag",
                        "bedrag"));
        SYNONYMS.put("btw", List.of("btw", "btw bedrag", "btwbedrag", "bedrag btw", "vat"));
        SYNONYMS.put("tarief", List.of("tarief", "btw tarief", "btw percentage", "btw %", "percentage", "btw perc"));
        SYNONYMS.put("soort", List.of("soort", "goederen/diensten", "levering of dienst"));
    }

    static final List<String> REQUIRED = List.of("datum", "rubriek", "grondslag");

    private final String bron;
    private final RowSource source;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final AmountNotation notation;
    private List<String> current;
    private long line;

    /** Rows of text fields with their line numbers: a CSV or a sheet. */
    interface RowSource extends Closeable {
        /** The next row's fields, or null at the end or where the rest cannot be read (then a problem is added). */
        List<String> next(List<Problem> problems);

        /** The 1-based line (or sheet row) of the row last returned. */
        long line();
    }

    private LedgerReader(String bron, RowSource source, AmountNotation notation, Optional<Map<String, String>> mapping)
            throws IOException, InvalidInputException {
        this.bron = bron;
        this.source = source;
        this.notation = notation;
        List<Problem> unreadable = new ArrayList<>();
        List<String> h = source.next(unreadable);
        if (!unreadable.isEmpty()) {
            source.close();
            throw new InvalidInputException(unreadable);
        }
        if (h == null) {
            source.close();
            throw InvalidInputException.of(
                    bron, "leeg bestand; verwacht een kopregel met datum, rubriek, grondslag en btw");
        }
        if (h.size() > MAX_COLUMNS) {
            source.close();
            throw InvalidInputException.of(
                    bron + " › regel " + source.line(),
                    "de kopregel heeft " + h.size()
                            + " kolommen; ten hoogste " + MAX_COLUMNS + " (een werkblad heeft er "
                            + (MAX_COLUMNS + BtwWorkbook.COMPUTED.size())
                            + ", en rekenblad voegt er " + BtwWorkbook.COMPUTED.size() + " toe)");
        }
        for (String field : h) {
            if (field.length() > MAX_FIELD_CHARS) {
                source.close();
                throw InvalidInputException.of(
                        bron + " › regel " + source.line(),
                        "een kolomnaam van " + field.length() + " tekens; ten hoogste " + MAX_FIELD_CHARS);
            }
        }
        header = h;
        columns = map(header, mapping);
        List<String> missing =
                REQUIRED.stream().filter(f -> !columns.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            source.close();
            throw InvalidInputException.of(
                    bron + " › regel " + source.line(),
                    "kolom " + String.join(", ", missing)
                            + " niet gevonden; kopregel: " + String.join(", ", header) + ". Herkend worden onder meer "
                            + SYNONYMS.get(missing.get(0)) + "; geef anders met --kolommen een bestand met regels als "
                            + missing.get(0) + "=<kolomnaam>");
        }
    }

    /** A CSV as rows, streamed by the one table reader. */
    static final class CsvRows implements RowSource {
        private final CsvTable table;
        private long line;

        CsvRows(CsvTable table) {
            this.table = table;
        }

        @Override
        public List<String> next(List<Problem> problems) {
            CsvTable.Record r = table.next(problems);
            if (r == null) {
                return null;
            }
            line = r.line();
            return r.fields();
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public void close() throws IOException {
            table.close();
        }
    }

    /** The first sheet of a workbook as rows: numbers in plain notation, dates as 2025-01-31, other cells as shown. */
    static final class SheetRows implements RowSource {
        private final OutputWorkbook wb;
        private final Iterator<org.apache.poi.ss.usermodel.Row> rows;
        private final org.apache.poi.ss.usermodel.DataFormatter fmt = new org.apache.poi.ss.usermodel.DataFormatter();
        private long line;

        SheetRows(OutputWorkbook wb) {
            this.wb = wb;
            this.rows = wb.poi().getSheetAt(0).rowIterator();
        }

        @Override
        public List<String> next(List<Problem> problems) {
            while (rows.hasNext()) {
                org.apache.poi.ss.usermodel.Row r = rows.next();
                List<String> fields = new ArrayList<>();
                for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                    fields.add(text(r.getCell(c)));
                }
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                line = r.getRowNum() + 1L;
                return fields;
            }
            return null;
        }

        private String text(org.apache.poi.ss.usermodel.Cell c) {
            if (c == null) {
                return "";
            }
            org.apache.poi.ss.usermodel.CellType t = c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                    ? c.getCachedFormulaResultType()
                    : c.getCellType();
            if (t == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                if (org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(c)) {
                    return c.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                return org.apache.poi.ss.util.NumberToTextConverter.toText(c.getNumericCellValue());
            }
            if (t == org.apache.poi.ss.usermodel.CellType.STRING) {
                return c.getStringCellValue().trim();
            }
            return t == org.apache.poi.ss.usermodel.CellType.BLANK ? "" : fmt.formatCellValue(c);
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public void close() throws IOException {
            wb.close();
        }
    }

    /**
     * Opens {@code file}; {@code kolommen} is an optional mapping file.
     *
     * @throws InvalidInputException for an empty file, a missing column or a bad mapping
     */
    public static LedgerReader open(Path file, Optional<Source> kolommen) throws IOException, InvalidInputException {
        return open(Source.of(file), kolommen);
    }

    /** Opens {@code file} (a file is streamed, never read whole); see {@link #open(Path, Optional)}. */
    public static LedgerReader open(Source file, Optional<Source> kolommen) throws IOException, InvalidInputException {
        String bron = file.name();
        Optional<Map<String, String>> mapping = Optional.empty();
        if (kolommen.isPresent()) {
            mapping = Optional.of(readMapping(kolommen.get()));
        }
        if (Workbooks.isWorkbook(file)) {
            // A workbook's numbers are read as numbers: plain notation, whatever the sheet shows.
            return new LedgerReader(bron, new SheetRows(Workbooks.open(file)), AmountNotation.PLAIN, mapping);
        }
        CsvTable table = CsvTable.stream(file);
        try {
            return new LedgerReader(bron, new CsvRows(table), table.notation(), mapping);
        } catch (InvalidInputException | IOException | RuntimeException e) {
            table.close();
            throw e;
        }
    }

    /** The header as given. */
    public List<String> header() {
        return header;
    }

    /** Where each field was found (index into the header). */
    public Map<String, Integer> columns() {
        return columns;
    }

    /** The raw fields of the line last read, as given. */
    public List<String> fields() {
        return current;
    }

    /** The line number of the line last read. */
    public long line() {
        return line;
    }

    /**
     * The next line, or null at the end. A line that cannot be read (a bad date or amount) adds a
     * problem naming its line and is returned as {@link Optional#empty()}.
     */
    public Optional<Boeking> next(List<Problem> problems) {
        while (true) {
            if (broken) {
                return null;
            }
            int problemsBefore = problems.size();
            current = source.next(problems);
            if (current == null && problems.size() > problemsBefore) {
                // Commons CSV stops at an unclosed quote: that line and the rest are one problem.
                broken = true;
                return Optional.empty();
            }
            if (current == null) {
                return null;
            }
            line = source.line();
            if (current.stream().allMatch(String::isBlank)) {
                continue;
            }
            String where = bron + " › regel " + line;
            if (current.size() > MAX_COLUMNS) {
                problems.add(Problem.error(where, current.size() + " velden; ten hoogste " + MAX_COLUMNS));
                return Optional.empty();
            }
            for (int k = 0; k < current.size(); k++) {
                if (current.get(k).length() > MAX_FIELD_CHARS) {
                    problems.add(Problem.error(
                            where,
                            "veld " + (k + 1) + " heeft " + current.get(k).length() + " tekens; ten hoogste "
                                    + MAX_FIELD_CHARS + " (de grens van een cel in Excel)"));
                    return Optional.empty();
                }
            }
            int before = problems.size();
            LocalDate datum = null;
            try {
                datum = DateNotation.parse(get("datum"));
                if (datum == null) {
                    problems.add(Problem.error(where, "kolom datum is leeg"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(where, "kolom datum: " + e.getMessage()));
            }
            BigDecimal grondslag = amount("grondslag", where, problems);
            if (grondslag == null && problems.size() == before) {
                problems.add(Problem.error(where, "kolom grondslag is leeg"));
            }
            BigDecimal btw = amount("btw", where, problems);
            BigDecimal tarief = rate(where, problems);
            String soort = get("soort").strip().toLowerCase(java.util.Locale.ROOT);
            if (soort.equals("goed") || soort.equals("levering")) {
                soort = "goederen";
            } else if (soort.equals("dienst")) {
                soort = "diensten";
            }
            if (!soort.isEmpty() && !soort.equals("goederen") && !soort.equals("diensten")) {
                problems.add(Problem.error(
                        where, "kolom soort: verwacht goederen of diensten, gevonden \"" + get("soort") + "\""));
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(
                    new Boeking(line, datum, get("omschrijving"), get("rubriek"), grondslag, btw, tarief, soort));
        }
    }

    private String get(String field) {
        Integer i = columns.get(field);
        return i == null || i >= current.size() ? "" : current.get(i).trim();
    }

    private BigDecimal amount(String field, String where, List<Problem> problems) {
        try {
            return notation.parse(get(field));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(where, "kolom " + field + ": " + e.getMessage()));
            return null;
        }
    }

    /** {@code 21%}, {@code 21} or {@code 0.21} (and {@code 0,21} in a Dutch file) as the fraction 0.21. */
    private BigDecimal rate(String where, List<Problem> problems) {
        String t = get("tarief").replace(" ", "");
        if (t.isEmpty()) {
            return null;
        }
        boolean percent = t.endsWith("%");
        try {
            BigDecimal v = notation.parse(percent ? t.substring(0, t.length() - 1) : t);
            return percent || v.compareTo(BigDecimal.ONE) > 0 ? v.movePointLeft(2) : v;
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(where, "kolom tarief: verwacht 21%, 21 of 0.21, gevonden \"" + t + "\""));
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** A header name as compared: lower case, punctuation as spaces. */
    public static String normalize(String h) {
        return h.toLowerCase(Locale.ROOT)
                .replaceAll("[._\\-/()]", " ")
                .replace("exclusief", "excl")
                .replaceAll("\\s+", " ")
                .trim();
    }

    private Map<String, Integer> map(List<String> header, Optional<Map<String, String>> mapping)
            throws InvalidInputException {
        Map<String, Integer> cols = new LinkedHashMap<>();
        List<String> norm = header.stream().map(LedgerReader::normalize).toList();
        if (mapping.isPresent()) {
            for (Map.Entry<String, String> e : mapping.get().entrySet()) {
                int i = norm.indexOf(normalize(e.getValue()));
                if (i < 0) {
                    throw InvalidInputException.of(
                            bron + " › regel 1",
                            "--kolommen: kolom \"" + e.getValue() + "\" voor " + e.getKey()
                                    + " staat niet in de kopregel (" + String.join(", ", header) + ")");
                }
                cols.put(e.getKey(), i);
            }
        }
        for (Map.Entry<String, List<String>> e : SYNONYMS.entrySet()) {
            if (cols.containsKey(e.getKey())) {
                continue;
            }
            for (String syn : e.getValue()) {
                int i = norm.indexOf(normalize(syn));
                if (i >= 0 && !cols.containsValue(i)) {
                    cols.put(e.getKey(), i);
                    break;
                }
            }
        }
        return cols;
    }

    static Map<String, String> readMapping(Source file) throws IOException, InvalidInputException {
        Map<String, String> m = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        int n = 0;
        for (String l : TextFiles.read(file, 64 * 1024).split("\\R")) {
            n++;
            String t = l.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf('=');
            String field = eq < 0 ? "" : t.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (eq < 0 || !SYNONYMS.containsKey(field)) {
                problems.add(Problem.error(
                        file.name() + " › regel " + n,
                        "verwacht veld=kolomnaam met veld een van " + String.join(", ", SYNONYMS.keySet())
                                + ", gevonden \"" + t + "\""));
                continue;
            }
            m.put(field, t.substring(eq + 1).trim());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return m;
    }
}
