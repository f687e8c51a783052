package nl.rekenblad.cli;

import nl.rekenblad.testing.Cli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command example in the README and in docs/ (a line of a code block, or an inline code span, that starts with
 * {@code ./rekenblad} or {@code rekenblad} and a command) is checked against the real command line: each is parsed by
 * picocli with the options as they are today, and those of the regulations, {@code template} and {@code batch} are run
 * on the bundled samples (their outputs go to a temporary folder) and must succeed. {@code postbus}, {@code web} and
 * {@code bench} examples need a mail server, a browser or minutes; they are parsed here and run by their own tests.
 */
class DocsExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("`((?:\\./|bin/)?rekenblad [^`]+)`");
    private static final Set<String> OUTPUTS =
            Set.of("-o", "--output", "--json", "--rapport", "--status", "--btwcodes-uit", "--rekeningen-uit");
    private static final Set<String> RUN = Set.of("kor", "kia", "winst", "btw", "vu", "template", "batch");

    record Example(String file, String line) {
        @Override
        public String toString() {
            return file + ": " + line;
        }
    }

    static List<Example> examples() throws Exception {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> s = Files.list(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md") && !p.endsWith("NOTES.md"))
                    .sorted()
                    .forEach(files::add);
        }
        List<Example> out = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher b = BLOCK.matcher(text);
            while (b.find()) {
                for (String l : b.group(1).replace("\\\n", " ").lines().toList()) {
                    String c = command(l);
                    if (c != null) {
                        out.add(new Example(f.toString(), c));
                    }
                }
            }
            Matcher i = INLINE.matcher(BLOCK.matcher(text).replaceAll(""));
            while (i.find()) {
                String c = command(i.group(1));
                // In prose, `rekenblad kia` names a command; an example has arguments.
                if (c != null && c.contains(" ")) {
                    out.add(new Example(f.toString(), c));
                }
            }
        }
        return out;
    }

    /** The command line of an example (without environment settings, launcher path and comment); null otherwise. */
    static String command(String line) {
        String l = line.strip().replaceFirst("\\s+#\\s.*$", "");
        l = l.replaceFirst("^/usr/bin/time -f \"[^\"]*\" ", "");
        while (l.matches("^[A-Z_]+=\\S+ .*")) {
            l = l.substring(l.indexOf(' ') + 1);
        }
        Matcher m = Pattern.compile("^(?:\\./|bin/)?rekenblad ([a-z].*)$").matcher(l);
        if (!m.matches()
                || m.group(1).contains("[")
                || m.group(1).contains("…")
                || m.group(1).matches("(?s).*\\b[A-Z]{3,}\\b.*")) {
            return null; // prose or a synopsis with placeholders (INVOER, [-o UIT.xlsx]), not an example
        }
        return m.group(1).strip();
    }

    @org.junit.jupiter.api.Test
    void theDocsHaveExamplesOfEveryCommand() throws Exception {
        Set<String> commands = new java.util.TreeSet<>();
        for (Example e : examples()) {
            commands.add(e.line().split("\\s+")[0]);
        }
        assertTrue(
                commands.containsAll(List.of("kor", "kia", "winst", "btw", "vu", "batch", "postbus", "web")),
                commands.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleParsesAndTheRunnableOnesRun(Example e, @TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>();
        for (String a : e.line().split("\\s+")) {
            args.add(a.replace("\"", "").replace("'", ""));
        }
        CommandLine cl = Main.commandLine();
        cl.parseArgs(args.toArray(String[]::new)); // throws on an option that no longer exists
        if (!RUN.contains(args.get(0))) {
            return;
        }
        // Inputs from the repository; every other path (an output) into the temporary folder.
        List<String> run = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean output = i > 0 && OUTPUTS.contains(args.get(i - 1));
            if (output) {
                run.add(dir.resolve(Path.of(a).getFileName()).toString()); // never into the repository
            } else if (i > 0 && !a.startsWith("-") && (a.contains("/") || a.matches(".*\\.[a-zA-Z]{2,5}"))) {
                run.add(
                        Files.exists(Path.of(a))
                                ? Path.of(a).toAbsolutePath().toString()
                                : dir.resolve(a).toString());
            } else {
                run.add(a);
            }
        }
        boolean hasOutput = run.contains("-o") || run.contains("--output");
        if (!hasOutput && !args.get(0).equals("template")) {
            run.add("-o");
            run.add(dir.resolve("uit.xlsx").toString());
        }
        if (args.get(0).equals("template") && !hasOutput) {
            run.add("-o");
            run.add(dir.resolve("sjabloon.xlsx").toString());
        }
        Cli.Run r = Cli.run(run.toArray(String[]::new));
        assertTrue(
                r.exit() == 0 || (args.get(0).equals("batch") && r.exit() == 4), e + " → " + r.exit() + ": " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(List.of(), leftInRepository(), "an example wrote into the repository");
    }

    private static List<String> leftInRepository() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("samples"))) {
            return s.map(Path::toString)
                    .filter(n -> n.contains(".kor.xlsx") || n.contains(".btw.xlsx"))
                    .toList();
        }
    }
}
