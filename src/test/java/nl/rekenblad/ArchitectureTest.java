package nl.rekenblad;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape of the house, read from the sources: which package may use which, a pure calculation core in each
 * regulation package (no POI, no files, no command line), a package-info in every package, and no class that
 * extends POI's workbook.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/nl/rekenblad");
    private static final Pattern REFERENCE =
            Pattern.compile("\\bnl\\.rekenblad\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z*]");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+)(?:\\.\\*)?;");

    /**
     * What each package may use of rekenblad's own packages. The regulation packages use the shared layers; btw may
     * use kor (its {@code --kor}); nothing shared uses a regulation, except the registry (the root package) and the
     * programs around it (cli, bench).
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("core", Set.of()),
            Map.entry("rules", Set.of("core")),
            Map.entry("aangifte", Set.of()),
            Map.entry("api", Set.of("core")),
            Map.entry("spi", Set.of("core", "api")),
            Map.entry("internal.workbook", Set.of("core", "rules")),
            Map.entry("internal.io", Set.of("core", "api", "spi", "internal.workbook")),
            Map.entry("internal.command", Set.of("core", "api", "internal.io")),
            Map.entry(
                    "kor",
                    Set.of(
                            "core",
                            "rules",
                            "aangifte",
                            "api",
                            "spi",
                            "internal.io",
                            "internal.workbook",
                            "internal.command")),
            Map.entry(
                    "kia",
                    Set.of("core", "rules", "api", "spi", "internal.io", "internal.workbook", "internal.command")),
            Map.entry(
                    "winst",
                    Set.of(
                            "core",
                            "rules",
                            "auditfile",
                            "api",
                            "spi",
                            "internal.io",
                            "internal.workbook",
                            "internal.command")),
            Map.entry("auditfile", Set.of("core")),
            Map.entry(
                    "btw",
                    Set.of(
                            "core",
                            "rules",
                            "aangifte",
                            "auditfile",
                            "api",
                            "spi",
                            "internal.io",
                            "internal.workbook",
                            "internal.command",
                            "kor")),
            Map.entry(
                    "vu",
                    Set.of("core", "rules", "api", "spi", "internal.io", "internal.workbook", "internal.command")),
            Map.entry(
                    "",
                    Set.of(
                            "core",
                            "api",
                            "spi",
                            "auditfile",
                            "internal.io",
                            "internal.workbook",
                            "kor",
                            "kia",
                            "winst",
                            "btw",
                            "vu")),
            Map.entry("batch", Set.of("", "core", "rules", "api", "spi", "internal.io", "internal.workbook")),
            Map.entry(
                    "postbus",
                    Set.of(
                            "",
                            "core",
                            "rules",
                            "api",
                            "spi",
                            "batch",
                            "internal.io",
                            "internal.workbook",
                            "internal.command")),
            Map.entry(
                    "bench",
                    Set.of(
                            "",
                            "core",
                            "rules",
                            "aangifte",
                            "auditfile",
                            "api",
                            "spi",
                            "internal.io",
                            "internal.workbook",
                            "kor",
                            "kia",
                            "btw",
                            "batch",
                            "postbus")),
            Map.entry(
                    "cli",
                    Set.of(
                            "",
                            "core",
                            "rules",
                            "api",
                            "spi",
                            "internal.io",
                            "internal.workbook",
                            "internal.command",
                            "batch",
                            "bench",
                            "postbus",
                            "web")),
            Map.entry(
                    "web",
                    Set.of(
                            "",
                            "core",
                            "api",
                            "spi",
                            "batch",
                            "internal.io",
                            "internal.command",
                            "kor",
                            "kia",
                            "btw",
                            "vu")));

    /** Libraries that belong to the adapters, never to a calculation. */
    private static final List<String> ADAPTER_LIBRARIES = List.of(
            "org.apache.poi",
            "org.openxmlformats",
            "org.apache.commons.csv",
            "picocli",
            "jakarta.mail",
            "java.nio.file",
            "java.io.File",
            "java.io.InputStream",
            "java.io.OutputStream");

    private static Map<Path, String> sources() throws IOException {
        Map<Path, String> all = new TreeMap<>();
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.put(p, Files.readString(p));
            }
        }
        return all;
    }

    private static String packageOf(Path source) {
        Path rel = MAIN.relativize(source.getParent());
        return rel.toString().replace('/', '.');
    }

    /** The code without comments and string literals. */
    private static String code(String text) {
        // One pass, so that "//" inside a string is not taken for a comment, nor a quote inside a comment for a string.
        return Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*+\"")
                .matcher(text)
                .replaceAll(m -> m.group().startsWith("\"") ? "\"\"" : "");
    }

    @Test
    void packagesUseOnlyWhatTheyMay() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<Path, String> e : sources().entrySet()) {
            String pkg = packageOf(e.getKey());
            Set<String> allowed = ALLOWED.get(pkg);
            assertTrue(allowed != null, "package " + pkg + " is not in the map of allowed dependencies");
            Matcher m = REFERENCE.matcher(code(e.getValue()));
            while (m.find()) {
                String used = m.group(1);
                if (!used.equals(pkg) && !allowed.contains(used)) {
                    violations.add(MAIN.relativize(e.getKey()) + " uses nl.rekenblad." + used);
                }
            }
            Matcher root = Pattern.compile("\\bnl\\.rekenblad\\.[A-Z]").matcher(code(e.getValue()));
            if (root.find() && !pkg.isEmpty() && !allowed.contains("")) {
                violations.add(MAIN.relativize(e.getKey()) + " uses the root package nl.rekenblad");
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * The calculation of each regulation, and every class of its package that it reaches, imports no POI, no CSV
     * parser, no files or streams, no command line and none of rekenblad's adapter layers.
     */
    @ParameterizedTest
    @CsvSource({
        "kor,KorJaaropstelling",
        "kia,KiaBerekening",
        "btw,BtwBerekening",
        "btw,BtwAangifte",
        "btw,XafBerekening",
        "winst,Winstberekening",
        "vu,VuBerekening"
    })
    void calculationCoreIsPure(String pkg, String entry) throws IOException {
        Map<String, String> classes = new TreeMap<>();
        try (Stream<Path> s = Files.list(MAIN.resolve(pkg))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                classes.put(p.getFileName().toString().replace(".java", ""), code(Files.readString(p)));
            }
        }
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(entry));
        while (!todo.isEmpty()) {
            String c = todo.poll();
            if (!reached.add(c)) {
                continue;
            }
            for (String other : classes.keySet()) {
                if (!reached.contains(other)
                        && Pattern.compile("\\b" + other + "\\b")
                                .matcher(classes.get(c))
                                .find()) {
                    todo.add(other);
                }
            }
        }
        List<String> violations = new ArrayList<>();
        for (String c : reached) {
            Matcher m = IMPORT.matcher(classes.get(c));
            while (m.find()) {
                String imp = m.group(1);
                boolean adapterLibrary = ADAPTER_LIBRARIES.stream().anyMatch(imp::startsWith);
                boolean adapterLayer = Stream.of("internal", "api", "batch", "cli")
                        .anyMatch(l -> imp.startsWith("nl.rekenblad." + l + "."));
                if (adapterLibrary || adapterLayer) {
                    violations.add(pkg + "." + c + " imports " + imp);
                }
            }
        }
        assertTrue(reached.size() > 1, "the calculation reaches its input and result types: " + reached);
        assertEquals(List.of(), violations, "reached from " + entry + ": " + reached);
    }

    @Test
    void everyPackageSaysWhatItHoldsAndWhatItMayUse() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path source : sources().keySet()) {
            Path info = source.getParent().resolve("package-info.java");
            if (!Files.exists(info)) {
                missing.add(packageOf(source));
            } else {
                String text = Files.readString(info);
                assertTrue(
                        text.contains("May use") || text.contains("may use"), info + " says what the package may use");
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void noClassExtendsPoisWorkbook() throws IOException {
        for (Map.Entry<Path, String> e : sources().entrySet()) {
            assertTrue(
                    !Pattern.compile("extends\\s+(XSSFWorkbook|HSSFWorkbook|Workbook)\\b")
                            .matcher(e.getValue())
                            .find(),
                    e.getKey() + " extends a POI workbook; wrap it instead (OutputWorkbook)");
        }
    }
}
