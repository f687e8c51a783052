package nl.rekenblad.vu;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample end to end, and its output read back as a template (the tables found by their defined names). */
class VuRegulationTest {
    @TempDir
    Path dir;

    @Test
    void sampleGivesEveryCodeAndItsOutputReadsBackAsTheTemplate() throws Exception {
        Path out = dir.resolve("vu.xlsx");
        String total;
        try (Outcome<?> o = Rekenblad.run("vu", Source.of(Path.of("samples/vu-2026.csv")), Options.defaults())) {
            VuResult r = (VuResult) o.result();
            assertEquals(2026, r.input().aanslagjaar());
            assertEquals(6, r.input().wagens().size());
            // 12.000 − 1.500 refund + FBB 1.000 (the seed's example)
            assertEquals(0, r.code("1201").amount().compareTo(new java.math.BigDecimal("11500")));
            // 1.200 maaltijdcheques: 8.292 − 1.200 × 2 = 5.892 (4,91 a cheque); ecocheques 1.500; sportcheques 600
            assertEquals(0, r.code("1215").amount().compareTo(new java.math.BigDecimal("7992")));
            total = r.totaal().amount().stripTrailingZeros().toPlainString();
            o.save(out);
            assertTrue(o.json().contains("\"aftrekpercentage\": 0.6000"), o.json());
        }
        try (Outcome<?> again = Rekenblad.run("vu", Source.of(out), Options.defaults())) {
            VuResult r = (VuResult) again.result();
            assertEquals(total, r.totaal().amount().stripTrailingZeros().toPlainString());
            assertEquals(6, r.input().wagens().size());
            again.writeWorkbook(OutputStream.nullOutputStream());
        }
    }

    @Test
    void emptyTemplateIsRecognisedByItsNames() throws Exception {
        Path t = dir.resolve("t.xlsx");
        try (var os = Files.newOutputStream(t)) {
            new VuRegulation().writeTemplate(os, Options.defaults());
        }
        assertEquals("vu", Rekenblad.recognise(Source.of(t)).orElseThrow().name());
    }

    /**
     * Issue 21: "eigenlijk" and "oneigenlijk" were the wrong way round; a file written with either old word is refused
     * with the explanation (never read with its meaning flipped), and the new words put 1202 on the eigenlijke only.
     */
    @Test
    void theOldGewestbelastingWordsAreRefusedWithTheExplanation() throws Exception {
        for (String old : new String[] {"gewestbelasting", "gewestbelasting-eigenlijk"}) {
            byte[] csv = ("aanslagjaar,2026\nrekening,omschrijving,bedrag,soort\n640300,Milieuheffing,350," + old
                            + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            nl.rekenblad.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                    nl.rekenblad.core.InvalidInputException.class,
                    () -> Rekenblad.run("vu", Source.of("oud.csv", csv), Options.defaults())
                            .close());
            assertTrue(
                    e.getMessage().contains("eigenlijke-gewestbelasting")
                            && e.getMessage().contains("onroerende voorheffing")
                            && e.getMessage().contains("draaiden eigenlijk en" + " oneigenlijk om"),
                    e.getMessage());
        }
        byte[] csv =
                ("aanslagjaar,2026\nrekening,omschrijving,bedrag,soort\n640300,Leegstandsheffing,350,eigenlijke-gewestbelasting\n"
                                + "640200,Onroerende voorheffing,2400,oneigenlijke-gewestbelasting\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (Outcome<?> o = Rekenblad.run("vu", Source.of("nieuw.csv", csv), Options.defaults())) {
            VuResult r = (VuResult) o.result();
            assertEquals(0, r.code("1202").amount().compareTo(new java.math.BigDecimal("350")));
            assertEquals(0, r.totaal().amount().compareTo(new java.math.BigDecimal("350")));
        }
    }
}
