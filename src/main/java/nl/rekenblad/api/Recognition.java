package nl.rekenblad.api;

import java.util.List;
import java.util.Set;

/**
 * What is known of an input before it is read in full, for {@link Regulation#recognises}: whether it is a
 * workbook, its defined names, and the header of a CSV or of a workbook's first sheet (as written, in order).
 * Immutable.
 */
public record Recognition(boolean workbook, Set<String> definedNames, List<String> header) {
    public Recognition {
        definedNames = Set.copyOf(definedNames);
        header = List.copyOf(header);
    }

    /** The header in lower case without surrounding spaces or quotes. */
    public List<String> columns() {
        return header.stream().map(h -> h.replace("\"", "").trim().toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
