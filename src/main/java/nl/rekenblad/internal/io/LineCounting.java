package nl.rekenblad.internal.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Counts line breaks as a CSV parser reads ahead, so the line of a record (by its character position) is known without
 * keeping the text: only the breaks not yet passed are remembered.
 */
final class LineCounting extends FilterReader {
    private final ArrayDeque<Long> breaks = new ArrayDeque<>();
    private long read;
    private long passed;

    LineCounting(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c == '\n') {
            breaks.add(read);
        }
        if (c >= 0) {
            read++;
        }
        return c;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = super.read(cbuf, off, len);
        for (int i = 0; i < n; i++) {
            if (cbuf[off + i] == '\n') {
                breaks.add(read + i);
            }
        }
        if (n > 0) {
            read += n;
        }
        return n;
    }

    /** The 1-based line of the character at {@code position}, skipping the empty lines before it. */
    long lineAt(long position) {
        while (!breaks.isEmpty() && breaks.peekFirst() < position) {
            breaks.pollFirst();
            passed++;
        }
        // The parser's position includes empty lines it skipped (LF or CRLF): a break right there is one.
        long p = position;
        while (!breaks.isEmpty() && (breaks.peekFirst() == p || breaks.peekFirst() == p + 1)) {
            p = breaks.pollFirst() + 1;
            passed++;
        }
        return passed + 1;
    }
}
