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

    /**
     * Issue 25: every page of every output, printed to A4 by LibreOffice as the sheets' page setup says, is readable at
     * 100%: no word smaller than 6 pt high (the sheets' 8-point text measures 6,2 pt; a sheet squeezed to fit one page
     * wide, as the auditfile's Aansluiting was by a long note, measured 2,7 pt).
     */
    @Test
    void everyPrintedPageIsReadableAtFullSize() throws Exception {
        List<Path> outputs = new ArrayList<>();
        for (String[] r : List.of(
                new String[] {"kor", "kor-2017-voorbeeld-2.csv"},
                new String[] {"kor", "kor-2025-vrijstelling.csv"},
                new String[] {"kia", "kia-2024-2025-register.csv"},
                new String[] {"winst", "winst-2025-volledig.csv"},
                new String[] {"btw", "btw-2025-journaal.csv"},
                new String[] {"btw", "auditfile-2025.xaf"})) {
            try (Outcome<?> o =
                    Rekenblad.regulation(r[0]).run(Source.of(Path.of("samples", r[1])), Options.defaults())) {
                Path out = work.resolve("druk-" + r[1] + ".xlsx");
                o.save(out);
                outputs.add(out);
            }
        }
        Options vu = Options.builder()
                .set(VuRegulation.WAGENS, Source.of(Path.of("samples/vu-2026-wagens.csv")))
                .build();
        try (Outcome<?> o = Rekenblad.regulation("vu").run(Source.of(Path.of("samples/vu-2026.csv")), vu)) {
            Path out = work.resolve("druk-vu-2026.xlsx");
            o.save(out);
            outputs.add(out);
        }
        List<String> small = new ArrayList<>();
        for (Path pdf : LibreOffice.pdf(outputs, work)) {
            String info = run("pdfinfo", pdf.toString());
            assertTrue(info.contains("A4"), pdf + " is printed on A4: " + info);
            String bbox = run("pdftotext", "-bbox", pdf.toString(), "-");
            int page = 0;
            double min = Double.MAX_VALUE;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "<page |yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\"")
                    .matcher(bbox);
            while (m.find()) {
                if (m.group(1) == null) {
                    if (page > 0 && min < 6.0) {
                        small.add(pdf.getFileName() + " page " + page + ": " + min + " pt");
                    }
                    page++;
                    min = Double.MAX_VALUE;
                } else {
                    min = Math.min(min, Double.parseDouble(m.group(2)) - Double.parseDouble(m.group(1)));
                }
            }
            if (page > 0 && min < 6.0) {
                small.add(pdf.getFileName() + " page " + page + ": " + min + " pt");
            }
            assertTrue(page > 1, pdf + " printed its sheets: " + page + " pages");
        }
        assertEquals(List.of(), small, "pages printed too small to read");
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
