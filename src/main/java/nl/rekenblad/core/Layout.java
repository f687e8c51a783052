package nl.rekenblad.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * How the steps of a calculation are arranged on a result sheet: sections of labelled rows,
 * each row a list of step keys (or {@code null} for an empty cell) under the section's column
 * headers. Contains no spreadsheet code; the sheet writer places it. Immutable: made once with
 * {@link #builder()}.
 */
public final class Layout {
    /** A row: label, the step keys per value column ({@code null} for an empty cell), and whether it is a total line. */
    public record Row(String label, List<String> keys, boolean total) {
        public Row {
            keys = Collections.unmodifiableList(new ArrayList<>(keys));
        }
    }

    /**
     * A block of table rows, one per row of a table ({@link RowStep}s, one per column), labelled by {@code label};
     * the sheet writer streams it rather than keeping its cells.
     *
     * @param rows    the table rows shown, in order
     * @param label   the label of a table row
     * @param columns the column keys per value column
     */
    public record Table(int[] rows, java.util.function.IntFunction<String> label, List<String> columns) {
        public Table {
            columns = List.copyOf(columns);
        }
    }

    /** A titled block of rows with headers over its value columns; a table, if any, comes before its rows. */
    public record Section(String title, List<String> headers, Table table, List<Row> rows) {
        public Section {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
        }

        public Section(String title, List<String> headers, List<Row> rows) {
            this(title, headers, null, rows);
        }
    }

    private final List<Section> sections;

    private Layout(List<Section> sections) {
        this.sections = List.copyOf(sections);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Section> sections() {
        return sections;
    }

    /** Builds a {@link Layout} section by section; not thread-safe. */
    public static final class Builder {
        private final List<Section> sections = new ArrayList<>();
        private String title;
        private List<String> headers;
        private List<Row> rows;
        private Table table;

        private Builder() {}

        /** Starts a new section; the rows that follow belong to it. */
        public Builder section(String title, List<String> headers) {
            close();
            this.title = title;
            this.headers = List.copyOf(headers);
            this.rows = new ArrayList<>();
            return this;
        }

        /** A table in the current section, before any of its rows: one line per table row, a column per key. */
        public Builder table(int[] tableRows, java.util.function.IntFunction<String> label, List<String> columns) {
            if (!current().isEmpty() || table != null) {
                throw new IllegalStateException("a table comes first in its section, once");
            }
            table = new Table(tableRows, label, columns);
            return this;
        }

        public Builder row(String label, String... keys) {
            return row(label, Arrays.asList(keys));
        }

        public Builder row(String label, List<String> keys) {
            current().add(new Row(label, keys, false));
            return this;
        }

        public Builder total(String label, List<String> keys) {
            current().add(new Row(label, keys, true));
            return this;
        }

        public Layout build() {
            close();
            return new Layout(sections);
        }

        private List<Row> current() {
            if (rows == null) {
                throw new IllegalStateException("a row before the first section");
            }
            return rows;
        }

        private void close() {
            if (rows != null) {
                sections.add(new Section(title, headers, table, rows));
                rows = null;
                table = null;
            }
        }
    }
}
