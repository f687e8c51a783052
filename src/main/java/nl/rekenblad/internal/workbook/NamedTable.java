package nl.rekenblad.internal.workbook;

import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Target;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A table of a template found through its defined name: the named area's first row holds the headers, found by
 * their text (any case), so a bookkeeper may reorder, restyle or move the columns; a row belongs to the table when
 * any of its known cells is filled. Immutable.
 *
 * @param columns the column of each known header, by field name as the caller spells it
 */
public record NamedTable(String sheet, int headerRow, int lastRow, Map<String, Integer> columns) {
    public NamedTable {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** How a table is described in messages when something is wrong with it. */
    public record Beschrijving(String naam, String ontbreekt, String tabel) {}

    /**
     * Finds the table named {@code name}. A missing name adds {@code missing.ontbreekt()} as a problem (or nothing
     * when it is null: an optional table); a name pointing nowhere, or a header row without a required column, adds a
     * problem saying so.
     */
    public static Optional<NamedTable> locate(
            OutputWorkbook wb,
            Beschrijving b,
            List<String> fields,
            List<String> required,
            List<Problem> problems,
            String bron) {
        Optional<String> name = wb.refersTo(b.naam());
        if (name.isEmpty()) {
            if (b.ontbreekt() != null) {
                problems.add(Problem.error(bron, b.ontbreekt()));
            }
            return Optional.empty();
        }
        AreaReference area;
        try {
            area = new AreaReference(name.get(), SpreadsheetVersion.EXCEL2007);
        } catch (RuntimeException e) {
            problems.add(Problem.error(bron, "de gedefinieerde naam " + b.naam() + " wijst niet naar cellen"));
            return Optional.empty();
        }
        String sheet = area.getFirstCell().getSheetName();
        if (sheet == null || wb.sheetIndex(sheet) < 0) {
            problems.add(
                    Problem.error(bron, "de gedefinieerde naam " + b.naam() + " wijst niet naar een bestaand blad"));
            return Optional.empty();
        }
        int headerRow = area.getFirstCell().getRow();
        Map<String, Integer> cols = new LinkedHashMap<>();
        for (int c = area.getFirstCell().getCol(); c <= area.getLastCell().getCol(); c++) {
            String text = SheetText.text(wb, sheet, headerRow, c);
            if (text == null) {
                continue;
            }
            String h = text.trim().toLowerCase(Locale.ROOT);
            for (String f : fields) {
                if (f.toLowerCase(Locale.ROOT).equals(h)) {
                    cols.putIfAbsent(f, c);
                }
            }
        }
        List<String> missing =
                required.stream().filter(f -> !cols.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            problems.add(Problem.error(
                    bron + " › " + Target.quoteSheet(sheet) + "!" + (headerRow + 1),
                    "kolom "
                            + String.join(", ", missing) + " ontbreekt in de kopregel van " + b.tabel() + "; verwacht "
                            + String.join(", ", fields)));
            return Optional.empty();
        }
        return Optional.of(new NamedTable(sheet, headerRow, area.getLastCell().getRow(), cols));
    }

    /** The rows that hold something (any known cell filled), in order. */
    public List<Integer> filledRows(OutputWorkbook wb) {
        List<Integer> rows = new ArrayList<>();
        for (int r = headerRow + 1; r <= lastRow; r++) {
            for (int col : columns.values()) {
                if (SheetText.filled(wb, sheet, r, col)) {
                    rows.add(r);
                    break;
                }
            }
        }
        return rows;
    }

    /** The cell of {@code field} in {@code row}, or null when the table has no such column. */
    public Target.Cell cell(int row, String field) {
        Integer c = columns.get(field);
        return c == null ? null : new Target.Cell(sheet, row, c);
    }
}
