package nl.rekenblad.internal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;

/** Reads small text inputs: UTF-8 with or without BOM, else Windows-1252 (Excel's "CSV" on Windows). */
public final class TextFiles {
    private TextFiles() {
    }

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
            throw InvalidInputException.of(source.name(), "bestand is te groot (" + size
                    + " bytes; ten hoogste " + maxBytes + ")");
        }
        return decode(source.readAllBytes());
    }

    /** The start of a file as text, for recognising it; a character cut in two at the end is tolerated. */
    public static String decodeHead(byte[] bytes) {
        return decode(bytes);
    }

    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buf).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, Charset.forName("windows-1252"));
        }
    }
}
