package nl.rekenblad.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import nl.rekenblad.postbus.Postbus;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Measures the postbus end to end against GreenMail on loopback: N mails with one small KOR CSV each are put in the
 * inbox, then one round receives, works out, replies to and files them all; prints mails per second per size.
 *
 * <p>It lives in the test sources so that GreenMail stays out of the product jar. Run it with
 * {@code mvn -q test -Dtest=PostbusBenchmark -Dmails=200,2000}; it never runs in the suite (its name is no test's,
 * and it needs {@code -Dmails}).
 */
final class PostbusBenchmark {
    private static final String BOX = "btw@kantoor.nl";

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "mails", matches = "[0-9,]+")
    void meet() throws Exception {
        List<Integer> sizes = java.util.Arrays.stream(
                        System.getProperty("mails").split(","))
                .map(Integer::valueOf)
                .toList();
        PrintWriter out = new PrintWriter(System.out, true);
        if (Boolean.getBoolean("dovecot")) {
            dovecot(sizes, out);
        } else {
            run(sizes, out);
        }
    }

    /**
     * The same against a real Dovecot (IMAP, started in a temp folder) with GreenMail's SMTP for the replies: N mails
     * appended to the inbox in one MULTIAPPEND, then one round. {@code -Ddovecot=true}.
     */
    static void dovecot(List<Integer> sizes, PrintWriter out) throws Exception {
        out.println(Bench.machine() + "; Dovecot "
                + new String(new ProcessBuilder("/usr/sbin/dovecot", "--version")
                                .start()
                                .getInputStream()
                                .readAllBytes())
                        .strip()
                + " (IMAP) en GreenMail (SMTP) op loopback");
        out.printf("%8s %12s %10s %10s%n", "mails", "ronde s", "mails/s", "beantwoord");
        for (int n : sizes) {
            Path dir = Files.createTempDirectory("rekenblad-bench");
            GreenMail smtp = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));
            smtp.start();
            smtp.setUser(BOX, BOX, "geheim");
            try (nl.rekenblad.testing.Dovecot d = nl.rekenblad.testing.Dovecot.start(
                    dir.resolve("dovecot"), BOX, "geheim", nl.rekenblad.testing.Dovecot.Opties.standaard())) {
                List<Message> mails = new java.util.ArrayList<>();
                for (int i = 0; i < n; i++) {
                    mails.add(mail(i));
                }
                jakarta.mail.Store s = Session.getInstance(new Properties()).getStore("imap");
                s.connect("127.0.0.1", d.port(), BOX, "geheim");
                s.getFolder("INBOX").appendMessages(mails.toArray(Message[]::new));
                s.close();
                meet(n, d.port(), smtp.getSmtp().getPort(), dir, out);
            } finally {
                smtp.stop();
                Bench.remove(dir);
            }
        }
    }

    private static MimeMessage mail(int i) throws Exception {
        return nl.rekenblad.testing.Post.korMail("klant@bedrijf.nl", BOX, "Aangiften " + i, null);
    }

    /** One timed round of the postbus over the {@code n} mails in the inbox; prints its line. */
    private static void meet(int n, int imapPort, int smtpPort, Path dir, PrintWriter out) throws Exception {
        Postbus.Instellingen cfg = Postbus.instellingen(
                "imap://btw%40kantoor.nl@127.0.0.1:" + imapPort + "/INBOX",
                "smtp://btw%40kantoor.nl@127.0.0.1:" + smtpPort,
                "geheim",
                "Kantoor <" + BOX + ">",
                List.of("klant@bedrijf.nl"),
                dir.resolve("postbus.db"),
                Optional.empty());
        long t = System.nanoTime();
        Postbus.Ronde r;
        try (Postbus p = new Postbus(cfg, new PrintWriter(new StringWriter()), new Postbus.Storing() {})) {
            r = p.eenmaal();
        }
        long ns = System.nanoTime() - t;
        out.printf("%8d %12.2f %10.1f %10d%n", n, ns / 1e9, n * 1e9 / ns, r.beantwoord());
        out.flush();
    }

    static void run(List<Integer> sizes, PrintWriter out) throws Exception {
        out.println(Bench.machine() + "; GreenMail op loopback");
        out.printf("%8s %12s %10s %10s%n", "mails", "ronde s", "mails/s", "beantwoord");
        out.flush();
        round(50, new PrintWriter(new StringWriter()));
        for (int n : sizes) {
            round(n, out);
        }
    }

    private static void round(int n, PrintWriter out) throws Exception {
        GreenMail gm = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        gm.start();
        Path dir = Files.createTempDirectory("rekenblad-bench");
        try {
            GreenMailUser user = gm.setUser(BOX, BOX, "geheim");
            for (int i = 0; i < n; i++) {
                user.deliver(mail(i));
            }
            meet(n, gm.getImap().getPort(), gm.getSmtp().getPort(), dir, out);
        } finally {
            gm.stop();
            Bench.remove(dir);
        }
    }
}
