package nl.rekenblad.core;

/** Where a step key lives in a spreadsheet: a defined name or a cell. */
public sealed interface Target {
    /** A workbook-scoped defined name, such as {@code KOR_Grens}. */
    record Name(String name) implements Target {}

    /** A cell by zero-based row and column on a named sheet. */
    record Cell(String sheet, int row, int col) implements Target {
        /** A1 notation, prefixed with the quoted sheet name when it is not {@code fromSheet}. */
        public String a1(String fromSheet) {
            String local = columnLetters(col) + (row + 1);
            return sheet.equals(fromSheet) ? local : quoteSheet(sheet) + "!" + local;
        }

        /** {@link #a1} appended to {@code out}. */
        public void appendA1(String fromSheet, StringBuilder out) {
            if (!sheet.equals(fromSheet)) {
                out.append(quoteSheet(sheet)).append('!');
            }
            if (col < 26) {
                out.append((char) ('A' + col));
            } else {
                out.append(columnLetters(col));
            }
            out.append(row + 1);
        }
    }

    static String columnLetters(int col) {
        StringBuilder sb = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            sb.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return sb.toString();
    }

    /**
     * The sheet name as a formula writes it: bare only when Excel reads it bare (letters, digits and underscores,
     * not starting with a digit, and not something Excel would take for a cell: {@code A1}, {@code KOR2017},
     * {@code R1C1}, {@code R}, {@code TRUE}); else quoted, with quotes doubled.
     */
    public static String quoteSheet(String sheet) {
        if (Quoted.AS_WRITTEN.size() > 10_000) {
            Quoted.AS_WRITTEN.clear();
        }
        return Quoted.AS_WRITTEN.computeIfAbsent(sheet, Quoted::of);
    }

    /** The quoting rule, its patterns compiled once and each sheet's answer kept (a register writes it per cell). */
    final class Quoted {
        private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        private static final java.util.regex.Pattern CELL = java.util.regex.Pattern.compile("(?i)[a-z]{1,3}[0-9]+");
        private static final java.util.regex.Pattern R1C1 =
                java.util.regex.Pattern.compile("(?i)r[0-9]*c?[0-9]*|c[0-9]*");
        private static final java.util.Map<String, String> AS_WRITTEN = new java.util.concurrent.ConcurrentHashMap<>();

        private Quoted() {}

        private static String of(String sheet) {
            boolean bare = WORD.matcher(sheet).matches()
                    && !CELL.matcher(sheet).matches()
                    && !R1C1.matcher(sheet).matches()
                    && !sheet.equalsIgnoreCase("true")
                    && !sheet.equalsIgnoreCase("false");
            return bare ? sheet : "'" + sheet.replace("'", "''") + "'";
        }
    }
}
