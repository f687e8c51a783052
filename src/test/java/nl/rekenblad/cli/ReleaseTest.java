package nl.rekenblad.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24: the download a bookkeeper installs. The zip {@code mvn -B package} writes is unpacked into a folder whose
 * path has a space, and {@code bin/rekenblad} runs with a PATH that has Java but no Maven: a KOR sample, a template,
 * a batch. Runs after {@code package} (integration phase).
 */
@Tag("langzaam")
class ReleaseTest {
    @TempDir
    Path dir;

    @Test
    void theZipRunsFromAFolderWithASpaceWithoutMaven() throws Exception {
        Path zip = built("rekenblad-.*\\.zip");
        Path install = dir.resolve("Mijn programma's");
        unzip(zip, install);
        Path home;
        try (Stream<Path> s = Files.list(install)) {
            home = s.findFirst().orElseThrow();
        }
        for (String f : List.of(
                "bin/rekenblad",
                "bin/rekenblad.cmd",
                "lib/rekenblad.jar",
                "LEESMIJ.txt",
                "templates/kor-jaaropstelling.xlsx",
                "samples/kor-2017-voorbeeld-2.csv")) {
            assertTrue(Files.exists(home.resolve(f)), f);
        }
        try (Stream<Path> s = Files.list(home.resolve("lib"))) {
            List<String> libs = s.map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of("rekenblad.jar"), libs, "one jar, no test or benchmark libraries");
        }
        // A PATH with the few tools the launcher uses and Java, but no Maven.
        Path bin = Files.createDirectories(dir.resolve("pad"));
        pad(bin, LAUNCHER_TOOLS);
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path work = Files.createDirectories(dir.resolve("werk map"));

        Run kor = run(
                home,
                bin,
                cache,
                work,
                "kor",
                home.resolve("samples/kor-2017-voorbeeld-2.csv").toString(),
                "-o",
                "kor.xlsx");
        assertEquals(0, kor.exit(), kor.out());
        assertTrue(kor.out().contains("€ 570,00") && Files.size(work.resolve("kor.xlsx")) > 1000, kor.out());
        Run again = run(
                home,
                bin,
                cache,
                work,
                "kor",
                home.resolve("samples/kor-2017-voorbeeld-2.csv").toString(),
                "-o",
                "kor2.xlsx");
        assertEquals(0, again.exit(), again.out());
        try (Stream<Path> s = Files.list(cache.resolve("rekenblad"))) {
            assertTrue(s.anyMatch(p -> p.toString().endsWith(".jsa")), "the class-data archive is in the user's cache");
        }
        try (Stream<Path> s = Files.walk(home)) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".jsa")), "nothing is written into the installation");
        }
        Run template = run(home, bin, cache, work, "template", "kia");
        assertEquals(0, template.exit(), template.out());
        assertTrue(Files.exists(work.resolve("kia-investeringsregister.xlsx")));
        Run batch = run(
                home, bin, cache, work, "batch", home.resolve("samples/batch").toString(), "-o", "uit");
        assertTrue(batch.exit() == 0 || batch.exit() == 4, batch.out());
        assertTrue(Files.exists(work.resolve("uit/overzicht.xlsx")), batch.out());
        Run web = run(home, bin, cache, work, "web", "--help");
        assertEquals(0, web.exit(), web.out());
        assertTrue(web.out().contains("REKENBLAD_WEB_WACHTWOORD"), web.out());
        // Through a symbolic link to the launcher, as a user puts it on their PATH.
        Files.createSymbolicLink(bin.resolve("rekenblad"), home.resolve("bin/rekenblad"));
        Run linked = run(home, bin, cache, work, "--version");
        assertEquals(0, linked.exit(), linked.out());
    }

    /** Without any Java, a Dutch line that says where to get one. */
    @Test
    void withoutJavaTheLauncherSaysWhereToGetIt() throws Exception {
        Path zip = built("rekenblad-.*\\.zip");
        unzip(zip, dir.resolve("i"));
        Path home;
        try (Stream<Path> s = Files.list(dir.resolve("i"))) {
            home = s.findFirst().orElseThrow();
        }
        Path bin = Files.createDirectories(dir.resolve("leeg"));
        pad(bin, List.of("sh", "ls", "sed", "dirname"));
        ProcessBuilder pb =
                new ProcessBuilder(home.resolve("bin/rekenblad").toString(), "--version").redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(3, p.waitFor(), out);
        assertTrue(out.contains("geen Java gevonden") && out.contains("adoptium"), out);
    }

    /**
     * The self-contained Linux image runs with no Java on the PATH and JAVA_HOME unset: every regulation on its sample,
     * a batch, the postbus's help; Dutch month names (the locale data is in the image).
     */
    @Test
    void theLinuxImageRunsWithoutAnyJavaInstalled() throws Exception {
        Path tar = built("rekenblad-.*-linux-x64\\.tar\\.gz");
        Path install = Files.createDirectories(dir.resolve("zonder java"));
        Process untar = new ProcessBuilder("tar", "xzf", tar.toAbsolutePath().toString(), "-C", install.toString())
                .redirectErrorStream(true)
                .start();
        assertEquals(0, untar.waitFor(), new String(untar.getInputStream().readAllBytes()));
        Path home;
        try (Stream<Path> s = Files.list(install)) {
            home = s.findFirst().orElseThrow();
        }
        assertTrue(Files.isExecutable(home.resolve("runtime/bin/java")));
        Path bin = Files.createDirectories(dir.resolve("pad"));
        pad(bin, LAUNCHER_TOOLS);
        assertTrue(!Files.exists(bin.resolve("java")));
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path work = Files.createDirectories(dir.resolve("werk"));
        String[][] runs = {
            {"kor", "samples/kor-2017-voorbeeld-2.csv", "-o", "kor.xlsx"},
            {"kia", "samples/kia-2024-2025-register.xlsx", "-o", "kia.xlsx"},
            {"btw", "samples/auditfile-2025.xaf", "-o", "btw.xlsx"},
            {"vu", "samples/vu-2026.csv", "-o", "vu.xlsx"},
            {"winst", "samples/winst-2025-volledig.csv", "-o", "winst.xlsx"}
        };
        for (String[] r : runs) {
            String[] args = r.clone();
            args[1] = home.resolve(r[1]).toString();
            Run run = run(home, bin, cache, work, args);
            assertEquals(0, run.exit(), String.join(" ", r) + ": " + run.out());
            assertTrue(Files.size(work.resolve(r[3])) > 1000, r[0]);
        }
        Run batch = run(
                home, bin, cache, work, "batch", home.resolve("samples/batch").toString(), "-o", "uit");
        assertTrue(batch.exit() == 0 || batch.exit() == 4, batch.out());
        Run postbus = run(home, bin, cache, work, "postbus", "--help");
        assertEquals(0, postbus.exit(), postbus.out());
        webServes(home, bin, cache, work);
        try (var wb =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(work.resolve("winst.xlsx")))) {
            boolean dutch = false;
            for (var sheet : wb) {
                for (var row : sheet) {
                    for (var c : row) {
                        dutch |= c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                                && c.getStringCellValue().contains("januari");
                    }
                }
            }
            assertTrue(dutch, "Dutch month names from the image's locale data");
        }
    }

    /** The tools the launcher uses, for a PATH that has nothing else. */
    private static final List<String> LAUNCHER_TOOLS =
            List.of("sh", "ls", "sed", "awk", "tr", "dirname", "head", "mkdir", "mktemp", "rm", "cp", "mv");

    /** Links {@code tools} from /usr/bin or /bin into {@code bin}: a PATH with only these. */
    private static void pad(Path bin, List<String> tools) throws IOException {
        for (String tool : tools) {
            for (String d : List.of("/usr/bin", "/bin")) {
                if (Files.isExecutable(Path.of(d, tool)) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), Path.of(d, tool));
                }
            }
        }
    }

    /** What {@code mvn -B package} wrote into target/ under a name matching {@code pattern}. */
    private static Path built(String pattern) throws IOException {
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            return s.filter(p -> p.getFileName().toString().matches(pattern))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("nothing like target/" + pattern + ": run mvn -B package"));
        }
    }

    /** {@code web --poort 0} starts, prints its address and serves the page; then it is stopped. */
    private static void webServes(Path home, Path bin, Path cache, Path work) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/rekenblad").toString(), "web", "--poort", "0")
                .directory(work.toFile())
                .redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        Process p = pb.start();
        try {
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("(http://\\S+/)").matcher(String.valueOf(first));
            assertTrue(m.find(), "web prints its address: " + first);
            var page = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(m.group(1)))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Sleep een of meer bestanden"), page.body());
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    record Run(int exit, String out) {}

    private static Run run(Path home, Path bin, Path cache, Path work, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/rekenblad").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.put("PATH", bin.toString());
        env.put("XDG_CACHE_HOME", cache.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        return new Run(p.waitFor(), out);
    }

    private static void unzip(Path zip, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path target = to.resolve(e.getName()).normalize();
                if (!target.startsWith(to)) {
                    throw new IOException("entry outside the folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target);
                    if (e.getName().endsWith("bin/rekenblad")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
    }
}
