package nl.rekenblad.postbus;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The postbus against a real IMAP and SMTP server in this JVM (GreenMail on loopback): the round trip, strangers,
 * reruns, crashes before and after the reply, a server that goes away, a wrong password, and 1.000 mails.
 */
class PostbusTest {
    private static final String BOX = "btw@kantoor.nl";
    private static final String KLANT = "klant@bedrijf.nl";

    @TempDir
    Path dir;

    private GreenMail gm;
    private GreenMailUser user;
    private final StringWriter log = new StringWriter();

    @BeforeEach
    void start() {
        gm = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        gm.start();
        user = gm.setUser(BOX, BOX, "geheim");
    }

    @AfterEach
    void stop() {
        gm.stop();
    }

    private Postbus.Instellingen cfg(String password) throws Exception {
        return cfg(password, 120);
    }

    /** With {@code wacht} seconds to wait for the copy of a reply after a crash while sending. */
    private Postbus.Instellingen cfg(String password, long wacht) throws Exception {
        MailUri imap = MailUri.parse(
                "imap://btw%40kantoor.nl@127.0.0.1:" + gm.getImap().getPort() + "/INBOX", "--imap", true);
        MailUri smtp = MailUri.parse(
                "smtp://btw%40kantoor.nl@127.0.0.1:" + gm.getSmtp().getPort(), "--smtp", false);
        return new Postbus.Instellingen(
                imap,
                smtp,
                password,
                password,
                new InternetAddress("Kantoor <" + BOX + ">"),
                List.of(KLANT, "@vertrouwd.nl"),
                "Verwerkt",
                "Fouten",
                "Geweigerd",
                Optional.of(dir.resolve("rapport.jsonl")),
                dir.resolve("postbus.db"),
                60,
                3,
                1,
                "Verzonden",
                wacht);
    }

    private Postbus postbus(Postbus.Storing storing) throws Exception {
        return new Postbus(cfg("geheim"), new PrintWriter(log, true), storing);
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of("samples", name));
    }

    private void deliver(String from, String subject, String id, String... attachments) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String a : attachments) {
            files.put(a, sample(a));
        }
        deliver(from, subject, id, files);
    }

    private void deliver(String from, String subject, String id, Map<String, byte[]> attachments) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, BOX);
        m.setSubject(subject);
        MimeMultipart mp = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Zie bijlage.");
        mp.addBodyPart(text);
        for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
            MimeBodyPart p = new MimeBodyPart();
            p.setDataHandler(new jakarta.activation.DataHandler(
                    new jakarta.mail.util.ByteArrayDataSource(a.getValue(), "application/octet-stream")));
            p.setFileName(a.getKey());
            p.setDisposition(Part.ATTACHMENT);
            mp.addBodyPart(p);
        }
        m.setContent(mp);
        m.saveChanges();
        if (id != null) {
            m.setHeader("Message-ID", id);
        }
        user.deliver(m);
    }

    /** The mails delivered to {@code address}'s own mailbox (not the copy each reply leaves in the box). */
    private List<MimeMessage> repliesTo(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        var u = gm.getUserManager().getUserByEmail(address);
        if (u == null) {
            return out;
        }
        for (var s : gm.getManagers().getImapHostManager().getInbox(u).getMessages()) {
            out.add(s.getMimeMessage());
        }
        return out;
    }

    private int count(String folder) throws Exception {
        Properties p = new Properties();
        Store s = Session.getInstance(p).getStore("imap");
        s.connect("127.0.0.1", gm.getImap().getPort(), BOX, "geheim");
        try {
            Folder f = s.getFolder(folder);
            return f.exists() ? f.getMessageCount() : -1;
        } finally {
            s.close();
        }
    }

    @Test
    void mailsWithSampleAttachmentsAreAnsweredWithTheirWorkbooksAndFiled() throws Exception {
        deliver(KLANT, "Aangiften 2017", "<a1@bedrijf.nl>", "kor-2017-voorbeeld-2.csv", "kia-2024-2025-register.xlsx");
        deliver("boekhouder@vertrouwd.nl", "Auditfile", "<a2@vertrouwd.nl>", "auditfile-2025.xaf");
        try (Postbus p = postbus(new Postbus.Storing() {})) {
            Postbus.Ronde r = p.eenmaal();
            assertEquals(2, r.beantwoord(), log.toString());
            assertEquals(3, r.bijlagen());
            assertEquals(0, r.mislukteBijlagen(), log.toString());
        }
        List<MimeMessage> replies = repliesTo(KLANT);
        assertEquals(1, replies.size());
        MimeMessage reply = replies.get(0);
        assertEquals("Re: Aangiften 2017", reply.getSubject());
        assertEquals("<a1@bedrijf.nl>", reply.getHeader("In-Reply-To")[0]);
        assertTrue(reply.getHeader("References")[0].contains("<a1@bedrijf.nl>"));
        List<String> names = new ArrayList<>();
        Multipart mp = (Multipart) reply.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            var part = mp.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                names.add(part.getFileName());
                try (XSSFWorkbook wb = new XSSFWorkbook(part.getInputStream())) {
                    assertTrue(
                            wb.getName("KOR_Vermindering") != null
                                    || wb.getName("KIA_Totaal_2025") != null
                                    || wb.getNumberOfNames() > 0,
                            part.getFileName());
                }
            } else {
                String body = bodyText(part);
                assertTrue(body.contains("kor") && body.contains("ok"), body);
                // Dutch figures: words and euros, not JSON keys and 570.00
                assertTrue(
                        body.contains("te betalen € ")
                                        && !body.contains("teBetalen")
                                        && body.contains("het werkboek zit bij")
                                || body.contains("de werkboeken zitten bij"),
                        body);
                assertTrue(!body.contains("teBetalen"), body);
            }
        }
        assertEquals(List.of("kor-2017-voorbeeld-2.kor.xlsx", "kia-2024-2025-register.kia.xlsx"), names);
        assertEquals(1, repliesTo("boekhouder@vertrouwd.nl").size());
        assertEquals(0, count("INBOX"));
        assertEquals(2, count("Verwerkt"));
        assertTrue(Files.readString(dir.resolve("rapport.jsonl")).lines().count() == 3);
    }

    private static String bodyText(jakarta.mail.BodyPart part) throws Exception {
        Object c = part.getContent();
        if (c instanceof Multipart alt) {
            return (String) alt.getBodyPart(0).getContent();
        }
        return String.valueOf(c);
    }

    @Test
    void anUnexplainedAansluitingIsRepliedAsAWarningNamingQuarterAndAmount() throws Exception {
        deliver(KLANT, "Auditfile", "<o1@bedrijf.nl>", Map.of("boeken.xaf", nl.rekenblad.btw.Auditfiles.onverklaard()));
        try (Postbus p = postbus(new Postbus.Storing() {})) {
            assertEquals(1, p.eenmaal().beantwoord(), log.toString());
        }
        List<MimeMessage> replies = repliesTo(KLANT);
        assertEquals(1, replies.size());
        Multipart mp = (Multipart) replies.get(0).getContent();
        String body = bodyText(mp.getBodyPart(0));
        assertTrue(body.contains("waarschuwing") && body.contains("2025-Q1") && body.contains("niet verklaard"), body);
        assertTrue(!body.contains("btw, ok"), body);
    }

    /**
     * RFC 3834: the box's own address (a loop), an out-of-office reply, a bounce, a mailing list and bulk mail are never
     * answered, also from an allowed domain; each goes to Geweigerd with its reason in the log.
     */
    @Test
    void automaticMailAndTheBoxItselfAreNeverAnswered() throws Exception {
        String[][] cases = {
            {BOX, "Van mezelf", null, null},
            {KLANT, "Afwezig", "Auto-Submitted", "auto-replied"},
            {"mailer-daemon@bedrijf.nl", "Onbestelbaar", null, null},
            {KLANT, "Nieuwsbrief", "List-Id", "<nieuws.bedrijf.nl>"},
            {KLANT, "Reclame", "Precedence", "bulk"}
        };
        int i = 0;
        for (String[] c : cases) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress(c[0]));
            m.setRecipients(Message.RecipientType.TO, BOX);
            m.setSubject(c[1]);
            m.setText("Zie bijlage.");
            if (c[2] != null) {
                m.setHeader(c[2], c[3]);
            }
            m.saveChanges();
            m.setHeader("Message-ID", "<auto" + i++ + "@bedrijf.nl>");
            user.deliver(m);
        }
        try (Postbus p = postbus(new Postbus.Storing() {})) {
            Postbus.Ronde r = p.eenmaal();
            assertEquals(0, r.beantwoord(), log.toString());
            assertEquals(5, r.geweigerd(), log.toString());
        }
        assertEquals(0, repliesTo(KLANT).size());
        assertEquals(0, count("Verzonden"), "no reply went out, so no copy came in");
        assertEquals(5, count("Geweigerd"));
        for (String reason : new String[] {
            "eigen adres", "Auto-Submitted: auto-replied", "mailer-daemon", "List-Id", "Precedence: bulk"
        }) {
            assertTrue(log.toString().contains(reason), reason + " in " + log);
        }
    }

    /**
     * A mail that comes in while a round runs is answered right after it, not after the next interval (here 30 s):
     * the service looks before it waits, and IDLE wakes it on new mail.
     */
    @Test
    void mailArrivingDuringARoundIsAnsweredAtOnceNotAfterTheInterval() throws Exception {
        Postbus.Instellingen c = cfg("geheim");
        Postbus.Instellingen slow = new Postbus.Instellingen(
                c.imap(),
                c.smtp(),
                c.imapWachtwoord(),
                c.smtpWachtwoord(),
                c.van(),
                c.afzenders(),
                c.verwerkt(),
                c.fouten(),
                c.geweigerd(),
                c.rapport(),
                c.status(),
                60,
                3,
                30,
                c.verzonden(),
                c.wachtSeconden());
        deliver(KLANT, "Eerste", "<i1@bedrijf.nl>", "kor-2017-voorbeeld-2.csv");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean tweede = new AtomicBoolean();
        try (Postbus p = new Postbus(slow, new PrintWriter(log, true), new Postbus.Storing() {
            @Override
            public void voorAntwoord(String sleutel) {
                // the second mail arrives while the first is being answered
                if (tweede.compareAndSet(false, true)) {
                    try {
                        deliver(KLANT, "Tweede", "<i2@bedrijf.nl>", "kor-2017-voorbeeld-2.csv");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        })) {
            Thread t = new Thread(() -> {
                try {
                    p.draai(stop);
                } catch (Exception e) {
                    log.write("draai: " + e);
                }
            });
            long start = System.nanoTime();
            t.start();
            nl.rekenblad.testing.Wacht.tot(
                    () -> {
                        try {
                            return repliesTo(KLANT).size() == 2;
                        } catch (Exception e) {
                            return false;
                        }
                    },
                    java.time.Duration.ofSeconds(20),
                    "both mails answered well within the 30 s interval");
            long ms = (System.nanoTime() - start) / 1_000_000;
            stop.set(true);
            t.join(40_000);
            assertTrue(ms < 15_000, "answered after " + ms + " ms");
        }
    }

    @Test
    void aStrangerGetsNoReplyAndGoesToGeweigerd() throws Exception {
        deliver("onbekend@elders.nl", "Hallo", "<x@elders.nl>", "kor-2017-voorbeeld-2.csv");
        try (Postbus p = postbus(new Postbus.Storing() {})) {
            assertEquals(1, p.eenmaal().geweigerd());
        }
        assertEquals(0, repliesTo("onbekend@elders.nl").size());
        assertEquals(1, count("Geweigerd"));
        assertTrue(log.toString().contains("geweigerd mail Hallo van onbekend@elders.nl"), log.toString());
    }

    @Test
    void aRerunSendsNothingNew() throws Exception {
        deliver(KLANT, "Eén keer", "<r1@bedrijf.nl>", "kor-2017-voorbeeld-2.csv");
        try (Postbus p = postbus(new Postbus.Storing() {})) {
            p.eenmaal();
            Postbus.Ronde again = p.eenmaal();
            assertEquals(0, again.mails());
        }
        assertEquals(1, repliesTo(KLANT).size());
    }

    /** A crash of the service: an Error that nothing catches. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aCrashAfterTheReplyButBeforeTheMoveSendsNoSecondReply() throws Exception {
        deliver(KLANT, "Na het antwoord", "<c1@bedrijf.nl>", "kor-2017-voorbeeld-2.csv");
        try (Postbus p = postbus(new Postbus.Storing() {
            @Override
            public void naAntwoord(String sleutel) {
                throw new Crash();
            }
        })) {
            assertThrows(Crash.class, p::eenmaal);
        }
        assertEquals(1, repliesTo(KLANT).size());
        assertEquals(2, count("INBOX"), "the mail and the copy of its reply");
        try (Postbus restarted = postbus(new Postbus.Storing() {})) {
            restarted.eenmaal();
        }
        assertEquals(1, repliesTo(KLANT).size());
        assertEquals(0, count("INBOX"));
        assertEquals(1, count("Verwerkt"));
        assertEquals(1, count("Verzonden"));
        assertTrue(log.toString().contains("al beantwoord"), log.toString());
    }

    @Test
    void aCrashBeforeTheReplyGetsTheMailProcessedOnceAfterRestart() throws Exception {
        deliver(KLANT, "Voor het antwoord", "<c2@bedrijf.nl>", "kor-2017-voorbeeld-2.csv");
        try (Postbus p = postbus(new Postbus.Storing() {
            @Override
            public void voorAntwoord(String sleutel) {
                throw new Crash();
            }
        })) {
            assertThrows(Crash.class, p::eenmaal);
        }
        assertEquals(0, repliesTo(KLANT).size());
        // Interrupted in VERZENDEN: a restart first waits for the copy of a reply that may have gone out ...
        try (Postbus restarted = postbus(new Postbus.Storing() {})) {
            assertEquals(0, restarted.eenmaal().beantwoord());
        }
        assertTrue(log.toString().contains("wachten op de kopie"), log.toString());
        assertEquals(0, repliesTo(KLANT).size());
        // ... and with no copy after the wait (here 0 s), answers once.
        try (Postbus restarted = new Postbus(cfg("geheim", 0), new PrintWriter(log, true), new Postbus.Storing() {})) {
            assertEquals(1, restarted.eenmaal().beantwoord());
        }
        assertEquals(1, repliesTo(KLANT).size());
        assertEquals(1, count("Verwerkt"));
    }

    @Test
    void aMailWithoutUsableAttachmentGetsAShortReplySayingWhatIsAccepted() throws Exception {
        deliver(KLANT, "Zomaar", "<z@bedrijf.nl>");
        try (Postbus p = postbus(new Postbus.Storing() {})) {
            p.eenmaal();
        }
        MimeMessage reply = repliesTo(KLANT).get(0);
        String body = bodyText(((Multipart) reply.getContent()).getBodyPart(0));
        assertTrue(body.contains("geen bijlage die rekenblad kan verwerken") && body.contains("Auditfile"), body);
        assertEquals(1, count("Verwerkt"));
    }

    @Test
    void aWrongPasswordIsAClearFault() throws Exception {
        try (Postbus p = new Postbus(cfg("fout"), new PrintWriter(log, true), new Postbus.Storing() {})) {
            Postbus.PostbusException e = assertThrows(Postbus.PostbusException.class, p::eenmaal);
            assertTrue(
                    e.getMessage().contains("aanmelden bij") && e.getMessage().contains("mislukt"), e.getMessage());
        }
    }

    /** The service keeps going while the server is away, and answers once it is back. */
    @Test
    void aDroppedConnectionLeadsToReconnectingAndTheServiceGoesOn() throws Exception {
        Postbus.Instellingen c = cfg("geheim");
        int imapPort = gm.getImap().getPort();
        int smtpPort = gm.getSmtp().getPort();
        gm.stop();
        AtomicBoolean stop = new AtomicBoolean();
        Thread t;
        try (Postbus p = new Postbus(c, new PrintWriter(log, true), new Postbus.Storing() {})) {
            t = new Thread(() -> {
                try {
                    p.draai(stop);
                } catch (Exception e) {
                    log.write("draai: " + e);
                }
            });
            t.start();
            nl.rekenblad.testing.Wacht.tot(
                    () -> log.toString().contains("verbinding:"),
                    java.time.Duration.ofSeconds(30),
                    "de dienst meldt de verbroken verbinding");
            gm = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", "smtp"), new ServerSetup(imapPort, "127.0.0.1", "imap")
            });
            gm.start();
            user = gm.setUser(BOX, BOX, "geheim");
            deliver(KLANT, "Na de storing", "<d1@bedrijf.nl>", "kor-2017-voorbeeld-2.csv");
            nl.rekenblad.testing.Wacht.tot(
                    () -> {
                        try {
                            return !repliesTo(KLANT).isEmpty();
                        } catch (Exception e) {
                            return false;
                        }
                    },
                    java.time.Duration.ofSeconds(20),
                    "een antwoord na de storing");
            stop.set(true);
            t.join(10_000);
        }
        assertEquals(1, repliesTo(KLANT).size(), log.toString());
    }

    /**
     * A real SMTP server of a few lines that refuses every recipient (550), as a server does for a mailbox it will not
     * deliver to: GreenMail accepts everything.
     */
    private static java.net.ServerSocket refusingSmtp() throws Exception {
        java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (java.net.Socket s = server.accept();
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                                s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
                        var out = new java.io.PrintWriter(s.getOutputStream(), true)) {
                    out.print("220 weigeraar ESMTP\r\n");
                    out.flush();
                    String line;
                    while ((line = in.readLine()) != null) {
                        String c = line.toUpperCase(java.util.Locale.ROOT);
                        if (c.startsWith("EHLO") || c.startsWith("HELO")) {
                            out.print("250 weigeraar\r\n");
                        } else if (c.startsWith("RCPT")) {
                            out.print("550 5.1.1 mailbox unavailable\r\n");
                        } else if (c.startsWith("QUIT")) {
                            out.print("221 bye\r\n");
                            out.flush();
                            break;
                        } else {
                            out.print("250 ok\r\n");
                        }
                        out.flush();
                    }
                } catch (java.io.IOException e) {
                    // the test closed the server
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void aReplyTheSmtpServerRefusesStaysForTheNextRoundAndIsFiledInFoutenAfterThreeAttempts() throws Exception {
        deliver(KLANT, "Geweigerd antwoord", "<s1@bedrijf.nl>", "kor-2017-voorbeeld-2.csv");
        try (java.net.ServerSocket smtp = refusingSmtp()) {
            Postbus.Instellingen c = cfg("geheim");
            Postbus.Instellingen refusing = new Postbus.Instellingen(
                    c.imap(),
                    MailUri.parse("smtp://btw%40kantoor.nl@127.0.0.1:" + smtp.getLocalPort(), "--smtp", false),
                    c.imapWachtwoord(),
                    c.smtpWachtwoord(),
                    c.van(),
                    c.afzenders(),
                    c.verwerkt(),
                    c.fouten(),
                    c.geweigerd(),
                    c.rapport(),
                    c.status(),
                    c.secondenPerBijlage(),
                    3,
                    c.intervalSeconden());
            try (Postbus p = new Postbus(refusing, new PrintWriter(log, true), new Postbus.Storing() {})) {
                p.eenmaal();
                assertEquals(1, count("INBOX"));
                p.eenmaal();
                assertEquals(1, count("INBOX"));
                p.eenmaal();
            }
        }
        assertEquals(0, count("INBOX"));
        assertEquals(1, count("Fouten"));
        assertTrue(
                log.toString().contains("poging 1 van 3") && log.toString().contains("3 keer geweigerd"),
                log.toString());
        assertEquals(0, repliesTo(KLANT).size());
    }

    private static final int N = Integer.getInteger("postbus.mails", 1000);

    @Test
    @org.junit.jupiter.api.Tag("langzaam")
    void aThousandMailsInOneRunAreAllAnsweredExactlyOnce() throws Exception {
        for (int i = 0; i < N; i++) {
            deliver(KLANT, "Mail " + i, "<m" + i + "@bedrijf.nl>", "kor-2017-voorbeeld-1.csv");
        }
        try (Postbus p = postbus(new Postbus.Storing() {})) {
            Postbus.Ronde r = p.eenmaal();
            assertEquals(
                    N, r.beantwoord(), log.toString().lines().limit(5).toList().toString());
        }
        List<MimeMessage> replies = repliesTo(KLANT);
        assertEquals(N, replies.size());
        assertEquals(
                N,
                replies.stream()
                        .map(m -> {
                            try {
                                return m.getHeader("In-Reply-To")[0];
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .distinct()
                        .count());
        assertEquals(N, count("Verwerkt"));
    }
}
