package nl.rekenblad.core;

/** Where a step key lives in a spreadsheet: a defined name or a cell. */
public sealed interface Target {
    /** A workbook-scoped defined name, such as {@code KOR_Grens}. */
    record Name(String name) implements Target { }

    /** A cell by zero-based row and column on a named sheet. */
    record Cell(String sheet, int row, int col) implements Target {
        /** A1 notation, prefixed with the quoted sheet name when it is not {@code fromSheet}. */
        public String a1(String fromSheet) {
            String local = columnLetters(col) + (row + 1);
            return sheet.equals(fromSheet) ? local : quoteSheet(sheet) + "!" + local;
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
        boolean bare = sheet.matches("[A-Za-z_][A-Za-z0-9_]*")
                && !sheet.matches("(?i)[a-z]{1,3}[0-9]+")
                && !sheet.matches("(?i)r[0-9]*c?[0-9]*|c[0-9]*")
                && !sheet.equalsIgnoreCase("true") && !sheet.equalsIgnoreCase("false");
        return bare ? sheet : "'" + sheet.replace("'", "''") + "'";
    }
}
