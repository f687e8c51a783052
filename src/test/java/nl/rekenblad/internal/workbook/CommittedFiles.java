package nl.rekenblad.internal.workbook;

import nl.rekenblad.core.Period;
import nl.rekenblad.kia.KiaFiles;
import nl.rekenblad.kia.KiaInput;
import nl.rekenblad.kor.KorFiles;
import nl.rekenblad.kor.KorInput;
import nl.rekenblad.winst.WinstReader;
import nl.rekenblad.winst.WinstTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The workbooks committed under {@code templates/} and {@code samples/}, as the generator makes
 * them. Run {@code main} to rewrite them after a change to the template; the tests check that the
 * committed files match.
 */
public final class CommittedFiles {
    /** Committed template path and how it is made. */
    public static final Path KOR_TEMPLATE = Path.of("templates/kor-jaaropstelling.xlsx");
    /** Filled templates, each made from the CSV of the same name. */
    public static final List<String> FILLED_SAMPLES = List.of(
            "kor-2017-voorbeeld-1",
            "kor-2017-voorbeeld-2",
            "kor-2019-fictieve-btw",
            "kia-2024-2025-register",
            "winst-2025");

    public static final Path KIA_TEMPLATE = Path.of("templates/kia-investeringsregister.xlsx");
    public static final Path WINST_TEMPLATE = Path.of("templates/winstberekening.xlsx");

    private CommittedFiles() {}

    static List<String> filledSampleNames() {
        return FILLED_SAMPLES;
    }

    public static byte[] korTemplate() throws IOException {
        try (OutputWorkbook wb = KorFiles.template(Period.Kind.KWARTAAL, null)) {
            return bytes(wb);
        }
    }

    public static byte[] kiaTemplate() throws IOException {
        try (OutputWorkbook wb = KiaFiles.template()) {
            return bytes(wb);
        }
    }

    public static byte[] winstTemplate() throws IOException {
        try (OutputWorkbook wb = WinstTemplate.create(java.util.Map.of())) {
            return bytes(wb);
        }
    }

    public static byte[] filledSample(String name) throws Exception {
        if (name.startsWith("winst-")) {
            WinstReader.Loaded l =
                    new WinstReader(nl.rekenblad.Rekenblad::provider).read(Path.of("samples", name + ".csv"));
            try (OutputWorkbook wb = WinstTemplate.create(l.input().waarden())) {
                return bytes(wb);
            }
        }
        if (name.startsWith("kia-")) {
            KiaInput kia = KiaFiles.read(Path.of("samples", name + ".csv"));
            try (OutputWorkbook wb = KiaFiles.filled(kia)) {
                return bytes(wb);
            }
        }
        KorInput in = KorFiles.read(Path.of("samples", name + ".csv"));
        try (OutputWorkbook wb = KorFiles.filled(in)) {
            return bytes(wb);
        }
    }

    static byte[] bytes(OutputWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.save(out);
        return out.toByteArray();
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(KOR_TEMPLATE.getParent());
        Files.write(KOR_TEMPLATE, korTemplate());
        Files.write(KIA_TEMPLATE, kiaTemplate());
        Files.write(WINST_TEMPLATE, winstTemplate());
        for (String s : FILLED_SAMPLES) {
            Files.write(Path.of("samples", s + ".xlsx"), filledSample(s));
        }
        System.out.println("written: " + KOR_TEMPLATE + " and " + FILLED_SAMPLES.size() + " samples");
    }
}
