package nl.rekenblad.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Dovecot IMAP server, started by a test in a folder of its own: a config file written there, one passwd-file
 * user, Maildir storage, plain IMAP on a free loopback port; {@code dovecot -F} in the foreground, stopped on
 * {@link #close}. Needs {@code dovecot-imapd} (installed by {@code .ci/run}); {@link #available} says whether it is.
 */
public final class Dovecot implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;

    /** How the server is set up. */
    public record Opties(String namespacePrefix, char separator, boolean zonderMove) {
        /** Dovecot's defaults: no prefix, separator "/", MOVE offered. */
        public static Opties standaard() {
            return new Opties("", '/', false);
        }
    }

    private Dovecot(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Whether Dovecot is installed here. */
    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/dovecot"));
    }

    /** Starts Dovecot in {@code dir} with user {@code user} / {@code password}; waits until it accepts connections. */
    public static Dovecot start(Path dir, String user, String password, Opties o) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("home"));
        String uid = run("id", "-u").strip();
        String gid = run("id", "-g").strip();
        Files.writeString(dir.resolve("passwd"), user + ":{PLAIN}" + password + "::::::\n");
        // Dovecot's auth process reads the passwd file as its own user: the folders up to it must be readable.
        for (Path p = dir; p != null && p.getParent() != null; p = p.getParent()) {
            if (Files.getOwner(p).getName().equals(System.getProperty("user.name"))) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        if (uid.equals("0")) {
            // Dovecot never stores mail as root: as root (CI), the mail belongs to nobody.
            uid = "65534";
            gid = "65534";
            run("chown", "-R", "65534:65534", dir.resolve("home").toString());
        }
        List<String> conf = new ArrayList<>(List.of(
                "base_dir = " + dir.resolve("run"),
                "state_dir = " + dir.resolve("run"),
                "log_path = " + dir.resolve("dovecot.log"),
                "protocols = imap",
                "listen = 127.0.0.1",
                "ssl = no",
                "disable_plaintext_auth = no",
                "auth_mechanisms = plain login",
                "first_valid_uid = 0",
                "mail_location = maildir:" + dir.resolve("home") + "/%u/Maildir",
                "passdb {",
                "  driver = passwd-file",
                "  args = scheme=PLAIN username_format=%u " + dir.resolve("passwd"),
                "}",
                "userdb {",
                "  driver = static",
                "  args = uid=" + uid + " gid=" + gid + " home=" + dir.resolve("home") + "/%u",
                "}",
                "service imap-login {",
                "  inet_listener imap {",
                "    address = 127.0.0.1",
                "    port = " + port,
                "  }",
                "  inet_listener imaps {",
                "    port = 0",
                "  }",
                "}",
                "service anvil {",
                "  chroot =",
                "}",
                "service imap-login {",
                "  chroot =",
                "}",
                "namespace inbox {",
                "  inbox = yes",
                "  prefix = " + o.namespacePrefix(),
                "  separator = " + o.separator(),
                "}"));
        if (o.zonderMove()) {
            // Everything Dovecot 2.3 offers after login, except MOVE.
            conf.add(
                    "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES"
                            + " THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE"
                            + " UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH"
                            + " LIST-STATUS BINARY SNIPPET=FUZZY PREVIEW=FUZZY STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE");
        }
        Path cfg = dir.resolve("dovecot.conf");
        Files.write(cfg, conf);
        Process p = new ProcessBuilder("/usr/sbin/dovecot", "-F", "-c", cfg.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("dovecot.out").toFile())
                .start();
        Dovecot d = new Dovecot(p, port, dir);
        Wacht.tot(
                () -> {
                    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                        return true;
                    } catch (IOException e) {
                        if (!p.isAlive()) {
                            throw new IllegalStateException("dovecot stopte: " + read(dir.resolve("dovecot.out"))
                                    + read(dir.resolve("dovecot.log")));
                        }
                        return false;
                    }
                },
                Duration.ofSeconds(20),
                "dovecot luistert op poort " + port);
        return d;
    }

    public int port() {
        return port;
    }

    /** Dovecot's log, for a failing test's message. */
    public String log() {
        return read(dir.resolve("dovecot.log"));
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
