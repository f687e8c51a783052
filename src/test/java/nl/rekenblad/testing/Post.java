package nl.rekenblad.testing;

import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.util.Properties;

/** Mails for the postbus tests and benchmarks: a text and one attachment, with a Message-ID of the test's choosing. */
public final class Post {
    /** A small KOR CSV, what most postbus tests attach. */
    public static final String KOR_CSV = "periode,rubriek,omzet,btw\n2017-Q1,1a,10000,2100\n2017-Q2,1a,1500,315\n"
            + "2017-Q2,5b,,760\n2017-Q3,1a,0,0\n2017-Q4,1a,0,0\n";

    private Post() {}

    /**
     * A mail from {@code from} to {@code to} with "Zie bijlage." and the attachment {@code name} holding {@code content};
     * {@code id} as its Message-ID, or the one JavaMail makes when null.
     */
    public static MimeMessage mail(String from, String to, String subject, String id, String name, byte[] content)
            throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject);
        MimeMultipart mp = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Zie bijlage.");
        mp.addBodyPart(text);
        MimeBodyPart a = new MimeBodyPart();
        a.setContent(content, "text/csv");
        a.setFileName(name);
        a.setDisposition(Part.ATTACHMENT);
        mp.addBodyPart(a);
        m.setContent(mp);
        m.saveChanges();
        if (id != null) {
            m.setHeader("Message-ID", id);
        }
        return m;
    }

    /** A mail with the small KOR CSV as "kor.csv". */
    public static MimeMessage korMail(String from, String to, String subject, String id) throws Exception {
        return mail(from, to, subject, id, "kor.csv", KOR_CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
