package nl.rekenblad.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Hostile workbooks for tests and seeds: a sample with one part of its package changed as text. */
public final class Xlsx {
    private Xlsx() {}

    /** The bytes of {@code samples/<sample>} with the part {@code part} changed by {@code change}. */
    public static byte[] patched(String sample, String part, UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of("samples", sample)));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals(part)) {
                    b = change.apply(new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(b);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
