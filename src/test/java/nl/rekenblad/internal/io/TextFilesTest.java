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
    void textIsReadAsUtf8OrElseAsWindows1252() {
        assertEquals("€ 1.234,56 café", TextFiles.decode("€ 1.234,56 café".getBytes(StandardCharsets.UTF_8)));
        assertEquals("café", TextFiles.decode(new byte[] {'c', 'a', 'f', (byte) 0xE9}));
        assertEquals("€", TextFiles.decode(new byte[] {(byte) 0x80}));
        assertFalse(TextFiles.isUtf8(new byte[] {(byte) 0xE2, (byte) 0x82}, 0, 2), "a character cut off");
        assertEquals("x", TextFiles.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x'}), "BOM");
    }
}
