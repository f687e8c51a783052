package nl.rekenblad.internal.io;

import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Target;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.NumberToTextConverter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads typed values from input cells of an untrusted workbook. Each bad cell becomes a problem
 * naming {@code file › Sheet!Cell}; formulas are evaluated as Excel would.
 */
public final class CellReader {
    private final Workbook wb;
    private final FormulaEvaluator ev;
    private final String bron;
    private final List<Problem> problems;

    public CellReader(Workbook wb, String bron, List<Problem> problems) {
        this.wb = wb;
        this.ev = wb.getCreationHelper().createFormulaEvaluator();
        this.bron = bron;
        this.problems = problems;
    }

    public String where(Target.Cell c) {
        return bron + " › " + Target.quoteSheet(c.sheet()) + "!" + c.a1(c.sheet());
    }

    public Cell cell(Target.Cell c) {
        Sheet sh = wb.getSheet(c.sheet());
        Row r = sh == null ? null : sh.getRow(c.row());
        return r == null ? null : r.getCell(c.col());
    }

    /** True when the cell holds nothing (or only blanks). */
    public boolean isEmpty(Target.Cell c) {
        Cell cell = cell(c);
        return cell == null
                || cell.getCellType() == CellType.BLANK
                || (cell.getCellType() == CellType.STRING
                        && cell.getStringCellValue().isBlank());
    }

    /** An amount cell: blank is null; text, error values, booleans and amounts beyond the limit are problems. */
    public BigDecimal amount(Target.Cell c) {
        Object v = value(c, "een bedrag");
        if (v instanceof String s) {
            problems.add(Problem.error(
                    where(c),
                    "verwacht een bedrag, de cel bevat tekst \"" + shorten(s.trim())
                            + "\"; Excel rekent niet met tekst: typ het bedrag als getal"));
            return null;
        }
        if (v instanceof BigDecimal d) {
            try {
                return AmountNotation.checked(d, d.toPlainString());
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(where(c), e.getMessage()));
                return null;
            }
        }
        return null;
    }

    /** The longest formula read from a bookkeeper's workbook: Excel's own limit. */
    public static final int MAX_FORMULA_CHARS = 8192;

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** A date cell: blank is null; a date typed as text is a problem (Excel cannot compute with it). */
    public LocalDate date(Target.Cell c) {
        Object v = value(c, "een datum");
        if (v instanceof String s) {
            problems.add(Problem.error(
                    where(c),
                    "verwacht een datum, de cel bevat tekst \"" + s.trim()
                            + "\"; typ de datum als datum (bijv. 1-10-2025) zodat Excel ermee kan rekenen"));
            return null;
        }
        if (v == null) {
            return null;
        }
        BigDecimal serial = (BigDecimal) v;
        if (serial.signum() <= 0 || serial.compareTo(BigDecimal.valueOf(2958465)) > 0) {
            problems.add(
                    Problem.error(where(c), "verwacht een datum, de cel bevat het getal " + serial.toPlainString()));
            return null;
        }
        return DateUtil.getLocalDateTime(serial.doubleValue()).toLocalDate();
    }

    /** A text cell as shown (numbers as Excel formats them); blank is the empty string. */
    public String text(Target.Cell c) {
        try {
            return textOf(c);
        } catch (StackOverflowError e) {
            problems.add(Problem.error(where(c), "de formule is te diep genest om te berekenen"));
        } catch (RuntimeException e) {
            problems.add(Problem.error(where(c), "de cel is niet te lezen (onbekend celtype of beschadigde waarde)"));
        }
        return "";
    }

    /** A number from a cell, or a problem when it is not a finite number (NaN, infinity, 1e400). */
    private BigDecimal finite(Target.Cell c, double d, String wanted) {
        if (!Double.isFinite(d)) {
            problems.add(Problem.error(where(c), "de cel bevat geen eindig getal; vul " + wanted + " in"));
            return null;
        }
        return new BigDecimal(NumberToTextConverter.toText(d));
    }

    private String textOf(Target.Cell c) {
        Cell cell = cell(c);
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.ERROR) {
            problems.add(Problem.error(
                    where(c),
                    "de cel bevat een foutwaarde ("
                            + FormulaError.forInt(cell.getErrorCellValue()).getString() + ")"));
            return "";
        }
        return new DataFormatter().formatCellValue(cell, ev);
    }

    /**
     * A number, a string, or null for blank; errors, booleans and cells POI cannot make sense of are reported. A
     * cell of an untrusted file may hold anything (an unknown type, a number that is not one, a formula nested past
     * any stack): whatever goes wrong reading it is one problem naming the cell, never a crash.
     */
    private Object value(Target.Cell c, String wanted) {
        try {
            return valueOf(c, wanted);
        } catch (StackOverflowError e) {
            problems.add(Problem.error(
                    where(c),
                    "de formule is te diep genest om te berekenen (een keten van duizenden"
                            + " cellen of haakjes); vul " + wanted + " in"));
        } catch (RuntimeException e) {
            problems.add(Problem.error(
                    where(c),
                    "de cel is niet te lezen (onbekend celtype of beschadigde waarde); vul " + wanted + " in"));
        }
        return null;
    }

    private Object valueOf(Target.Cell c, String wanted) {
        Cell cell = cell(c);
        if (cell == null) {
            return null;
        }
        switch (cell.getCellType()) {
            case BLANK:
                return null;
            case NUMERIC:
                // POI hands out a binary number: convert once, as Excel shows it (15 significant digits).
                return finite(c, cell.getNumericCellValue(), wanted);
            case STRING:
                return cell.getStringCellValue().isBlank() ? null : cell.getStringCellValue();
            case FORMULA: {
                String formula = cell.getCellFormula();
                if (formula.length() > MAX_FORMULA_CHARS) {
                    problems.add(Problem.error(
                            where(c),
                            "de formule is langer dan " + MAX_FORMULA_CHARS + " tekens (de grens van Excel); vul "
                                    + wanted + " in"));
                    return null;
                }
                CellValue v;
                try {
                    v = ev.evaluate(cell);
                } catch (RuntimeException e) {
                    v = null;
                }
                CellType result = v != null ? v.getCellType() : cell.getCachedFormulaResultType();
                if (result == CellType.NUMERIC) {
                    return finite(c, v != null ? v.getNumberValue() : cell.getNumericCellValue(), wanted);
                }
                if (result == CellType.BLANK) {
                    return null;
                }
                if (result == CellType.STRING) {
                    String s = v != null ? v.getStringValue() : cell.getStringCellValue();
                    return s.isBlank() ? null : s;
                }
                problems.add(Problem.error(
                        where(c),
                        "de formule " + shorten(formula) + " geeft geen " + wanted
                                + (result == CellType.ERROR ? " maar een foutwaarde" : "")));
                return null;
            }
            case ERROR:
                problems.add(Problem.error(
                        where(c),
                        "de cel bevat een foutwaarde ("
                                + FormulaError.forInt(cell.getErrorCellValue()).getString() + "); vul " + wanted
                                + " in"));
                return null;
            default:
                problems.add(Problem.error(
                        where(c),
                        "verwacht " + wanted + ", de cel bevat "
                                + cell.getCellType().name().toLowerCase()));
                return null;
        }
    }
}
