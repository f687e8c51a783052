package nl.rekenblad.spi;

import java.util.List;
import java.util.Set;

/**
 * What is known of an input before it is read in full, for {@link RegulationProvider#recognises}: whether it is a
 * workbook, its defined names, the header of a CSV or of a workbook's first sheet (as written, in order), and the
 * root element of an XML file (empty for any other input), and for a CSV its first few lines as fields
 * ({@code rows}, the header first), for a file that starts with lines of its own before its header. Immutable.
 */
public record Recognition(
        boolean workbook, Set<String> definedNames, List<String> header, String xmlRoot, List<List<String>> rows) {
    public Recognition {
        definedNames = Set.copyOf(definedNames);
        header = List.copyOf(header);
        xmlRoot = xmlRoot == null ? "" : xmlRoot;
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** A workbook or CSV: no XML root; the header is the only row known. */
    public Recognition(boolean workbook, Set<String> definedNames, List<String> header) {
        this(workbook, definedNames, header, "", header.isEmpty() ? List.of() : List.of(header));
    }

    /** A CSV by its first rows, the first of them its header. */
    public static Recognition csv(List<List<String>> rows) {
        return new Recognition(false, Set.of(), rows.isEmpty() ? List.of() : rows.get(0), "", rows);
    }

    /** An XML file with this root element (its local name). */
    public static Recognition xml(String root) {
        return new Recognition(false, Set.of(), List.of(), root, List.of());
    }

    /** The header in lower case without surrounding spaces or quotes. */
    public List<String> columns() {
        return normalised(header);
    }

    /** Row {@code i} of {@link #rows()} as {@link #columns()} gives the header; empty past the known rows. */
    public List<String> columns(int i) {
        return i < rows.size() ? normalised(rows.get(i)) : List.of();
    }

    private static List<String> normalised(List<String> fields) {
        return fields.stream()
                .map(h -> h.replace("\"", "").trim().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }
}
