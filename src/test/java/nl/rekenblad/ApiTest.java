package nl.rekenblad;

import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Rechtsvorm;
import nl.rekenblad.kia.KiaRegulation;
import nl.rekenblad.kor.KorRegulation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library surface: sources of every kind, typed options, immutable outcomes, recognition through the registry. */
class ApiTest {
    @TempDir
    Path dir;

    private static String json(Source s, Options o) throws Exception {
        try (Outcome<?> out = Rekenblad.run("kor", s, o)) {
            return out.json();
        }
    }

    @Test
    void aPathAStreamAReaderAndBytesGiveTheSameResult() throws Exception {
        Path csv = Path.of("samples/kor-2017-voorbeeld-2.csv");
        byte[] bytes = Files.readAllBytes(csv);
        String fromPath = json(Source.of(csv), Options.defaults());
        assertEquals(fromPath, json(Source.of("kor-2017-voorbeeld-2.csv", bytes), Options.defaults()));
        assertEquals(
                fromPath,
                json(Source.of("kor-2017-voorbeeld-2.csv", new ByteArrayInputStream(bytes)), Options.defaults()));
        assertEquals(
                fromPath,
                json(
                        Source.of(
                                "kor-2017-voorbeeld-2.csv",
                                new StringReader(new String(bytes, StandardCharsets.UTF_8))),
                        Options.defaults()));
    }

    @Test
    void aWorkbookFromBytesIsReadAndWrittenToAStream() throws Exception {
        byte[] xlsx = Files.readAllBytes(Path.of("samples/kor-2017-voorbeeld-2.xlsx"));
        try (Outcome<?> out = Rekenblad.run("kor", Source.of("aangiften.xlsx", xlsx), Options.defaults())) {
            assertEquals(Money.of(new BigDecimal("570")), out.keyFigures().get("vermindering"));
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            out.writeWorkbook(written);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(written.toByteArray()))) {
                assertTrue(wb.getName("KOR_Vermindering") != null);
            }
        }
        assertEquals(xlsx.length, Files.size(Path.of("samples/kor-2017-voorbeeld-2.xlsx")), "the input is only read");
    }

    @Test
    void messagesNameTheSourceByTheNameGiven() throws Exception {
        byte[] bad = "periode,rubriek,omzet,btw\n2017-Q1,1q,1,1\n".getBytes(StandardCharsets.UTF_8);
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> Rekenblad.run("kor", Source.of("bijlage van piet.csv", bad), Options.defaults()));
        assertTrue(
                e.problems().get(0).toString().startsWith("bijlage van piet.csv › regel 2"),
                e.problems().toString());
    }

    @Test
    void optionsAreTypedImmutableAndChecked() throws Exception {
        Options.Builder b = Options.builder().set(Options.RECHTSVORM, Rechtsvorm.VOF);
        Options vof = b.build();
        b.set(Options.RECHTSVORM, Rechtsvorm.BV);
        assertEquals(Optional.of(Rechtsvorm.VOF), vof.get(Options.RECHTSVORM), "a built Options does not change");
        assertEquals(Optional.empty(), Options.defaults().get(KorRegulation.OMZET_VORIG_JAAR));
        assertThrows(
                IllegalArgumentException.class,
                () -> Options.builder().set(KiaRegulation.AANDEEL, new BigDecimal("1.5")));
        assertThrows(IllegalArgumentException.class, () -> Options.builder().set(Options.JAAR, 17));
        // The old KOR is refused for a bv: the option reaches the calculation.
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> json(
                        Source.of(Path.of("samples/kor-2017-voorbeeld-2.csv")),
                        Options.builder().set(Options.RECHTSVORM, Rechtsvorm.BV).build()));
        assertTrue(e.getMessage().contains("bv"), e.getMessage());
    }

    @Test
    void anOutcomesFiguresAndWarningsCannotBeChanged() throws Exception {
        try (Outcome<?> out =
                Rekenblad.run("kia", Source.of(Path.of("samples/kia-2024-2025-register.csv")), Options.defaults())) {
            assertThrows(
                    UnsupportedOperationException.class, () -> out.figures().put("x", 1));
            assertThrows(
                    UnsupportedOperationException.class, () -> out.keyFigures().clear());
            assertThrows(
                    UnsupportedOperationException.class, () -> out.warnings().add(Problem.warning("x", "y")));
            assertEquals(
                    List.of("kia2024", "kia2025", "kia2026"),
                    List.copyOf(out.keyFigures().keySet()));
        }
    }

    @Test
    void savingOverTheInputIsRefusedAndLeavesItAsItWas() throws Exception {
        Path in = dir.resolve("kor.csv");
        Files.copy(Path.of("samples/kor-2017-voorbeeld-2.csv"), in);
        byte[] before = Files.readAllBytes(in);
        try (Outcome<?> out = Rekenblad.run("kor", Source.of(in), Options.defaults())) {
            assertThrows(InvalidInputException.class, () -> out.save(in));
        }
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(in));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(in), left.toList(), "no temporary file left behind");
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "kor-2017-voorbeeld-1.csv,kor",
        "kor-2017-voorbeeld-2.xlsx,kor",
        "kia-2024-2025-register.csv,kia",
        "kia-2024-2025-register.xlsx,kia",
        "vu-2026.csv,vu",
        "btw-2025-journaal.csv,btw",
        "winst-2025.csv,",
        "kor-2025-vrijstelling.kor.json,"
    })
    void theRegistryRecognisesEachSample(String sample, String expected) throws Exception {
        Optional<? extends Regulation> r = Rekenblad.recognise(Source.of(Path.of("samples", sample)));
        assertEquals(Optional.ofNullable(expected), r.map(Regulation::name));
    }

    @Test
    void aTabSeparatedJournalIsRecognisedAsWellAsRead() throws Exception {
        String journal = "datum\tomschrijving\trubriek\tgrondslag\tbtw\n2025-01-05\tverkoop\t1a\t100.00\t21.00\n";
        Source s = Source.of("journaal.csv", journal.getBytes(StandardCharsets.UTF_8));
        Regulation r = Rekenblad.recognise(s).orElseThrow();
        assertEquals("btw", r.name());
        try (Outcome<?> out = r.run(s, Options.defaults())) {
            assertEquals(Money.of(new BigDecimal("21")), out.keyFigures().get("5c 2025-Q1"));
        }
    }

    @Test
    void everyRegulationIsNamedOnceAndHasACommand() {
        List<String> names =
                Rekenblad.regulations().stream().map(Regulation::name).toList();
        assertEquals(List.of("kor", "kia", "winst", "btw", "vu"), names);
        for (nl.rekenblad.spi.RegulationProvider r : Rekenblad.providers()) {
            assertTrue(r.command().getClass().isAnnotationPresent(picocli.CommandLine.Command.class), r.name());
            assertFalse(r.title().isBlank());
        }
        assertThrows(IllegalArgumentException.class, () -> Rekenblad.regulation("vpb"));
    }

    @Test
    void theTypedHandlesRunWithoutACastAndPublishTheirFigureKeys() throws Exception {
        try (Outcome<nl.rekenblad.kor.KorResult> o =
                Rekenblad.KOR.run(Source.of(Path.of("samples/kor-2017-voorbeeld-2.csv")), Options.defaults())) {
            assertEquals(o.result().vermindering(), o.keyFigures().get(nl.rekenblad.kor.KorRegulation.VERMINDERING));
            assertEquals(2017, o.figures().get(nl.rekenblad.kor.KorRegulation.JAAR));
        }
        try (Outcome<nl.rekenblad.kia.KiaResult> o =
                Rekenblad.KIA.run(Source.of(Path.of("samples/kia-2024-2025-register.csv")), Options.defaults())) {
            assertEquals(o.result().kia(2025), o.keyFigures().get(nl.rekenblad.kia.KiaRegulation.kia(2025)));
        }
        assertSame(Rekenblad.regulation("btw"), Rekenblad.BTW);
        assertSame(Rekenblad.provider("vu"), Rekenblad.VU);
        assertSame(Rekenblad.regulation("winst"), Rekenblad.WINST);
    }
}
