package nl.rekenblad.postbus;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import nl.rekenblad.testing.Dovecot;
import nl.rekenblad.testing.Wacht;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The postbus against a real Dovecot 2.3 (started by the test, see {@link Dovecot}) for what GreenMail does not do:
 * a Courier/cPanel-style personal namespace ({@code INBOX.} with separator {@code .}), a server that does not offer
 * MOVE, and IDLE waking on a new mail. Replies go out through GreenMail's SMTP.
 */
class DovecotTest {
    private static final String BOX = "btw@kantoor.nl";
    private static final String KLANT = "klant@bedrijf.nl";

    @TempDir
    Path dir;

    private GreenMail smtp;
    private final StringWriter log = new StringWriter();

    @BeforeEach
    void smtp() {
        assumeTrue(Dovecot.available(), "dovecot-imapd is not installed (.ci/run installs it)");
        smtp = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));
        smtp.start();
        smtp.setUser(BOX, BOX, "geheim");
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private Postbus.Instellingen cfg(int imapPort, long interval) throws Exception {
        Postbus.Instellingen d = Postbus.instellingen(
                "imap://btw%40kantoor.nl@127.0.0.1:" + imapPort + "/INBOX",
                "smtp://btw%40kantoor.nl@127.0.0.1:" + smtp.getSmtp().getPort(),
                "geheim",
                "Kantoor <" + BOX + ">",
                List.of("@bedrijf.nl"),
                dir.resolve("postbus.db"),
                Optional.empty());
        return new Postbus.Instellingen(
                d.imap(),
                d.smtp(),
                d.imapWachtwoord(),
                d.smtpWachtwoord(),
                d.van(),
                d.afzenders(),
                d.verwerkt(),
                d.fouten(),
                d.geweigerd(),
                d.rapport(),
                d.status(),
                60,
                3,
                interval,
                d.verzonden(),
                0);
    }

    private static Store connect(int port) throws Exception {
        Store s = Session.getInstance(new Properties()).getStore("imap");
        s.connect("127.0.0.1", port, BOX, "geheim");
        return s;
    }

    /** Puts a mail with the sample KOR CSV into the box's inbox (IMAP APPEND). */
    private static void deliver(int port, String id) throws Exception {
        MimeMessage m = nl.rekenblad.testing.Post.mail(
                KLANT,
                BOX,
                "Aangiften " + id,
                "<" + id + "@bedrijf.nl>",
                "kor.csv",
                Files.readAllBytes(Path.of("samples/kor-2017-voorbeeld-2.csv")));
        try (Store s = connect(port)) {
            Folder inbox = s.getFolder("INBOX");
            inbox.appendMessages(new Message[] {m});
        }
    }

    private static int count(int port, String folder) throws Exception {
        try (Store s = connect(port)) {
            Folder f = s.getFolder(folder);
            return f.exists() ? f.getMessageCount() : -1;
        }
    }

    private int replies() throws Exception {
        var u = smtp.getUserManager().getUserByEmail(KLANT);
        return u == null
                ? 0
                : smtp.getManagers()
                        .getImapHostManager()
                        .getInbox(u)
                        .getMessages()
                        .size();
    }

    /** Courier/cPanel: every folder lives under "INBOX." with "." between the parts. */
    @Test
    void foldersAreMadeUnderThePersonalNamespaceWithTheServersSeparator() throws Exception {
        try (Dovecot d =
                Dovecot.start(dir.resolve("dovecot"), BOX, "geheim", new Dovecot.Opties("INBOX.", '.', false))) {
            deliver(d.port(), "ns1");
            try (Postbus p = new Postbus(cfg(d.port(), 60), new PrintWriter(log, true), new Postbus.Storing() {})) {
                assertEquals(1, p.eenmaal().beantwoord(), log + d.log());
            }
            assertEquals(1, replies());
            assertEquals(0, count(d.port(), "INBOX"));
            assertEquals(1, count(d.port(), "INBOX.Verwerkt"));
            for (String f : List.of("INBOX.Fouten", "INBOX.Geweigerd", "INBOX.Verzonden")) {
                assertEquals(0, count(d.port(), f), f);
            }
        }
    }

    /** A server that does not offer MOVE: copied, marked deleted and expunged by UID; nothing left behind. */
    @Test
    void aServerWithoutMoveGetsCopyDeleteAndExpunge() throws Exception {
        try (Dovecot d = Dovecot.start(dir.resolve("dovecot"), BOX, "geheim", new Dovecot.Opties("", '/', true))) {
            try (Store s = connect(d.port())) {
                assertTrue(!((org.eclipse.angus.mail.imap.IMAPStore) s).hasCapability("MOVE"), "MOVE is not offered");
            }
            deliver(d.port(), "mv1");
            deliver(d.port(), "mv2");
            try (Postbus p = new Postbus(cfg(d.port(), 60), new PrintWriter(log, true), new Postbus.Storing() {})) {
                assertEquals(2, p.eenmaal().beantwoord(), log + d.log());
            }
            assertEquals(2, replies());
            assertEquals(0, count(d.port(), "INBOX"));
            assertEquals(2, count(d.port(), "Verwerkt"));
        }
    }

    /** With IDLE, a new mail is answered within seconds although the interval is a minute. */
    @Test
    void idleWakesTheServiceOnANewMail() throws Exception {
        try (Dovecot d = Dovecot.start(dir.resolve("dovecot"), BOX, "geheim", Dovecot.Opties.standaard())) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean wacht = new AtomicBoolean();
            try (Postbus p = new Postbus(cfg(d.port(), 60), new PrintWriter(log, true), new Postbus.Storing() {
                @Override
                public void wachtOpPost() {
                    wacht.set(true);
                }

                @Override
                public void naAntwoord(String sleutel) {
                    wacht.set(false);
                }
            })) {
                Thread t = new Thread(() -> {
                    try {
                        p.draai(stop);
                    } catch (Exception e) {
                        log.write("draai: " + e);
                    }
                });
                t.start();
                // The first (empty) round done, the service waits for mail.
                Wacht.tot(wacht::get, Duration.ofSeconds(20), "the service waits for mail");
                long start = System.nanoTime();
                deliver(d.port(), "idle1");
                Wacht.tot(
                        () -> {
                            try {
                                return replies() == 1;
                            } catch (Exception e) {
                                return false;
                            }
                        },
                        Duration.ofSeconds(30),
                        "an answer while the interval is 60 s: " + log);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms < 20_000, "answered after " + ms + " ms");
                // SIGTERM's path: the stop flag and a wake-up end the IDLE within moments, not at the 60 s interval.
                Wacht.tot(wacht::get, Duration.ofSeconds(20), "back in IDLE");
                long stopStart = System.nanoTime();
                stop.set(true);
                p.wekOp();
                t.join(30_000);
                long stopMs = (System.nanoTime() - stopStart) / 1_000_000;
                assertTrue(!t.isAlive() && stopMs < 5_000, "stopped after " + stopMs + " ms");
            }
        }
    }
}
