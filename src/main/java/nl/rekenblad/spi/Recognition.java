package nl.rekenblad.spi;

import java.util.List;
import java.util.Set;

/**
 * What is known of an input before it is read in full, for {@link RegulationProvider#recognises}: whether it is a
 * workbook, its defined names, the header of a CSV or of a workbook's first sheet (as written, in order), and the
 * root element of an XML file (empty for any other input). Immutable.
 */
public record Recognition(boolean workbook, Set<String> definedNames, List<String> header, String xmlRoot) {
    public Recognition {
        definedNames = Set.copyOf(definedNames);
        header = List.copyOf(header);
        xmlRoot = xmlRoot == null ? "" : xmlRoot;
    }

    /** A workbook or CSV: no XML root. */
    public Recognition(boolean workbook, Set<String> definedNames, List<String> header) {
        this(workbook, definedNames, header, "");
    }

    /** An XML file with this root element (its local name). */
    public static Recognition xml(String root) {
        return new Recognition(false, Set.of(), List.of(), root);
    }

    /** The header in lower case without surrounding spaces or quotes. */
    public List<String> columns() {
        return header.stream()
                .map(h -> h.replace("\"", "").trim().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }
}
