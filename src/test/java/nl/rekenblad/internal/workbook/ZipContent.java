package nl.rekenblad.internal.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The entries of an .xlsx (a zip) by name, to compare two workbooks part by part, ignoring zip timestamps. */
final class ZipContent {
    private ZipContent() {}

    static Map<String, String> of(byte[] xlsx) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                entries.put(e.getName(), new String(zin.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
