package nl.rekenblad.postbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once after {@code kill -9}: the postbus runs in a child JVM that is killed with SIGKILL at random moments
 * while it answers, and started again, until a run ends by itself. Over the trials every mail has exactly one reply.
 */
@Tag("langzaam")
class KillTest {
    private static final String BOX = "btw@kantoor.nl";
    private static final String CSV = "periode,rubriek,omzet,btw\n2017-Q1,1a,10000,2100\n2017-Q2,1a,1500,315\n"
            + "2017-Q2,5b,,760\n2017-Q3,1a,0,0\n2017-Q4,1a,0,0\n";

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsEveryMailIsAnsweredExactlyOnce() throws Exception {
        Random random = new Random(20261203);
        int trials = 6;
        int mails = 50;
        int kills = 0;
        for (int trial = 0; trial < trials; trial++) {
            GreenMail gm = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
            gm.start();
            try {
                GreenMailUser user = gm.setUser(BOX, BOX, "geheim");
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < mails; i++) {
                    String id = "<t" + trial + "m" + i + "@bedrijf.nl>";
                    ids.add(id);
                    user.deliver(mail(id, "Aangiften " + i));
                }
                Path status = dir.resolve("postbus-" + trial + ".db");
                boolean done = false;
                for (int run = 0; run < 40 && !done; run++) {
                    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-cp", System.getProperty("java.class.path"), PostbusKind.class.getName(),
                            Integer.toString(gm.getImap().getPort()), Integer.toString(gm.getSmtp().getPort()),
                            status.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("kind.log").toFile())
                            .start();
                    // Let it start and answer some, then kill it without warning; the last runs may finish.
                    long wait = run < 6 ? 600 + random.nextInt(1200) : 60_000;
                    if (p.waitFor(wait, TimeUnit.MILLISECONDS)) {
                        done = p.exitValue() == 0 && gm.getReceivedMessages().length > 0
                                && countInbox(gm) == 0;
                    } else {
                        p.destroyForcibly().waitFor();
                        kills++;
                    }
                }
                assertTrue(done, "a run finished the inbox: " + Files.readString(dir.resolve("kind.log")));
                Map<String, Integer> replies = new TreeMap<>();
                // The customer's own mailbox (each reply also leaves a copy in the box).
                var klant = gm.getUserManager().getUserByEmail("klant@bedrijf.nl");
                for (var stored : gm.getManagers().getImapHostManager().getInbox(klant).getMessages()) {
                    MimeMessage m = stored.getMimeMessage();
                    String[] r = m.getHeader("In-Reply-To");
                    if (r != null) {
                        replies.merge(r[0], 1, Integer::sum);
                    }
                }
                for (String id : ids) {
                    assertEquals(1, replies.getOrDefault(id, 0), "replies to " + id + " in trial " + trial + " after "
                            + kills + " kills");
                }
            } finally {
                gm.stop();
            }
        }
        assertTrue(kills >= trials, "the service was killed " + kills + " times");
        System.out.println("KillTest: " + trials + " trials of " + mails + " mails, " + kills + " kills, every mail answered"
                + " exactly once");
    }

    private static int countInbox(GreenMail gm) throws Exception {
        jakarta.mail.Store s = Session.getInstance(new Properties()).getStore("imap");
        s.connect("127.0.0.1", gm.getImap().getPort(), BOX, "geheim");
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
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("klant@bedrijf.nl"));
        m.setRecipients(Message.RecipientType.TO, BOX);
        m.setSubject(subject);
        MimeMultipart mp = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Zie bijlage.");
        mp.addBodyPart(text);
        MimeBodyPart a = new MimeBodyPart();
        a.setText(CSV, "UTF-8");
        a.setFileName("kor.csv");
        a.setDisposition(Part.ATTACHMENT);
        mp.addBodyPart(a);
        m.setContent(mp);
        m.saveChanges();
        m.setHeader("Message-ID", id);
        return m;
    }
}
