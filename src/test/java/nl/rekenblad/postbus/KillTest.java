package nl.rekenblad.postbus;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly once after {@code kill -9}: the postbus runs in a child JVM that is killed with SIGKILL at random moments
 * while it answers, and started again, until a run ends by itself. Over the trials every mail has exactly one reply.
 */
@Tag("langzaam")
class KillTest {
    private static final String BOX = "btw@kantoor.nl";

    @TempDir
    Path dir;

    /** The servers of one trial, as the test sees them. */
    private interface Servers extends AutoCloseable {
        int imapPort();

        int smtpPort();

        void deliver(MimeMessage m) throws Exception;

        int inbox() throws Exception;

        /** The replies delivered to the customer, by the mail they answer (In-Reply-To). */
        Map<String, Integer> replies() throws Exception;
    }

    @Test
    void killedAtRandomMomentsEveryMailIsAnsweredExactlyOnce() throws Exception {
        trials("GreenMail", 6, 50, trial -> {
            GreenMail gm = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
            gm.start();
            GreenMailUser user = gm.setUser(BOX, BOX, "geheim");
            return new Servers() {
                public int imapPort() {
                    return gm.getImap().getPort();
                }

                public int smtpPort() {
                    return gm.getSmtp().getPort();
                }

                public void deliver(MimeMessage m) {
                    user.deliver(m);
                }

                public int inbox() throws Exception {
                    return countInbox(gm.getImap().getPort());
                }

                public Map<String, Integer> replies() throws Exception {
                    Map<String, Integer> r = new TreeMap<>();
                    var klant = gm.getUserManager().getUserByEmail("klant@bedrijf.nl");
                    if (klant != null) {
                        for (var stored : gm.getManagers()
                                .getImapHostManager()
                                .getInbox(klant)
                                .getMessages()) {
                            String[] h = stored.getMimeMessage().getHeader("In-Reply-To");
                            if (h != null) {
                                r.merge(h[0], 1, Integer::sum);
                            }
                        }
                    }
                    return r;
                }

                public void close() {
                    gm.stop();
                }
            };
        });
    }

    /**
     * The same against a real Dovecot, with an SMTP receiver that stores the box's copy of each reply in Dovecot before
     * it accepts the reply, as a mail server does.
     */
    @Test
    void killedAtRandomMomentsAgainstDovecotEveryMailIsAnsweredExactlyOnce() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                nl.rekenblad.testing.Dovecot.available(), "dovecot-imapd not installed");
        trials("Dovecot", 3, 100, trial -> {
            nl.rekenblad.testing.Dovecot d = nl.rekenblad.testing.Dovecot.start(
                    dir.resolve("dovecot-" + trial), BOX, "geheim", nl.rekenblad.testing.Dovecot.Opties.standaard());
            nl.rekenblad.testing.Smtp smtp = new nl.rekenblad.testing.Smtp((aan, bytes) -> {
                if (aan.equals(BOX)) {
                    try {
                        append(
                                d.port(),
                                new MimeMessage(
                                        Session.getInstance(new Properties()),
                                        new java.io.ByteArrayInputStream(bytes)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            return new Servers() {
                public int imapPort() {
                    return d.port();
                }

                public int smtpPort() {
                    return smtp.port();
                }

                public void deliver(MimeMessage m) throws Exception {
                    append(d.port(), m);
                }

                public int inbox() throws Exception {
                    return countInbox(d.port());
                }

                public Map<String, Integer> replies() throws Exception {
                    Map<String, Integer> r = new TreeMap<>();
                    for (var b : smtp.ontvangen()) {
                        if (b.aan().equals("klant@bedrijf.nl")) {
                            String[] h = new MimeMessage(
                                            Session.getInstance(new Properties()),
                                            new java.io.ByteArrayInputStream(b.inhoud()))
                                    .getHeader("In-Reply-To");
                            if (h != null) {
                                r.merge(h[0], 1, Integer::sum);
                            }
                        }
                    }
                    return r;
                }

                public void close() throws Exception {
                    smtp.close();
                    d.close();
                }
            };
        });
    }

    private interface Opzet {
        Servers start(int trial) throws Exception;
    }

    private void trials(String naam, int trials, int mails, Opzet opzet) throws Exception {
        Random random = new Random(20261203);
        int kills = 0;
        for (int trial = 0; trial < trials; trial++) {
            try (Servers srv = opzet.start(trial)) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < mails; i++) {
                    String id = "<t" + trial + "m" + i + "@bedrijf.nl>";
                    ids.add(id);
                    srv.deliver(mail(id, "Aangiften " + i));
                }
                Path status = dir.resolve(naam + "-postbus-" + trial + ".db");
                boolean done = false;
                for (int run = 0; run < 40 && !done; run++) {
                    Process p = new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-cp",
                                    System.getProperty("java.class.path"),
                                    PostbusKind.class.getName(),
                                    Integer.toString(srv.imapPort()),
                                    Integer.toString(srv.smtpPort()),
                                    status.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve("kind.log").toFile())
                            .start();
                    // Let it start and answer some, then kill it without warning; the last runs may finish. The
                    // window starts about when the service has started (a small kor job now takes milliseconds).
                    long wait = run < 6 ? 400 + random.nextInt(1400) : 60_000;
                    if (p.waitFor(wait, TimeUnit.MILLISECONDS)) {
                        done = p.exitValue() == 0 && srv.inbox() == 0;
                    } else {
                        p.destroyForcibly().waitFor();
                        kills++;
                    }
                }
                assertTrue(done, naam + ": a run finished the inbox: " + Files.readString(dir.resolve("kind.log")));
                Map<String, Integer> replies = srv.replies();
                for (String id : ids) {
                    assertEquals(
                            1,
                            replies.getOrDefault(id, 0),
                            naam + ": replies to " + id + " in trial " + trial + " after " + kills + " kills");
                }
            }
        }
        assertTrue(kills >= trials, "the service was killed " + kills + " times");
        System.out.println("KillTest " + naam + ": " + trials + " trials of " + mails + " mails, " + kills + " kills,"
                + " every mail answered exactly once");
    }

    private static void append(int port, MimeMessage m) throws Exception {
        jakarta.mail.Store s = Session.getInstance(new Properties()).getStore("imap");
        s.connect("127.0.0.1", port, BOX, "geheim");
        try {
            s.getFolder("INBOX").appendMessages(new Message[] {m});
        } finally {
            s.close();
        }
    }

    private static int countInbox(int port) throws Exception {
        jakarta.mail.Store s = Session.getInstance(new Properties()).getStore("imap");
        s.connect("127.0.0.1", port, BOX, "geheim");
        try {
            jakarta.mail.Folder f = s.getFolder("INBOX");
            f.open(jakarta.mail.Folder.READ_ONLY);
            try {
                return f.getMessageCount();
            } finally {
                f.close(false);
            }
        } finally {
            s.close();
        }
    }

    private static MimeMessage mail(String id, String subject) throws Exception {
        return nl.rekenblad.testing.Post.korMail("klant@bedrijf.nl", BOX, subject, id);
    }
}
