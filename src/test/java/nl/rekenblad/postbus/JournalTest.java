package nl.rekenblad.postbus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status journal: every step read back after reopening, a torn last line dropped, clear lines for bad files. */
class JournalTest {
    @TempDir
    Path dir;

    @Test
    void everyStepIsReadBackAfterReopening() throws Exception {
        Path f = dir.resolve("postbus.db");
        try (Journal j = new Journal(f)) {
            j.zet("<a@x>", Journal.Staat.ONTVANGEN, null, "klant@bedrijf.nl", "Aangiften\tmet tab\nen regel");
            j.zet("<a@x>", Journal.Staat.VERZENDEN, "Verwerkt", "klant@bedrijf.nl", "Aangiften\tmet tab\nen regel");
            j.zet("<b@x>", Journal.Staat.GEWEIGERD, "Geweigerd", "vreemd@elders.nl", "Hallo");
            assertEquals(1, j.mislukt("<a@x>"));
            assertEquals(2, j.mislukt("<a@x>"));
        }
        try (Journal j = new Journal(f)) {
            Journal.Regel a = j.get("<a@x>").orElseThrow();
            assertEquals(Journal.Staat.ONTVANGEN, a.staat());
            assertEquals(2, a.pogingen());
            assertEquals("Aangiften\tmet tab\nen regel", a.onderwerp());
            assertEquals(Journal.Staat.GEWEIGERD, j.get("<b@x>").orElseThrow().staat());
            assertEquals(1, j.aantal(Journal.Staat.GEWEIGERD));
        }
    }

    /** A crash while writing a line leaves it torn: it is dropped and cut off, the steps before it stay. */
    @Test
    void aTornLastLineIsDroppedAndTheRestKept() throws Exception {
        Path f = dir.resolve("postbus.db");
        try (Journal j = new Journal(f)) {
            j.zet("<a@x>", Journal.Staat.BEANTWOORD, "Verwerkt", "k@b.nl", "s");
        }
        long good = Files.size(f);
        Files.writeString(f, "0badc0de\t<b@x>\tBEANTW", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Journal j = new Journal(f)) {
            assertEquals(Journal.Staat.BEANTWOORD, j.get("<a@x>").orElseThrow().staat());
            assertTrue(j.get("<b@x>").isEmpty());
            j.zet("<c@x>", Journal.Staat.ONTVANGEN, null, "k@b.nl", "t");
        }
        assertTrue(Files.size(f) > good);
        try (Journal j = new Journal(f)) {
            assertEquals(Journal.Staat.ONTVANGEN, j.get("<c@x>").orElseThrow().staat());
        }
    }

    @Test
    void aFolderThatDoesNotExistOrAnotherFileIsOneDutchLine() throws Exception {
        Journal.Fout e = assertThrows(Journal.Fout.class, () -> new Journal(dir.resolve("nergens/postbus.db")));
        assertTrue(e.getMessage().contains("bestaat niet") && e.getMessage().contains("--status"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("nergens")), "no folder is made");
        Path h2 = dir.resolve("oud.db");
        Files.write(h2, new byte[] {'H', ':', '2', 0, 1, 2});
        e = assertThrows(Journal.Fout.class, () -> new Journal(h2));
        assertTrue(e.getMessage().contains("geen journaal"), e.getMessage());
    }

    @Test
    void aLongLogIsCompactedToOneLinePerMail() throws Exception {
        Path f = dir.resolve("postbus.db");
        try (Journal j = new Journal(f)) {
            for (int i = 0; i < 5000; i++) {
                j.zet("<m" + (i % 10) + "@x>", Journal.Staat.values()[i % 5], "Verwerkt", "k@b.nl", "s" + i);
            }
        }
        long before = Files.size(f);
        try (Journal j = new Journal(f)) {
            assertEquals(Journal.Staat.VERPLAATST, j.get("<m4@x>").orElseThrow().staat());
        }
        assertTrue(Files.size(f) < before / 10, Files.size(f) + " of " + before);
        try (Journal j = new Journal(f)) {
            assertEquals("s4999", j.get("<m9@x>").orElseThrow().onderwerp());
        }
    }
}
