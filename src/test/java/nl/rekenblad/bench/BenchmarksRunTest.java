package nl.rekenblad.bench;

import nl.rekenblad.testing.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every benchmark runs to its figures on a tiny input: a benchmark that breaks (as {@code bench btw} did when
 * generated workbooks stopped having a POI model) is found by the suite, not by the next person measuring.
 */
class BenchmarksRunTest {
    @ParameterizedTest(name = "bench {0}")
    @CsvSource({"btw,--regels=500,regels/s", "xaf,--regels=500,regels/s", "kia,--activa=50,activa", "start,--runs=1,jar"
    })
    void everyBenchmarkPrintsItsFigures(String wat, String size, String expected) throws Exception {
        Cli.Run r = Cli.run("bench", wat, size);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(expected), r.out());
    }
}
