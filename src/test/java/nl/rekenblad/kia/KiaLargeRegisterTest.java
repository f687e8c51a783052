package nl.rekenblad.kia;

import nl.rekenblad.bench.KiaBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A register's memory grows with its assets, not with its steps: 5.000 assets (some 340.000 formula cells) in a
 * heap of 64 MB, in a JVM of its own. Each asset once had some forty steps kept with their formulas, and 5.000 assets
 * needed more than 512 MB.
 */
@org.junit.jupiter.api.Tag("langzaam")
class KiaLargeRegisterTest {
    @TempDir
    Path dir;

    @Test
    void fiveThousandAssetsRunInAHeapOf64Mb() throws Exception {
        Path csv = KiaBenchmark.generate(dir.resolve("register.csv"), 5_000);
        Path out = dir.resolve("uit.xlsx");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path json = dir.resolve("uit.json");
        Process p = new ProcessBuilder(List.of(
                        javaBin,
                        "-Xmx64m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "nl.rekenblad.cli.Main",
                        "kia",
                        csv.toString(),
                        "-o",
                        out.toString(),
                        "--json",
                        json.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running after 2 minutes");
        String log = Files.readString(dir.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);

        // The same register worked out here gives the same figures.
        KiaResult r = KiaBerekening.withBundledRules().calculate(new KiaCsvReader().read(csv, Optional.empty()));
        String report = Files.readString(json);
        for (int y : r.years()) {
            assertTrue(report.contains("\"kia\": " + r.kia(y).amount().toPlainString()), "KIA " + y + " in " + report);
        }
        // The depreciation sheet ends with its totals, each one range however many assets (not thousands of cells).
        String sheet = sheetXml(out, KiaBerekening.AFSCHRIJVINGEN);
        String last = sheet.substring(sheet.lastIndexOf("<row "));
        assertTrue(last.contains("Afschrijving totaal per jaar"), last);
        assertTrue(
                java.util.regex.Pattern.compile("<f>SUM\\(E\\d+:E\\d+\\)</f>")
                        .matcher(last)
                        .find(),
                last);
    }

    /** The XML of a sheet, found through the workbook's parts. */
    private static String sheetXml(Path xlsx, String name) throws Exception {
        try (org.apache.poi.openxml4j.opc.OPCPackage pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(
                xlsx.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
            var reader = new org.apache.poi.xssf.eventusermodel.XSSFReader(pkg);
            var sheets = (org.apache.poi.xssf.eventusermodel.XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (var in = sheets.next()) {
                    if (sheets.getSheetName().equals(name)) {
                        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
            }
        }
        throw new AssertionError("no sheet " + name);
    }
}
