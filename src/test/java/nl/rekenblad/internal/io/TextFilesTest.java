package nl.rekenblad.internal.io;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFilesTest {
    private static boolean jdkSaysUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void utf8CheckGivesTheJdkDecodersAnswerOnAMillionRandomInputs() {
        Random r = new Random(26);
        // Bytes drawn mostly from the edges where UTF-8 is strict: lead bytes, continuation bounds, ASCII.
        int[] edges = {
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
            0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF
        };
        int valid = 0;
        for (int t = 0; t < 1_000_000; t++) {
            byte[] b = new byte[r.nextInt(7)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : edges[r.nextInt(edges.length)]);
            }
            boolean expected = jdkSaysUtf8(b);
            valid += expected ? 1 : 0;
            assertEquals(
                    expected,
                    TextFiles.isUtf8(b, 0, b.length),
                    () -> java.util.HexFormat.of().formatHex(b));
        }
        assertTrue(valid > 10_000, "too few valid inputs drawn: " + valid);
    }

    @Test
    void aStreamedFileGetsTheSameAnswerWhereCharactersStraddleItsChunks() throws Exception {
        Random r = new Random(9);
        byte[][] pieces = {
            "a".getBytes(StandardCharsets.UTF_8),
            "€".getBytes(StandardCharsets.UTF_8),
            "é".getBytes(StandardCharsets.UTF_8),
            "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xE2, (byte) 0x82}, // cut off
            {(byte) 0x80}, // stray continuation byte
            {(byte) 0xE9} // Windows-1252 é
        };
        for (int t = 0; t < 400; t++) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            // Around the 32 KB chunk of the stream, so a character is cut by a chunk's end.
            b.write("x".repeat(32_760 + r.nextInt(12)).getBytes(StandardCharsets.US_ASCII));
            for (int k = 0; k < 4; k++) {
                b.write(pieces[r.nextInt(t % 2 == 0 ? 4 : pieces.length)]);
            }
            byte[] bytes = b.toByteArray();
            boolean utf8 = TextFiles.isUtf8(bytes, 0, bytes.length);
            assertEquals(jdkSaysUtf8(bytes), utf8);
            assertEquals(
                    utf8 ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName("windows-1252"),
                    TextFiles.charset(nl.rekenblad.api.Source.of("t.csv", bytes)));
        }
    }

    @Test
    void textIsReadAsUtf8OrElseAsWindows1252() {
        assertEquals("€ 1.234,56 café", TextFiles.decode("€ 1.234,56 café".getBytes(StandardCharsets.UTF_8)));
        assertEquals("café", TextFiles.decode(new byte[] {'c', 'a', 'f', (byte) 0xE9}));
        assertEquals("€", TextFiles.decode(new byte[] {(byte) 0x80}));
        assertFalse(TextFiles.isUtf8(new byte[] {(byte) 0xE2, (byte) 0x82}, 0, 2), "a character cut off");
        assertEquals("x", TextFiles.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x'}), "BOM");
    }
}
