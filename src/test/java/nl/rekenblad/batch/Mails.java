package nl.rekenblad.batch;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Writes test mails: .eml with Jakarta Mail, and minimal Outlook .msg files as POIFS storages. */
public final class Mails {
    private Mails() {}

    /** An .eml with a short text and the given attachments (name → bytes), in order. */
    public static void eml(Path file, String subject, Map<String, byte[]> attachments) throws Exception {
        eml(file, subject, java.util.List.copyOf(attachments.entrySet()));
    }

    /** An .eml with the given attachments in order; names may repeat. */
    public static void eml(Path file, String subject, java.util.List<Map.Entry<String, byte[]>> attachments)
            throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("klant@example.nl"));
        m.setSubject(subject, "UTF-8");
        MimeMultipart mp = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hierbij de stukken voor " + subject + ".", "UTF-8");
        mp.addBodyPart(text);
        for (Map.Entry<String, byte[]> a : attachments) {
            MimeBodyPart p = new MimeBodyPart();
            p.setDataHandler(new DataHandler(new ByteArrayDataSource(a.getValue(), "application/octet-stream")));
            p.setFileName(a.getKey());
            p.setDisposition(MimeBodyPart.ATTACHMENT);
            mp.addBodyPart(p);
        }
        m.setContent(mp);
        m.setHeader("Message-ID", "<" + file.getFileName() + "@rekenblad.test>");
        m.saveChanges();
        m.setHeader("Message-ID", "<" + file.getFileName() + "@rekenblad.test>");
        try (OutputStream out = Files.newOutputStream(file)) {
            m.writeTo(out);
        }
    }

    /**
     * A minimal Outlook message: subject and attachments as MAPI property streams (long file name
     * 3707, data 3701) in attachment storages, with the property streams Outlook writes.
     */
    public static void msg(Path file, String subject, Map<String, byte[]> attachments) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            DirectoryEntry root = fs.getRoot();
            root.createDocument("__substg1.0_0037001F", new java.io.ByteArrayInputStream(utf16(subject)));
            root.createDocument("__properties_version1.0", new java.io.ByteArrayInputStream(new byte[32]));
            int i = 0;
            for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
                DirectoryEntry d = root.createDirectory(String.format("__attach_version1.0_#%08X", i++));
                d.createDocument("__substg1.0_3707001F", new java.io.ByteArrayInputStream(utf16(a.getKey())));
                d.createDocument("__substg1.0_3704001F", new java.io.ByteArrayInputStream(utf16(a.getKey())));
                d.createDocument("__substg1.0_37010102", new java.io.ByteArrayInputStream(a.getValue()));
                d.createDocument("__properties_version1.0", new java.io.ByteArrayInputStream(new byte[8]));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
    }

    private static byte[] utf16(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer buf = ByteBuffer.allocate(b.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(b);
        return buf.array();
    }

    static byte[] bytes(ByteArrayOutputStream o) {
        return o.toByteArray();
    }
}
