package nl.rekenblad.internal.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * How a CSV file is written, sniffed from its first non-blank line: the delimiter that occurs most often of
 * {@code ,}, {@code ;} and tab (a tie goes to the earlier of these), and with it the notation of amounts (Dutch
 * {@code € 1.234,56} with {@code ;}, else {@code 1234.56}). Every CSV reader and batch recognition use this one
 * rule, so a file that is recognised is also readable. Immutable.
 */
public record CsvDialect(char delimiter) {
    private static final char[] CANDIDATES = {',', ';', '\t'};

    /** The dialect of {@code text}, judged by its first non-blank line. */
    public static CsvDialect sniff(String text) {
        String first = firstLine(text);
        char best = ',';
        long most = -1;
        for (char c : CANDIDATES) {
            long n = first.chars().filter(ch -> ch == c).count();
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return new CsvDialect(best);
    }

    /** The first non-blank line of {@code text}, or the empty string. */
    public static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    }

    /** How amounts are written in this dialect. */
    public AmountNotation notation() {
        return AmountNotation.forDelimiter(delimiter);
    }

    /** Commons CSV's format for it: this delimiter, empty lines skipped, fields trimmed. */
    public CSVFormat format() {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .build();
    }

    /** The fields of the first non-blank line of {@code text} (the header), as written; empty when it cannot be parsed. */
    public List<String> header(String text) {
        List<String> cols = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(firstLine(text)), format())) {
            for (CSVRecord r : p) {
                r.forEach(cols::add);
                break;
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return cols;
    }
}
