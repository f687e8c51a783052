package nl.rekenblad.internal.io;

import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.spi.Contribution;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reading rekenblad's own outputs back: a named result of a workbook, or the JSON report. */
public final class OutputFiles {
    /** A JSON report is small; this is generous. */
    public static final long MAX_JSON_BYTES = 10L * 1024 * 1024;

    private OutputFiles() {}

    /**
     * The cached number of a named cell in a rekenblad output (its formulas carry Java's values).
     *
     * @throws Contribution.NotUsable when the name is missing
     */
    public static BigDecimal number(XSSFWorkbook wb, String name, String file) {
        Name n = wb.getName(name);
        if (n == null) {
            throw new Contribution.NotUsable("is niet te lezen (de naam " + name + " ontbreekt in " + file + ")");
        }
        CellReference r = new CellReference(n.getRefersToFormula());
        Cell c = wb.getSheet(r.getSheetName()).getRow(r.getRow()).getCell(r.getCol());
        return new BigDecimal(NumberToTextConverter.toText(c.getNumericCellValue()));
    }

    /** The number of a named cell, or zero when the workbook has no such name. */
    public static BigDecimal numberOrZero(XSSFWorkbook wb, String name, String file) {
        return wb.getName(name) == null ? BigDecimal.ZERO : number(wb, name, file);
    }

    /**
     * The JSON report {@code source} holds, as an object.
     *
     * @throws Contribution.NotUsable when it is not JSON within the reader's limits, or not an object
     */
    public static Map<?, ?> json(Source source) throws IOException, InvalidInputException {
        Object o;
        try {
            o = JsonReader.parse(TextFiles.read(source, MAX_JSON_BYTES));
        } catch (IllegalArgumentException e) {
            throw new Contribution.NotUsable("is niet te lezen: " + e.getMessage());
        }
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new Contribution.NotUsable("is geen rapport van rekenblad (geen JSON-object)");
    }

    /** The number at {@code key} of a JSON object; absent when the key is missing or null. */
    public static java.util.Optional<BigDecimal> number(Map<?, ?> json, String key) {
        Object v = json.get(key);
        if (v == null) {
            return java.util.Optional.empty();
        }
        if (v instanceof BigDecimal d) {
            return java.util.Optional.of(d);
        }
        throw new Contribution.NotUsable("heeft bij \"" + key + "\" geen getal");
    }

    /** A year at {@code key} of a JSON object. */
    public static int year(Map<?, ?> json, String key) {
        BigDecimal d = number(json, key).orElseThrow(() -> new Contribution.NotUsable("mist het veld \"" + key + "\""));
        if (d.stripTrailingZeros().scale() > 0
                || d.compareTo(BigDecimal.valueOf(1900)) < 0
                || d.compareTo(BigDecimal.valueOf(2200)) > 0) {
            throw new Contribution.NotUsable("heeft bij \"" + key + "\" geen jaartal");
        }
        return d.intValueExact();
    }

    /** The list at {@code key} of a JSON object, its elements objects. */
    public static List<Map<?, ?>> objects(Map<?, ?> json, String key) {
        Object v = json.get(key);
        if (!(v instanceof List<?> l) || l.stream().anyMatch(o -> !(o instanceof Map))) {
            throw new Contribution.NotUsable("heeft bij \"" + key + "\" geen lijst");
        }
        List<Map<?, ?>> out = new java.util.ArrayList<>();
        l.forEach(o -> out.add((Map<?, ?>) o));
        return out;
    }
}
