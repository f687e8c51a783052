package nl.rekenblad.btw;

import nl.rekenblad.api.Options;
import nl.rekenblad.api.Source;
import nl.rekenblad.kor.KorKeys;
import nl.rekenblad.testing.Xaf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 3: rubriek 3b is two things. Goods supplied to other EU countries count towards the KOR's € 20.000
 * omzetgrens; services to businesses in other EU countries, taxed there, do not (belastingdienst.nl 'Wat telt mee
 * voor de omzetgrens'). A journal's column soort and an auditfile's codes 3b-goederen / 3b-diensten tell them apart.
 */
class Kor3bTest {
    @TempDir
    Path dir;

    private static BigDecimal omzetKor(Source s, Options extra) throws Exception {
        Options o = Options.builder()
                .set(BtwRegulation.KOR, true)
                .set(BtwRegulation.BTWCODES, extra.get(BtwRegulation.BTWCODES).orElse(null))
                .build();
        try (var out = new BtwRegulation().run(s, o)) {
            return out.result()
                    .kor()
                    .orElseThrow()
                    .calculation()
                    .money(KorKeys.OMZET)
                    .amount();
        }
    }

    /** 1a 4.000; 3b goods 9.000, services 8.000: with the column 13.000 counts (under the grens), without it 21.000. */
    @Test
    void journalColumnSoortLeavesTheServicesOf3bOut() throws Exception {
        String with = "datum,omschrijving,rubriek,grondslag,btw,soort\n2025-02-01,a,1a,4000,840,\n"
                + "2025-03-01,levering naar Duitsland,3b,9000,,goederen\n2025-05-01,advies aan Belgisch bedrijf,3b,8000,,diensten\n";
        assertEquals(
                0,
                new BigDecimal("13000")
                        .compareTo(omzetKor(
                                Source.of("j.csv", with.getBytes(StandardCharsets.UTF_8)), Options.defaults())));
        String without = "datum,omschrijving,rubriek,grondslag,btw\n2025-02-01,a,1a,4000,840\n"
                + "2025-03-01,levering naar Duitsland,3b,9000,\n2025-05-01,advies aan Belgisch bedrijf,3b,8000,\n";
        assertEquals(
                0,
                new BigDecimal("21000")
                        .compareTo(omzetKor(
                                Source.of("j.csv", without.getBytes(StandardCharsets.UTF_8)), Options.defaults())));
    }

    @Test
    void auditfileCodes3bDienstenAnd3bGoederenTellThemApart() throws Exception {
        String xml = new Xaf(2025, "T")
                .account("1300", "Deb", "B")
                .account("8110", "Omzet EU", "P")
                .account("8120", "Advies EU", "P")
                .code("ICPG", "ICP levering goederen", null, null)
                .code("ICPD", "Diensten EU verlegd", null, null)
                .journal("V", "Verkoop")
                .tx(
                        "V",
                        "1",
                        "2025-03-01",
                        "goederen",
                        Xaf.line("1300", "-9000.00", "d"),
                        Xaf.line("8110", "9000.00", "o").vat("ICPG", "0", "0.00"))
                .tx(
                        "V",
                        "2",
                        "2025-05-01",
                        "advies",
                        Xaf.line("1300", "-8000.00", "d"),
                        Xaf.line("8120", "8000.00", "o").vat("ICPD", "0", "0.00"))
                .build();
        Source s = Source.of("a.xaf", xml.getBytes(StandardCharsets.UTF_8));
        // The proposals tell them apart by the words of the descriptions.
        assertEquals(0, new BigDecimal("9000").compareTo(omzetKor(s, Options.defaults())));
        // And a mapping says so explicitly.
        Path codes = dir.resolve("codes.txt");
        Files.writeString(codes, "ICPG=3b-goederen\nICPD=3b-diensten\n");
        assertEquals(
                0,
                new BigDecimal("9000")
                        .compareTo(omzetKor(
                                s,
                                Options.builder()
                                        .set(BtwRegulation.BTWCODES, Source.of(codes))
                                        .build())));
        Files.writeString(codes, "ICPG=3b\nICPD=3b\n");
        assertEquals(
                0,
                new BigDecimal("17000")
                        .compareTo(omzetKor(
                                s,
                                Options.builder()
                                        .set(BtwRegulation.BTWCODES, Source.of(codes))
                                        .build())));
        try (var out = new BtwRegulation()
                .run(s, Options.builder().set(BtwRegulation.KOR, true).build())) {
            assertTrue(out.result().auditfile().orElseThrow().btwcodes().contains("ICPD:verkoop=3b-diensten"));
        }
    }
}
