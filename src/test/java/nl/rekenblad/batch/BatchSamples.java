package nl.rekenblad.batch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes {@code samples/batch/}: a few client mails as a pipeline would drop them. Run once; the files are committed. */
public final class BatchSamples {
    private BatchSamples() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of("samples/batch"));
        Map<String, byte[]> a = new LinkedHashMap<>();
        a.put("KOR 2017.csv", BatchTest.sample("kor-2017-voorbeeld-2.csv"));
        a.put("investeringen.xlsx", BatchTest.sample("kia-2024-2025-register.xlsx"));
        Mails.eml(dir.resolve("2026-01-12 bakkerij de vries.eml"), "Jaarstukken", a);
        Mails.msg(
                dir.resolve("2026-01-13 kapsalon.msg"),
                "Aangiften 2017",
                Map.of("aangiften 2017.xlsx", BatchTest.sample("kor-2017-voorbeeld-1.xlsx")));
        Mails.eml(
                dir.resolve("2026-01-14 webbureau.eml"),
                "Journaal 2025",
                Map.of("journaal.csv", BatchTest.sample("btw-2025-journaal.csv")));
        Map<String, byte[]> b = new LinkedHashMap<>();
        b.put(
                "aangiften.csv",
                "periode,rubriek,omzet,btw\n2017-Q1,1a,2500,525\n2017-Q2,1q,3000,630\n"
                        .getBytes(StandardCharsets.UTF_8));
        b.put("factuur.pdf", "%PDF-1.4 (geen rekenblad-bestand)".getBytes(StandardCharsets.UTF_8));
        Mails.eml(dir.resolve("2026-01-15 schildersbedrijf.eml"), "Aangiften", b);
        System.out.println("written: " + dir);
    }
}
