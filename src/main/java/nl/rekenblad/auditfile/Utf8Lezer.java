package nl.rekenblad.auditfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;

/**
 * Decodes UTF-8, and reads a byte that is not valid UTF-8 as Windows-1252 instead of failing: some packages declare
 * UTF-8 and write a name such as "Löwenbrau" in Windows-1252 (seen in a Unit4 Multivers export). The first such byte
 * is kept with its line and its offset in the file, so the reader can say where, in a warning. Not thread-safe.
 */
final class Utf8Lezer extends Reader {
    private static final char[] CP1252 = table();

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private long consumed;
    private long line = 1;
    private boolean eof;
    private int pendingLow = -1;
    private long badCount;
    private long badLine;
    private long badOffset = -1;
    private int badByte;

    Utf8Lezer(InputStream in) {
        this.in = in;
    }

    private static char[] table() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        char[] t = Charset.forName("windows-1252").decode(ByteBuffer.wrap(all)).array();
        return java.util.Arrays.copyOf(t, 256);
    }

    /** Bytes read as Windows-1252 because they were not UTF-8. */
    long ongeldig() {
        return badCount;
    }

    long eersteRegel() {
        return badLine;
    }

    /** The first such byte's offset in the file, counted from 1. */
    long eersteByte() {
        return badOffset + 1;
    }

    int eersteWaarde() {
        return badByte;
    }

    private boolean fill(int need) throws IOException {
        if (lim - pos >= need) {
            return true;
        }
        if (eof) {
            return lim > pos;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            consumed += pos;
            lim -= pos;
            pos = 0;
        }
        while (lim - pos < need) {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
                break;
            }
            lim += n;
        }
        return lim > pos;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (pendingLow >= 0) {
                cbuf[off + n++] = (char) pendingLow;
                pendingLow = -1;
                continue;
            }
            if (!fill(4)) {
                break;
            }
            int b0 = buf[pos] & 0xff;
            if (b0 < 0x80) {
                cbuf[off + n++] = (char) b0;
                pos++;
                if (b0 == '\n') {
                    line++;
                }
                continue;
            }
            int need = b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
            int cp = -1;
            if (need > 0 && lim - pos >= need) {
                cp = b0 & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
                for (int i = 1; i < need; i++) {
                    int b = buf[pos + i] & 0xff;
                    if ((b & 0xC0) != 0x80) {
                        cp = -1;
                        break;
                    }
                    cp = cp << 6 | (b & 0x3F);
                }
                int min = need == 2 ? 0x80 : need == 3 ? 0x800 : 0x10000;
                if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
                    cp = -1;
                }
            }
            if (cp < 0) {
                if (badCount++ == 0) {
                    badLine = line;
                    badOffset = consumed + pos;
                    badByte = b0;
                }
                cbuf[off + n++] = CP1252[b0];
                pos++;
                continue;
            }
            pos += need;
            if (cp >= 0x10000) {
                cbuf[off + n++] = Character.highSurrogate(cp);
                pendingLow = Character.lowSurrogate(cp);
            } else {
                cbuf[off + n++] = (char) cp;
            }
        }
        return n == 0 ? -1 : n;
    }

    @Override
    public void close() {
        // the caller closes the stream
    }
}
