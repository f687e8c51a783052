package nl.rekenblad.postbus;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.batch.Batch;
import nl.rekenblad.spi.Recognition;
import nl.rekenblad.spi.RegulationProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22: every text that lists regulations comes from the registry. A fake regulation added to the list shows up
 * in the "not recognised" message, batch's help list and the postbus's reply; the real list gives today's texts.
 */
class RegistryListsTest {
    /** A regulation of its own: recognises nothing, only says what it would accept. */
    static final class Nep implements RegulationProvider {
        @Override
        public String name() {
            return "nep";
        }

        @Override
        public String title() {
            return "Nepregeling";
        }

        @Override
        public boolean recognises(Recognition input) {
            return false;
        }

        @Override
        public Outcome<?> run(Source source, Options options) throws IOException {
            throw new IOException("niet te draaien");
        }

        @Override
        public List<String> invoerSoorten() {
            return List.of("NEP");
        }

        @Override
        public Optional<String> invoerOmschrijving() {
            return Optional.of("een nepbestand (CSV)");
        }

        @Override
        public java.util.concurrent.Callable<Integer> command() {
            return () -> 0;
        }
    }

    @Test
    void theRealRegistryGivesTodaysTexts() {
        assertEquals(
                "geen KOR-, KIA-, journaal-, auditfile- of VU-bestand van rekenblad herkend",
                Batch.nietHerkend(Rekenblad.regulations()));
        assertEquals("KOR, KIA, journaal, auditfile of VU", Batch.soorten(Rekenblad.regulations()));
        String a = Antwoord.accepteert(Rekenblad.regulations());
        assertTrue(
                a.startsWith("- een KOR-jaaropstelling (CSV of werkboek uit het sjabloon),\n")
                        && a.contains("KIA")
                        && a.contains("XML Auditfile")
                        && a.contains("verworpen uitgaven")
                        && a.endsWith("ook als bijlage van een doorgestuurde mail."),
                a);
    }

    @Test
    void aRegulationAddedToTheRegistryAppearsInEveryList() {
        List<Regulation> plus = new ArrayList<>(Rekenblad.regulations());
        plus.add(new Nep());
        assertEquals(
                "geen KOR-, KIA-, journaal-, auditfile-, VU- of NEP-bestand van rekenblad herkend",
                Batch.nietHerkend(plus));
        assertEquals("KOR, KIA, journaal, auditfile, VU of NEP", Batch.soorten(plus));
        assertTrue(Antwoord.accepteert(plus).contains("- een nepbestand (CSV),\n"), Antwoord.accepteert(plus));
        // The default memory estimate: a workbook read whole, a CSV by rows.
        assertEquals(300, new Nep().geheugenMb("x.xlsx", 1 << 20));
        assertEquals(60, new Nep().geheugenMb("x.csv", 1 << 20));
    }

    /** Issue 23: key figures in a reply read as Dutch: words and euros. */
    @Test
    void replyFiguresAreDutch() {
        java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("jaar", 2017);
        c.put("teBetalen", nl.rekenblad.core.Money.of(new java.math.BigDecimal("570")));
        c.put("binnenGrens", true);
        c.put("5c 2025-Q1", nl.rekenblad.core.Money.of(new java.math.BigDecimal("1234.5")));
        assertEquals("jaar 2017, te betalen € 570,00, binnen grens ja, 5c 2025-Q1 € 1.234,50", Antwoord.cijfers(c));
    }
}
