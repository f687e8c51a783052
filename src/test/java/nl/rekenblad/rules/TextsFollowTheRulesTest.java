package nl.rekenblad.rules;

import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.RowStep;
import nl.rekenblad.core.Step;
import nl.rekenblad.kia.KiaBerekening;
import nl.rekenblad.kia.KiaFiles;
import nl.rekenblad.kia.KiaResult;
import nl.rekenblad.kor.KorFiles;
import nl.rekenblad.kor.KorJaaropstelling;
import nl.rekenblad.kor.KorResult;
import nl.rekenblad.winst.WinstReader;
import nl.rekenblad.winst.WinstResult;
import nl.rekenblad.winst.Winstberekening;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No figure is typed twice: every threshold, percentage and amount in a label or Toelichting text comes from the
 * rules data of its year. With a changed rule book the texts name the new figures and none of the old ones.
 */
class TextsFollowTheRulesTest {

    /** The bundled rules of {@code family} with the value of {@code name} (every row of it) set to {@code value}. */
    private static String change(String tsv, String name, String value) {
        Matcher m = Pattern.compile("(?m)^(" + Pattern.quote(name) + "\t[^\t]+\t)[^\t]+(\t)")
                .matcher(tsv);
        assertTrue(m.find(), "no rule " + name);
        return m.replaceAll("$1" + Matcher.quoteReplacement(value) + "$2");
    }

    private static RuleBook changed(String family, String... nameValue) {
        String tsv = RuleBook.bundledText(family);
        for (int i = 0; i < nameValue.length; i += 2) {
            tsv = change(tsv, nameValue[i], nameValue[i + 1]);
        }
        return RuleBook.of(family, tsv);
    }

    /** Every label and rule text of a calculation, one per line. */
    private static String texts(Calculation c) {
        List<String> all = new ArrayList<>();
        for (Calculation.Part p : c.parts()) {
            if (p instanceof Step s) {
                all.add(s.label());
                all.add(s.rule());
            } else {
                RowStep rs = (RowStep) p;
                for (int row : rs.rows()) {
                    all.add(rs.at(row).label());
                    all.add(rs.at(row).rule());
                }
            }
        }
        return String.join("\n", all);
    }

    private static void assertMentions(String texts, String... figures) {
        for (String f : figures) {
            assertTrue(texts.contains(f), "expected " + f + " in the texts:\n" + texts);
        }
    }

    private static void assertNotMentioned(String texts, String... figures) {
        for (String f : figures) {
            assertFalse(texts.contains(f), "the old figure " + f + " is still in the texts:\n" + texts);
        }
    }

    @Test
    void kiaTextsFollowAChangedMinimumPercentageEiaMinimumAndDepreciationCap() throws Exception {
        RuleBook rules = changed(
                "kia",
                "KIA_Min",
                "500",
                "KIA_Pct",
                "0.30",
                "KIA_Afbouw",
                "0.08",
                "EIA_MIA_Min",
                "3000",
                "AFS_Max",
                "0.25",
                "AFS_MaxGoodwill",
                "0.125");
        KiaResult r = new KiaBerekening(rules).calculate(KiaFiles.read(Path.of("samples/kia-2024-2025-register.csv")));
        String texts = texts(r.calculation()) + "\n" + r.afschrijvingsgrens();
        assertMentions(
                texts,
                "ten minste € 500",
                "30% van T",
                "min 8% van T",
                "ten minste € 3.000",
                "ten hoogste 25% van de aanschafprijs per jaar (goodwill 12,5%)",
                "minder dan € 500");
        assertMentions(r.afschrijvingsgrens(), "25% per jaar (goodwill 12,5%)");
        assertNotMentioned(texts, "€ 450", "28%", "7,56%", "€ 2.500", "20%", "goodwill 10%");
    }

    @Test
    void oldKorTextsAndTheWorkedExampleFollowChangedThresholds() throws Exception {
        RuleBook rules = changed("kor", "KOR_Oud_Drempel", "1400", "KOR_Oud_Grens", "1950", "KOR_Oud_Factor", "3");
        KorResult r =
                new KorJaaropstelling(rules).calculate(KorFiles.read(Path.of("samples/kor-2017-voorbeeld-2.csv")));
        String texts = texts(r.calculation());
        // The Belastingdienst's example S = € 1.500, worked out with the changed figures: 3 × (1.950 − 1.500).
        assertMentions(texts, "€ 1.400", "€ 1.950", "3 × (€ 1.950 − S)", "S = € 1.500 geeft € 1.350, afgerond € 1.350");
        assertNotMentioned(texts, "1.345", "1.883", "2,5", "957,50", "€ 958");
    }

    @Test
    void korExemptionTextsFollowTheRubriekenThatCountAndTheYearThePreviousYearCounts() throws Exception {
        String tsv = RuleBook.bundledText("kor")
                .replace("KOR_Vrij_VorigJaarTelt\t2020-2024\tnee", "KOR_Vrij_VorigJaarTelt\t2020-2023\tnee")
                .replace("KOR_Vrij_VorigJaarTelt\t2025-2026\tja", "KOR_Vrij_VorigJaarTelt\t2024-2026\tja");
        RuleBook rules = RuleBook.of("kor", change(tsv, "KOR_Telt_3b", "nee"));
        KorResult r =
                new KorJaaropstelling(rules).calculate(KorFiles.read(Path.of("samples/kor-2025-vrijstelling.csv")));
        String texts = texts(r.calculation());
        assertMentions(
                texts,
                "standaard 1a, 1b, 1c, 1e en 3a; niet 1d, 3b en 3c",
                "Vanaf 2024 telt ook",
                "vanaf 2024 ook een");
        assertNotMentioned(texts, "2025 telt", "vanaf 2025", "3a en 3b");
    }

    @Test
    void winstTextsFollowChangedBandsShareAndPercentages() throws Exception {
        RuleBook rules = changed(
                "winst",
                "MWA_Pct1",
                "0.015",
                "MWA_Uren1",
                "600",
                "GK_Pct",
                "0.75",
                "ZA_AowFactor",
                "0.75",
                "MKB_Pct",
                "0.13");
        WinstResult r = new Winstberekening(rules)
                .calculate(new WinstReader(nl.rekenblad.Rekenblad::provider)
                        .read(Path.of("samples/winst-2025.csv"))
                        .input());
        String texts = texts(r.calculation());
        assertMentions(
                texts,
                "1,5% / 2% / 3% / 4%",
                "600 / 875 / 1.225 / 1.750",
                "is 25% niet aftrekbaar",
                "× 0,75 bij de AOW",
                "13% van de winst");
        assertNotMentioned(texts, "1,25%", "525", "20% niet", "de helft", "12,7%");
    }
}
