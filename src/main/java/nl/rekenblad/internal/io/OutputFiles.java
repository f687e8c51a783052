package nl.rekenblad.internal.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import nl.rekenblad.api.Contribution;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading rekenblad's own outputs back: a named result of a workbook, or the JSON report. */
public final class OutputFiles {
    /** A JSON report is small; this is generous. */
    public static final long MAX_JSON_BYTES = 10L * 1024 * 1024;

    private OutputFiles() {
    }

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

    /** The JSON report {@code source} holds, as an object. */
    public static Map<?, ?> json(Source source) throws IOException, InvalidInputException {
        return (Map<?, ?>) JsonReader.parse(TextFiles.read(source, MAX_JSON_BYTES));
    }
}
