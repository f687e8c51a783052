package nl.rekenblad.internal.io;

/** Turns a CSV parser's character position into a line number, for messages that name the line. */
public final class LineCounter {
    private final String text;
    private int pos;
    private long line = 1;

    public LineCounter(String text) {
        this.text = text;
    }

    public long lineAt(long target) {
        while (pos < target && pos < text.length()) {
            if (text.charAt(pos++) == '\n') {
                line++;
            }
        }
        // The parser's position includes the empty lines it skipped before the record.
        while (pos < text.length() && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
            if (text.charAt(pos++) == '\n') {
                line++;
            }
        }
        return line;
    }
}
