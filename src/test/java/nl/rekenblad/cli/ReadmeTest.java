package nl.rekenblad.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's quick start is executed: the command runs and prints what the README shows. */
class ReadmeTest {
    @TempDir
    Path dir;

    @Test
    void quickStartCommandPrintsWhatTheReadmeShows() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher cmd = Pattern.compile("\\./rekenblad (kor \\S+)").matcher(readme);
        assertTrue(cmd.find(), "no run command in the README");
        List<String> args = new ArrayList<>(List.of(cmd.group(1).split(" ")));
        assertTrue(Files.exists(Path.of(args.get(1))), args.get(1));
        args.add("-o");
        args.add(dir.resolve("uit.xlsx").toString());
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());

        Matcher block = Pattern.compile("The run prints:\\s+```text\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "no output block in the README");
        List<String> shown =
                block.group(1).lines().filter(l -> !l.startsWith("werkboek:")).toList();
        List<String> printed =
                r.out().lines().filter(l -> !l.startsWith("werkboek:")).toList();
        assertEquals(shown, printed);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"kia", "winst", "btw"})
    void exampleCommandPrintsWhatTheReadmeShows(String command) throws Exception {
        String readme = Files.readString(Path.of("docs", command + ".md"));
        Matcher cmd = Pattern.compile(
                        "\\./rekenblad " + command + " (\\S+)\\n```\\s+```text\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(cmd.find(), "no " + command + " example in docs/" + command + ".md");
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                command, cmd.group(1), "-o", dir.resolve("uit.xlsx").toString());
        assertEquals(0, r.exit(), r.err());
        List<String> shown =
                cmd.group(2).lines().filter(l -> !l.startsWith("werkboek:")).toList();
        List<String> printed =
                r.out().lines().filter(l -> !l.startsWith("werkboek:")).toList();
        assertEquals(shown, printed);
    }

    @Test
    void readmeTestCommandIsTheOneCiRuns() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String ci = Files.readString(Path.of(".ci/run"));
        assertTrue(readme.contains("mvn -B verify") && ci.contains("mvn -B verify"));
    }
}
