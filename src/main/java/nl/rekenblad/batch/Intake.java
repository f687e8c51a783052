package nl.rekenblad.batch;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Turns the inputs of a batch (files and folders, recursively) into the attachments to process:
 * the attachments of .eml and .msg mails, and plain workbooks and CSV files. The inputs are only
 * read. An attachment larger than {@link #MAX_BIJLAGE} is kept out with an error.
 */
public final class Intake {
    /** Attachments and files larger than this are not processed. */
    public static final long MAX_BIJLAGE = 20L * 1024 * 1024;
    /** A mail larger than this is not opened. */
    public static final long MAX_MAIL = 60L * 1024 * 1024;
    /** One mail session for parsing only (nothing is sent or fetched); making one per mail cost more than parsing it. */
    private static final Session SESSION = Session.getInstance(new Properties());

    private Intake() {}

    /** Every attachment of every input, in a stable order (folders sorted by path). */
    public static List<Bijlage> lees(List<Path> inputs) throws IOException {
        List<Bijlage> out = new ArrayList<>();
        for (Path f : bestanden(inputs)) {
            out.addAll(lees(f));
        }
        return out;
    }

    /** The files to take in: each input file, and the files in each input folder (recursively, sorted by path). */
    public static List<Path> bestanden(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) {
                    s.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(in);
            }
        }
        return files;
    }

    /** The attachments of one mail, or the file itself; never throws (an unreadable mail becomes an error entry). */
    public static List<Bijlage> lees(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(f)) {
            return List.of(Bijlage.onleesbaar(f.toString(), "bestand niet gevonden"));
        } else if (name.endsWith(".eml")) {
            return eml(f);
        } else if (name.endsWith(".msg")) {
            return msg(f);
        }
        return List.of(Bijlage.bestand(f));
    }

    /**
     * The attachments of a mail already in memory (a message fetched from a mailbox), {@code label} standing for the
     * mail in the report; never throws: an unreadable part becomes an error entry. Empty when it has no attachments.
     */
    public static List<Bijlage> bijlagen(jakarta.mail.Part message, String label) {
        List<Bijlage> out = new ArrayList<>();
        try {
            walk(message, label, new Namen(), out, 0);
        } catch (Exception e) {
            return List.of(Bijlage.onleesbaar(label, "mail niet te lezen: " + firstLine(e)));
        }
        return out;
    }

    static List<Bijlage> eml(Path mail) {
        String bron = mail.toString();
        List<Bijlage> out = new ArrayList<>();
        try {
            if (Files.size(mail) > MAX_MAIL) {
                return List.of(Bijlage.onleesbaar(bron, "mail is te groot (" + Files.size(mail) + " bytes)"));
            }
            try (InputStream in = Files.newInputStream(mail)) {
                MimeMessage m = new MimeMessage(SESSION, in);
                walk(m, bron, new Namen(), out, 0);
            }
        } catch (Exception e) {
            return List.of(Bijlage.onleesbaar(bron, "mail niet te lezen: " + firstLine(e)));
        }
        if (out.isEmpty()) {
            out.add(Bijlage.onleesbaar(bron, "geen bijlagen in de mail"));
        }
        return out;
    }

    /**
     * Collects the attachments of {@code p}: the parts of a multipart, the attachments of a forwarded message
     * (message/rfc822) as if they were the mail's own, and each file part. A part that cannot be decoded (bad
     * base64) fails only itself: it becomes an error entry and the other attachments go on.
     */
    private static void walk(Part p, String mail, Namen namen, List<Bijlage> out, int depth) throws Exception {
        if (depth > 20) {
            return;
        }
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                walk(bp, mail, namen, out, depth + 1);
            }
            return;
        }
        if (p.isMimeType("message/rfc822")) {
            Object forwarded;
            try {
                forwarded = p.getContent();
            } catch (Exception e) {
                out.add(Bijlage.onleesbaar(
                        mail, namen.uniek("doorgestuurd bericht"), "doorgestuurd bericht niet te lezen"));
                return;
            }
            if (forwarded instanceof Part inner) {
                walk(inner, mail, namen, out, depth + 1);
            }
            return;
        }
        String file = p.getFileName();
        if (file == null && !Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
            return;
        }
        String decoded = file == null ? "bijlage" : MimeUtility.decodeText(file);
        String naam = namen.uniek(decoded);
        byte[] data;
        try (InputStream in = p.getInputStream()) {
            data = in.readNBytes((int) MAX_BIJLAGE + 1);
        } catch (Exception e) {
            out.add(Bijlage.onleesbaar(mail, naam, "bijlage niet te decoderen (beschadigde codering, bijv. base64)"));
            return;
        }
        if (data.length > MAX_BIJLAGE) {
            out.add(Bijlage.onleesbaar(mail, naam, "bijlage is te groot (meer dan " + MAX_BIJLAGE + " bytes)"));
        } else {
            out.add(Bijlage.vanMail(mail, naam, data));
        }
    }

    static List<Bijlage> msg(Path mail) {
        String bron = mail.toString();
        List<Bijlage> out = new ArrayList<>();
        try {
            if (Files.size(mail) > MAX_MAIL) {
                return List.of(Bijlage.onleesbaar(bron, "mail is te groot (" + Files.size(mail) + " bytes)"));
            }
            try (InputStream in = Files.newInputStream(mail);
                    MAPIMessage m = new MAPIMessage(in)) {
                Namen namen = new Namen();
                for (AttachmentChunks a : m.getAttachmentFiles()) {
                    String file = a.getAttachLongFileName() != null
                            ? a.getAttachLongFileName().getValue()
                            : a.getAttachFileName() != null
                                    ? a.getAttachFileName().getValue()
                                    : "bijlage";
                    byte[] data = a.getEmbeddedAttachmentObject();
                    if (data == null) {
                        continue;
                    }
                    String naam = namen.uniek(file);
                    out.add(
                            data.length > MAX_BIJLAGE
                                    ? Bijlage.onleesbaar(bron, naam, "bijlage is te groot")
                                    : Bijlage.vanMail(bron, naam, data));
                }
            }
        } catch (Exception e) {
            return List.of(Bijlage.onleesbaar(bron, "Outlook-bericht (.msg) niet te lezen: " + firstLine(e)));
        }
        if (out.isEmpty()) {
            out.add(Bijlage.onleesbaar(bron, "geen bijlagen in de mail"));
        }
        return out;
    }

    /** What went wrong, for a person: the message's first line without Java's class names, or nothing. */
    static String firstLine(Exception e) {
        String r = nl.rekenblad.internal.io.Messages.reason(e);
        return r.isEmpty() ? "de opbouw klopt niet" : r.substring(2, r.length() - 1);
    }
}
