package nl.rekenblad.internal.io;

import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads small text inputs: UTF-8 with or without BOM, else Windows-1252 (Excel's "CSV" on Windows). */
public final class TextFiles {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextFiles() {}

    /**
     * Reads {@code file} whole, refusing files over {@code maxBytes}.
     *
     * @throws InvalidInputException for a file too large, with the file's name
     */
    public static String read(Path file, long maxBytes) throws IOException, InvalidInputException {
        return read(Source.of(file), maxBytes);
    }

    /**
     * Reads {@code source} whole, refusing one over {@code maxBytes}.
     *
     * @throws InvalidInputException for a source too large, with its name
     */
    public static String read(Source source, long maxBytes) throws IOException, InvalidInputException {
        long size = source.size();
        if (size > maxBytes) {
            throw InvalidInputException.of(
                    source.name(), "bestand is te groot (" + size + " bytes; ten hoogste " + maxBytes + ")");
        }
        return decode(source.readAllBytes());
    }

    /** The start of a file as text, for recognising it; a character cut in two at the end is tolerated. */
    public static String decodeHead(byte[] bytes) {
        return decode(bytes);
    }

    static String decode(byte[] bytes) {
        int start = isBom(bytes) ? 3 : 0;
        Charset cs = isUtf8(bytes, start, bytes.length) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        return new String(bytes, start, bytes.length - start, cs);
    }

    /**
     * Whether {@code b[from … to)} is valid UTF-8 as the JDK's strict decoder judges it: no overlong form, no
     * surrogate, nothing past U+10FFFF, no sequence cut off at the end. The same answer as decoding (a test holds
     * them together) without a decoder's buffers, which cost more than a small CSV itself.
     */
    static boolean isUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                lo = c == 0xE0 ? 0xA0 : lo; // overlong
                hi = c == 0xED ? 0x9F : hi; // surrogates
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                lo = c == 0xF0 ? 0x90 : lo; // overlong
                hi = c == 0xF4 ? 0x8F : hi; // past U+10FFFF
            } else {
                return false;
            }
            if (i + n >= to) {
                return false;
            }
            int c1 = b[i + 1] & 0xff;
            if (c1 < lo || c1 > hi) {
                return false;
            }
            for (int k = 2; k <= n; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += n + 1;
        }
        return true;
    }

    /** Whether {@code head} starts with UTF-8's byte order mark. */
    static boolean isBom(byte[] head) {
        return head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf;
    }

    /**
     * The one rule for a text input's charset: UTF-8 when every byte of it is valid UTF-8 (with or without BOM), else
     * Windows-1252. Scans the whole source once, streaming.
     */
    public static Charset charset(Source source) throws IOException {
        try (InputStream in = source.open()) {
            return isUtf8(in) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
    }

    /** {@link #isUtf8(byte[], int, int)} over a stream, chunk by chunk: a character cut by a chunk's end waits for the next. */
    private static boolean isUtf8(InputStream s) throws IOException {
        byte[] buf = new byte[1 << 15];
        int kept = 0;
        int n;
        while ((n = s.read(buf, kept, buf.length - kept)) > 0) {
            int end = kept + n;
            int whole = wholeCharacters(buf, end);
            if (!isUtf8(buf, 0, whole)) {
                return false;
            }
            kept = end - whole;
            System.arraycopy(buf, whole, buf, 0, kept);
        }
        return isUtf8(buf, 0, kept);
    }

    /** Where a character that the last bytes of {@code b[0 … end)} begin but do not finish starts; else {@code end}. */
    private static int wholeCharacters(byte[] b, int end) {
        for (int i = end - 1; i >= Math.max(0, end - 3); i--) {
            int c = b[i] & 0xff;
            if ((c & 0xC0) != 0x80) {
                int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
                return i + length > end ? i : end;
            }
        }
        return end;
    }
}
