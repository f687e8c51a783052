package nl.rekenblad.internal.workbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The committed templates and filled samples are exactly what the generator writes (part by part;
 * zip timestamps aside). After changing the template, regenerate them with
 * {@code mvn -q test-compile exec:java} or by running {@link CommittedFiles#main}.
 */
class CommittedFilesTest {
    @Test
    void committedKorTemplateIsWhatTheGeneratorWrites() throws Exception {
        assertSameParts(CommittedFiles.korTemplate(), CommittedFiles.KOR_TEMPLATE);
    }

    @Test
    void committedKiaTemplateIsWhatTheGeneratorWrites() throws Exception {
        assertSameParts(CommittedFiles.kiaTemplate(), CommittedFiles.KIA_TEMPLATE);
    }

    @Test
    void committedWinstTemplateIsWhatTheGeneratorWrites() throws Exception {
        assertSameParts(CommittedFiles.winstTemplate(), CommittedFiles.WINST_TEMPLATE);
    }

    /** The KOR and KIA outputs that the winst sample chains are what rekenblad writes for their inputs now. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"kor-2025-vrijstelling,kor", "kia-2024-2025-register,kia"})
    void chainedSampleOutputsAreUpToDate(String name, String kind) throws Exception {
        Path in = Path.of("samples", name + ".csv");
        String json;
        try (var o =
                nl.rekenblad.Rekenblad.run(kind, nl.rekenblad.api.Source.of(in), nl.rekenblad.api.Options.defaults())) {
            json = o.json();
        }
        assertEquals(
                json,
                Files.readString(Path.of("samples", name + "." + kind + ".json")),
                "regenerate with ./rekenblad " + kind + " " + in + " --json samples/" + name + "." + kind + ".json");
    }

    @ParameterizedTest
    @MethodSource("nl.rekenblad.internal.workbook.CommittedFiles#filledSampleNames")
    void committedFilledSampleIsWhatTheGeneratorMakesOfItsCsv(String name) throws Exception {
        assertSameParts(CommittedFiles.filledSample(name), Path.of("samples", name + ".xlsx"));
    }

    @Test
    void generatorIsDeterministic() throws Exception {
        assertEquals(ZipContent.of(CommittedFiles.korTemplate()), ZipContent.of(CommittedFiles.korTemplate()));
    }

    private static void assertSameParts(byte[] generated, Path committed) throws Exception {
        Map<String, String> want = ZipContent.of(generated);
        Map<String, String> have = ZipContent.of(Files.readAllBytes(committed));
        assertEquals(want.keySet(), have.keySet(), committed + ": parts differ; regenerate with CommittedFiles.main");
        for (String part : want.keySet()) {
            assertEquals(
                    want.get(part),
                    have.get(part),
                    committed + " › " + part + " differs; regenerate with CommittedFiles.main");
        }
    }
}
