package nl.rekenblad;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's library example ("Als bibliotheek gebruiken") compiles against rekenblad and prints what it shows. */
class LibraryExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeLibraryExampleCompilesRunsAndPrintsWhatTheReadmeShows() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile(
                        "## Als bibliotheek gebruiken.*?```java\\n(.*?)```\\s+It prints:\\s+```text\\n(.*?)```",
                        Pattern.DOTALL)
                .matcher(readme);
        assertTrue(m.find(), "no library example with its output in the README");
        Path source = dir.resolve("Voorbeeld.java");
        Files.writeString(source, m.group(1));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(
                null,
                diagnostics,
                diagnostics,
                "-d",
                dir.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                source.toString());
        assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));

        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("Voorbeeld").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {dir.resolve("uit").toString()});
        } finally {
            System.setOut(original);
        }
        List<String> shown = m.group(2).lines().toList();
        assertEquals(shown, printed.toString(StandardCharsets.UTF_8).lines().toList());
        assertTrue(Files.size(dir.resolve("uit/kor-2017.kor.xlsx")) > 0
                && Files.size(dir.resolve("uit/kor-2017.kor.json")) > 0);
    }
}
