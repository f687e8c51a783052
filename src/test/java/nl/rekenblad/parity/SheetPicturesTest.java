package nl.rekenblad.parity;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.vu.VuRegulation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pictures of the sheets in the guide (docs/handleiding.md) are rendered, not drawn: each regulation's sample output
 * is opened by LibreOffice, recalculated, and its opening sheet exported as PNG. Written to target/afbeeldingen, with
 * {@code -Dafbeeldingen=bijwerken} to docs/afbeeldingen (then commit them).
 */
@Tag("langzaam")
class SheetPicturesTest {
    @TempDir
    Path work;

    @Test
    void eachRegulationsOpeningSheetIsRenderedByLibreOffice() throws Exception {
        Map<String, Options> samples = new LinkedHashMap<>();
        samples.put("kor-2017-voorbeeld-2.csv", Options.defaults());
        samples.put("kia-2024-2025-register.csv", Options.defaults());
        samples.put("winst-2025-volledig.csv", Options.defaults());
        samples.put("btw-2025-journaal.csv", Options.defaults());
        samples.put("auditfile-2025.xaf", Options.defaults());
        samples.put(
                "vu-2026.csv",
                Options.builder()
                        .set(VuRegulation.WAGENS, Source.of(Path.of("samples/vu-2026-wagens.csv")))
                        .build());
        List<Path> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (var e : samples.entrySet()) {
            Source s = Source.of(Path.of("samples", e.getKey()));
            String name = e.getKey().startsWith("winst")
                    ? "winst"
                    : Rekenblad.recognise(s).orElseThrow().name();
            try (Outcome<?> o = Rekenblad.regulation(name).run(s, e.getValue())) {
                Path out = work.resolve("blad-" + name + (e.getKey().endsWith(".xaf") ? "-auditfile" : "") + ".xlsx");
                o.save(out);
                outputs.add(out);
                names.add(out.getFileName().toString().replace(".xlsx", ".png"));
            }
        }
        List<Path> pdfs = LibreOffice.pdf(outputs, work);
        Path map = "bijwerken".equals(System.getProperty("afbeeldingen"))
                ? Path.of("docs/afbeeldingen")
                : Path.of("target/afbeeldingen");
        Files.createDirectories(map);
        for (int i = 0; i < pdfs.size(); i++) {
            String title;
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(outputs.get(i)))) {
                var sheet = wb.getSheetAt(wb.getActiveSheetIndex());
                title = sheet.getRow(sheet.getFirstRowNum())
                        .getCell(0)
                        .getStringCellValue()
                        .strip();
            }
            int page = pageStartingWith(pdfs.get(i), title);
            Path png = map.resolve(names.get(i));
            run(
                    "pdftoppm",
                    "-png",
                    "-r",
                    "70",
                    "-f",
                    "" + page,
                    "-l",
                    "" + page,
                    "-singlefile",
                    pdfs.get(i).toString(),
                    png.toString().replaceFirst("\\.png$", ""));
            byte[] bytes = Files.readAllBytes(png);
            assertTrue(bytes.length > 5_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', names.get(i));
        }
    }

    /** The first page of {@code pdf} whose text starts with {@code title}: the opening sheet's first page. */
    static int pageStartingWith(Path pdf, String title) throws Exception {
        String info = run("pdfinfo", pdf.toString());
        int pages = Integer.parseInt(info.replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1"));
        for (int p = 1; p <= pages; p++) {
            String text = run("pdftotext", "-f", "" + p, "-l", "" + p, "-layout", pdf.toString(), "-");
            if (text.strip().startsWith(title)) {
                return p;
            }
        }
        throw new AssertionError(pdf + ": no page starts with \"" + title + "\"");
    }

    /** Runs a poppler tool (apt package poppler-utils; `.ci/run` installs it) and returns what it printed. */
    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }
}
