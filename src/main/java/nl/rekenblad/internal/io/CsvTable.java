package nl.rekenblad.internal.io;

import nl.rekenblad.api.Source;
import nl.rekenblad.core.Problem;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one CSV table reader: the dialect sniffed from the first non-blank line ({@link CsvDialect}), records with the
 * line they start on, a header mapped by name (any case, any order), and one place where a file Commons CSV cannot
 * read becomes one Dutch problem naming its line. Every CSV input (KOR, KIA, VU, winst, journal) reads through it.
 *
 * <p>Commons CSV's parse errors are caught by type ({@link CSVException}); what went wrong is found by scanning the
 * text again for the quote that is not closed or the text after a closing quote, never by matching the library's
 * (English, changing) messages.
 */
public final class CsvTable implements Closeable {
    private final String bron;
    private final CsvDialect dialect;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final LineCounting lines;
    private final long firstLine;
    private final Supplier<Reader> again;
    private Header header;
    private long lastLine;
    private boolean broken;

    private CsvTable(String bron, CsvDialect dialect, Reader reader, long firstLine, Supplier<Reader> again)
            throws IOException {
        this.bron = bron;
        this.dialect = dialect;
        this.lines = new LineCounting(reader);
        this.parser = CSVParser.parse(lines, dialect.format());
        this.records = parser.iterator();
        this.firstLine = firstLine;
        this.again = again;
    }

    /** The table in {@code text} (read whole, e.g. by {@link TextFiles#read}); {@code bron} names it in messages. */
    public static CsvTable of(String bron, String text) {
        return of(bron, text, 1);
    }

    /** As {@link #of(String, String)}, for a text whose first line is line {@code firstLine} of the file. */
    public static CsvTable of(String bron, String text, long firstLine) {
        try {
            return new CsvTable(
                    bron, CsvDialect.sniff(text), new StringReader(text), firstLine, () -> new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
    }

    /**
     * The table in {@code source}, streamed (never read whole): its charset by {@link TextFiles#charset}, a BOM
     * skipped, the dialect sniffed from its first non-blank line.
     */
    public static CsvTable stream(Source source) throws IOException {
        Charset cs = TextFiles.charset(source);
        String first;
        try (BufferedReader peek = reader(source, cs)) {
            first = peek.readLine();
            while (first != null && first.isBlank()) {
                first = peek.readLine();
            }
        }
        BufferedReader in = reader(source, cs);
        try {
            return new CsvTable(source.name(), CsvDialect.sniff(first == null ? "" : first), in, 1, () -> {
                try {
                    return reader(source, cs);
                } catch (IOException e) {
                    return new StringReader("");
                }
            });
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static BufferedReader reader(Source source, Charset cs) throws IOException {
        InputStream in = source.open();
        try {
            byte[] bom = in.readNBytes(3);
            if (!TextFiles.isBom(bom)) {
                in.close();
                in = source.open();
            }
            return new BufferedReader(new InputStreamReader(in, cs), 1 << 16);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** How the file is written. */
    public CsvDialect dialect() {
        return dialect;
    }

    /** How amounts are written in it. */
    public AmountNotation notation() {
        return dialect.notation();
    }

    /** The name used in messages. */
    public String bron() {
        return bron;
    }

    /**
     * The next record, or null at the end. A file Commons CSV cannot read further adds one problem (naming the line
     * and what is wrong in Dutch) and ends the table: this and every later call return null.
     */
    public Record next(List<Problem> problems) {
        if (broken) {
            return null;
        }
        CSVRecord r;
        try {
            if (!records.hasNext()) {
                return null;
            }
            r = records.next();
        } catch (UncheckedIOException e) {
            // The iterator wraps the parser's IOException; a CSVException is a file Commons CSV cannot parse.
            broken = true;
            problems.add(
                    e.getCause() instanceof CSVException c
                            ? unreadable(c)
                            : Problem.error(bron, "de CSV is niet te lezen" + Messages.reason(e.getCause())));
            return null;
        }
        lastLine = lines.lineAt(r.getCharacterPosition()) + firstLine - 1;
        return new Record(lastLine, r.toList());
    }

    /**
     * Makes {@code r} the header: its fields, trimmed and in lower case, name the columns (the first of a repeated name
     * counts). Later records read their fields by these names.
     */
    public Header header(Record r) {
        Map<String, Integer> cols = new LinkedHashMap<>();
        for (int i = 0; i < r.fields.size(); i++) {
            cols.putIfAbsent(r.fields.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        header = new Header(cols, r);
        return header;
    }

    private Problem unreadable(CSVException e) {
        String what;
        try (Reader r = again.get()) {
            what = QuoteScan.diagnose(r, dialect.delimiter(), firstLine);
        } catch (IOException io) {
            what = null;
        }
        if (what == null) {
            return Problem.error(
                    bron + " › na regel " + lastLine, "de CSV is hier niet verder te lezen" + Messages.reason(e));
        }
        return Problem.error(bron, "de CSV is niet verder te lezen: " + what);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** The named columns of a table. */
    public final class Header {
        private final Map<String, Integer> columns;
        private final Record record;

        private Header(Map<String, Integer> columns, Record record) {
            this.columns = columns;
            this.record = record;
        }

        /** The column names as written in the file, in order. */
        public List<String> names() {
            return record.fields.stream().map(String::strip).toList();
        }

        /** Whether the header names {@code column} (any case). */
        public boolean has(String column) {
            return columns.containsKey(column.toLowerCase(Locale.ROOT));
        }

        /** The index of {@code column}, or -1. */
        public int index(String column) {
            return columns.getOrDefault(column.toLowerCase(Locale.ROOT), -1);
        }

        /** Those of {@code required} the header does not name, in their order. */
        public List<String> missing(List<String> required) {
            return required.stream().filter(c -> !has(c)).toList();
        }

        /** The header's names that are none of {@code known} (any case) and not empty, as written. */
        public List<String> unknown(List<String> known) {
            List<String> out = new ArrayList<>();
            for (String n : names()) {
                if (!n.isEmpty() && known.stream().noneMatch(k -> k.equalsIgnoreCase(n))) {
                    out.add(n);
                }
            }
            return out;
        }

        /** The header's own record. */
        public Record record() {
            return record;
        }
    }

    /** One record: its fields as given and the line it starts on. */
    public final class Record {
        private final long line;
        private final List<String> fields;

        private Record(long line, List<String> fields) {
            this.line = line;
            this.fields = fields;
        }

        /** The line in the file where the record starts. */
        public long line() {
            return line;
        }

        /** "{@code bron} › regel n", for messages. */
        public String where() {
            return bron + " › regel " + line;
        }

        /** The fields as given (not trimmed beyond the dialect's trimming). */
        public List<String> fields() {
            return fields;
        }

        /** The number of fields. */
        public int size() {
            return fields.size();
        }

        /** Field {@code i}, stripped; empty when the record is shorter. */
        public String field(int i) {
            return i >= 0 && i < fields.size() ? fields.get(i).strip() : "";
        }

        /** Whether every field is blank (such records are lines to skip). */
        public boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }

        /** The field under {@code column} of the header, stripped; empty when there is none. */
        public String text(String column) {
            return header == null ? "" : field(header.index(column));
        }

        /**
         * The amount under {@code column} in the table's notation; null when the field is empty, or when it is not
         * an amount, in which case "kolom {@code column}: why" is added to {@code problems}.
         */
        public BigDecimal amount(String column, List<Problem> problems) {
            String t = text(column);
            if (t.isEmpty()) {
                return null;
            }
            try {
                return dialect.notation().parse(t);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(where(), "kolom " + column + ": " + e.getMessage()));
                return null;
            }
        }

        /** The date under {@code column} ({@link DateNotation}); null when empty, or not a date (a problem added). */
        public LocalDate date(String column, List<Problem> problems) {
            String t = text(column);
            if (t.isEmpty()) {
                return null;
            }
            try {
                return DateNotation.parse(t);
            } catch (IllegalArgumentException | DateTimeException e) {
                problems.add(Problem.error(
                        where(),
                        "kolom " + column + ": geen datum \"" + t + "\" (verwacht"
                                + " bijvoorbeeld 2024-03-01 of 1-3-2024)"));
                return null;
            }
        }
    }

    /**
     * What is wrong with a CSV's quotes, found the way Commons CSV's lexer reads them: a field that starts with a quote
     * ends at the next single quote ({@code ""} is a quote inside it), after which only spaces may come before the
     * delimiter or the line end.
     */
    static final class QuoteScan {
        private QuoteScan() {}

        /** The Dutch description, with its line, or null when the quotes are in order. */
        static String diagnose(Reader r, char delimiter, long firstLine) throws IOException {
            long line = firstLine;
            long opened = 0;
            int state = 0; // 0 unquoted, 1 inside quotes, 2 after a closing quote
            boolean fieldStart = true;
            int c;
            while ((c = r.read()) >= 0) {
                switch (state) {
                    case 0 -> {
                        if (c == '"' && fieldStart) {
                            state = 1;
                            opened = line;
                        } else if (c == '\n') {
                            line++;
                            fieldStart = true;
                        } else {
                            fieldStart = c == delimiter;
                        }
                    }
                    case 1 -> {
                        if (c == '"') {
                            state = 2;
                        } else if (c == '\n') {
                            line++;
                        }
                    }
                    default -> {
                        if (c == '"') {
                            state = 1;
                        } else if (c == delimiter) {
                            state = 0;
                            fieldStart = true;
                        } else if (c == '\n') {
                            line++;
                            state = 0;
                            fieldStart = true;
                        } else if (!Character.isWhitespace(c)) {
                            return "regel " + line + ": na het sluitende aanhalingsteken volgt nog tekst; zet het hele"
                                    + " veld tussen aanhalingstekens (\"a \"\"b\"\" c\")";
                        }
                    }
                }
            }
            return state == 1 ? "regel " + opened + ": een aanhalingsteken (\") wordt niet gesloten" : null;
        }
    }
}
