package nl.rekenblad.parity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice headless as an independent spreadsheet engine: converts .xlsx files to .xlsx with
 * recalculation forced on load. A fresh user profile sets
 * {@code /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode} to 0 ("always"), otherwise
 * LibreOffice would keep the cached values it finds in the file.
 */
final class LibreOffice {
    private static final String PROFILE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """;

    private LibreOffice() {}

    /** The soffice executable; fails (never skips) when LibreOffice is not installed. */
    static Path soffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "soffice");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        for (String p : List.of(
                "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        throw new AssertionError("LibreOffice (soffice) is not installed; the formula parity test needs it:"
                + " apt-get install -y libreoffice-calc-nogui");
    }

    /** Prints each workbook to PDF (every sheet, as its page setup says) in one LibreOffice run, recalculated on load. */
    static List<Path> pdf(List<Path> files, Path work) throws IOException, InterruptedException {
        return convert(files, work, "pdf", ".pdf");
    }

    /** Recalculates every file in one LibreOffice run; returns the converted files, in order. */
    static List<Path> recalculate(List<Path> files, Path work) throws IOException, InterruptedException {
        return convert(files, work, "xlsx:Calc MS Excel 2007 XML", ".xlsx");
    }

    private static List<Path> convert(List<Path> files, Path work, String filter, String extension)
            throws IOException, InterruptedException {
        Path profile = work.resolve("profile");
        Files.createDirectories(profile.resolve("user"));
        Files.writeString(profile.resolve("user/registrymodifications.xcu"), PROFILE, StandardCharsets.UTF_8);
        Path out = work.resolve("recalculated");
        Files.createDirectories(out);
        List<String> cmd = new ArrayList<>(List.of(
                soffice().toString(),
                "-env:UserInstallation=" + profile.toUri(),
                "--headless",
                "--norestore",
                "--convert-to",
                filter,
                "--outdir",
                out.toString()));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("soffice.log").toFile())
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("LibreOffice did not finish within 5 minutes");
        }
        List<Path> converted = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            Path c = out.resolve(name.substring(0, name.lastIndexOf('.')) + extension);
            if (!Files.exists(c)) {
                throw new AssertionError(
                        "LibreOffice did not convert " + f + ": " + Files.readString(work.resolve("soffice.log")));
            }
            converted.add(c);
        }
        return converted;
    }
}
