package nl.rekenblad.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the steps of a calculation are arranged on a result sheet: sections of labelled rows,
 * each row a list of step keys (or {@code null} for an empty cell) under the section's column
 * headers. Contains no spreadsheet code; the sheet writer places it.
 */
public final class Layout {
    /** A row: label, the step keys per value column, and whether it is a total line. */
    public record Row(String label, List<String> keys, boolean total) { }

    /** A titled block of rows with headers over its value columns. */
    public record Section(String title, List<String> headers, List<Row> rows) { }

    private final List<Section> sections = new ArrayList<>();
    private Section current;

    public Layout section(String title, List<String> headers) {
        current = new Section(title, List.copyOf(headers), new ArrayList<>());
        sections.add(current);
        return this;
    }

    public Layout row(String label, String... keys) {
        current.rows().add(new Row(label, Arrays.asList(keys), false));
        return this;
    }

    public Layout row(String label, List<String> keys) {
        current.rows().add(new Row(label, new ArrayList<>(keys), false));
        return this;
    }

    public Layout total(String label, List<String> keys) {
        current.rows().add(new Row(label, new ArrayList<>(keys), true));
        return this;
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }
}
