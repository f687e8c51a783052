package nl.rekenblad.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.batch.Bijlage;
import nl.rekenblad.batch.Intake;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.internal.io.JsonReader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Fuzz targets over every reader of untrusted bytes. The contract: a result, or a typed input error
 * ({@link InvalidInputException}, a {@code MissingRuleException} for a year the rules do not cover, for JSON an
 * {@link IllegalArgumentException}); no other exception or error; no
 * temporary file left. In the build they replay the committed seed corpus ({@code src/test/resources/nl/rekenblad/
 * fuzz/FuzzTargetsInputs/<target>/}, made by {@code SeedCorpus}); {@code JAZZER_FUZZ=1} fuzzes (see README).
 */
@org.junit.jupiter.api.Tag("langzaam")
class FuzzTargets {
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    /**
     * The temporary files rekenblad or POI could leave: {@code rekenblad…}, {@code poi…} and POI's {@code poifiles}
     * folder (other files come and go with other processes on the machine, which a fuzzing run must not count).
     */
    private static Set<String> tempFiles() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(TMP)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("rekenblad") || n.startsWith("poi"))
                    .forEach(files::add);
        }
        Path poi = TMP.resolve("poifiles");
        if (Files.isDirectory(poi)) {
            try (Stream<Path> s = Files.list(poi)) {
                s.forEach(p -> files.add("poifiles/" + p.getFileName()));
            }
        }
        return files;
    }

    /** Runs a regulation on {@code data} and writes its workbook nowhere: a result or an input error, nothing else. */
    private static void run(String regulation, String name, byte[] data) throws Exception {
        Set<String> before = tempFiles();
        try (Outcome<?> out = Rekenblad.run(regulation, Source.of(name, data), Options.defaults())) {
            out.writeWorkbook(OutputStream.nullOutputStream());
            out.json();
        } catch (InvalidInputException e) {
            if (e.problems().isEmpty()) {
                throw new AssertionError("an input error without a problem");
            }
        } catch (nl.rekenblad.rules.MissingRuleException e) {
            // a year the rules data does not cover: a typed error, named in Dutch
        }
        Set<String> after = tempFiles();
        after.removeAll(before);
        if (!after.isEmpty()) {
            throw new AssertionError("temporary files left: " + after);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void korCsv(byte[] data) throws Exception {
        run("kor", "aangiften.csv", data);
    }

    @FuzzTest(maxDuration = "2m")
    void kiaCsv(byte[] data) throws Exception {
        run("kia", "register.csv", data);
    }

    @FuzzTest(maxDuration = "2m")
    void journalCsv(byte[] data) throws Exception {
        run("btw", "journaal.csv", data);
    }

    @FuzzTest(maxDuration = "2m")
    void winstCsv(byte[] data) throws Exception {
        run("winst", "winst.csv", data);
    }

    @FuzzTest(maxDuration = "2m")
    void auditfile(byte[] data) throws Exception {
        run("btw", "export.xaf", data);
    }

    @FuzzTest(maxDuration = "2m")
    void vuCsv(byte[] data) throws Exception {
        run("vu", "kosten.csv", data);
    }

    @FuzzTest(maxDuration = "2m")
    void korWorkbook(byte[] data) throws Exception {
        run("kor", "aangiften.xlsx", data);
    }

    @FuzzTest(maxDuration = "2m")
    void kiaWorkbook(byte[] data) throws Exception {
        run("kia", "register.xlsx", data);
    }

    @FuzzTest(maxDuration = "2m")
    void json(byte[] data) {
        try {
            JsonReader.parse(new String(data, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // the typed error of the JSON reader
        }
    }

    @FuzzTest(maxDuration = "2m")
    void eml(byte[] data) throws Exception {
        mail(".eml", data);
    }

    @FuzzTest(maxDuration = "2m")
    void msg(byte[] data) throws Exception {
        mail(".msg", data);
    }

    /** A mail never throws: every attachment becomes an entry, an unreadable mail an error entry. */
    private static void mail(String extension, byte[] data) throws Exception {
        Path f = Files.createTempFile("fuzz", extension);
        try {
            Files.write(f, data);
            for (Bijlage b : Intake.lees(f)) {
                if (b.bron() == null) {
                    throw new AssertionError("an entry without its mail");
                }
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
