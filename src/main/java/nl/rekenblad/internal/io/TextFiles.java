package nl.rekenblad.internal.io;

import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
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
        Charset cs;
        try {
            cs = isUtf8(new ByteArrayInputStream(bytes, start, bytes.length - start))
                    ? StandardCharsets.UTF_8
                    : WINDOWS_1252;
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
        return new String(bytes, start, bytes.length - start, cs);
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

    private static boolean isUtf8(InputStream s) throws IOException {
        CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        byte[] buf = new byte[1 << 15];
        int n;
        while ((n = s.read(buf)) > 0) {
            in.put(buf, 0, n);
            in.flip();
            if (d.decode(in, out, false).isError()) {
                return false;
            }
            out.clear();
            in.compact();
        }
        in.flip();
        return !d.decode(in, out, true).isError();
    }
}
