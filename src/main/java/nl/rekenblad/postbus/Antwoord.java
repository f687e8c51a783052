package nl.rekenblad.postbus;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import nl.rekenblad.batch.Batch;
import nl.rekenblad.batch.Verslag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The reply to a mail: to its sender only (never a Reply-To, which a forger could set), "Re: …", In-Reply-To and
 * References set, a Dutch summary as plain text and HTML (per attachment: file, soort, status, key figures, message),
 * and the output workbooks attached. Its Message-ID follows from the mail's, so a reply sent twice in the one
 * window that no mail system can close carries the same Message-ID and a mail client shows it once.
 */
final class Antwoord {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The header that names the mail a reply answers (its journal key): the box knows its own copies by it. */
    static final String SLEUTEL = "X-Rekenblad-Sleutel";

    private Antwoord() {}

    static MimeMessage maak(
            MimeMessage origineel, InternetAddress van, String aan, List<Batch.Verwerkt> uit, String sleutel)
            throws MessagingException {
        MimeMessage basis = (MimeMessage) origineel.reply(false);
        MimeMessage r = new FixedIdMessage(id(sleutel, van));
        for (String h : new String[] {"Subject", "In-Reply-To", "References"}) {
            String[] v = basis.getHeader(h);
            if (v != null && v.length > 0) {
                r.setHeader(h, v[0]);
            }
        }
        r.setFrom(van);
        // RFC 3834: an automatic reply, which other automatic responders must not answer.
        r.setHeader("Auto-Submitted", "auto-replied");
        r.setHeader(SLEUTEL, sleutel.replaceAll("[\\r\\n]", " "));
        r.setRecipients(Message.RecipientType.TO, new InternetAddress[] {new InternetAddress(aan)});
        r.setRecipients(Message.RecipientType.CC, (jakarta.mail.Address[]) null);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeMultipart alt = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(tekst(uit), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(html(uit), "text/html; charset=UTF-8");
        alt.addBodyPart(text);
        alt.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alt);
        mixed.addBodyPart(body);
        for (Batch.Verwerkt u : uit) {
            if (u.werkboek().isPresent()) {
                MimeBodyPart a = new MimeBodyPart();
                a.setDataHandler(new jakarta.activation.DataHandler(
                        new ByteArrayDataSource(u.werkboek().get(), XLSX)));
                a.setFileName(u.bestandsnaam());
                a.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(a);
            }
        }
        r.setContent(mixed);
        r.saveChanges();
        return r;
    }

    /** The reply's Message-ID: a hash of the mail's key, on the sender's domain. */
    static String id(String sleutel, InternetAddress van) {
        try {
            String h = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(sleutel.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
            String a = van.getAddress();
            String domain = a != null && a.contains("@") ? a.substring(a.indexOf('@') + 1) : "rekenblad.local";
            return "<rekenblad." + h + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tekst(List<Batch.Verwerkt> uit) {
        StringBuilder sb = new StringBuilder();
        if (uit.isEmpty() || uit.stream().allMatch(u -> u.verslag().status() == Verslag.Status.NIET_HERKEND)) {
            sb.append("Goedendag,\n\nIn uw mail zat geen bijlage die rekenblad kan verwerken. rekenblad neemt aan:\n")
                    .append(accepteert(nl.rekenblad.Rekenblad.regulations()))
                    .append("\nStuur het bestand als bijlage opnieuw.\n");
            if (!uit.isEmpty()) {
                sb.append("\nNiet herkend: ")
                        .append(String.join(
                                ", ",
                                uit.stream().map(u -> u.verslag().bijlage()).toList()))
                        .append('\n');
            }
            return sb.append("\nMet vriendelijke groet,\nrekenblad\n").toString();
        }
        sb.append("Goedendag,\n\nrekenblad heeft uw bijlagen verwerkt; ")
                .append(bijgevoegd(uit))
                .append("\n\n");
        for (Batch.Verwerkt u : uit) {
            Verslag v = u.verslag();
            sb.append("- ")
                    .append(v.bijlage() == null ? "(mail)" : v.bijlage())
                    .append(": ")
                    .append(v.soort() == null ? "" : v.soort() + ", ")
                    .append(v.status().word());
            if (!v.cijfers().isEmpty()) {
                sb.append(" · ").append(cijfers(v.cijfers()));
            }
            if (!v.melding().isEmpty()) {
                sb.append("\n  ").append(v.melding());
            }
            sb.append('\n');
        }
        return sb.append("\nMet vriendelijke groet,\nrekenblad\n").toString();
    }

    /** What rekenblad accepts, one line per regulation from the registry, for a mail without a usable attachment. */
    static String accepteert(List<nl.rekenblad.api.Regulation> regulations) {
        StringBuilder sb = new StringBuilder();
        for (nl.rekenblad.api.Regulation r : regulations) {
            r.invoerOmschrijving().ifPresent(o -> sb.append("- ").append(o).append(",\n"));
        }
        return sb.append("ook als bijlage van een doorgestuurde mail.").toString();
    }

    /** Whether workbooks go with the reply, in words. */
    private static String bijgevoegd(List<Batch.Verwerkt> uit) {
        long n = uit.stream().filter(u -> u.werkboek().isPresent()).count();
        return n == 0
                ? "er zit geen werkboek bij dit antwoord (zie de meldingen)."
                : n == 1 ? "het werkboek zit bij dit antwoord." : "de werkboeken zitten bij dit antwoord.";
    }

    /** The key figures as a Dutch reader reads them: "te betalen € 570,00, binnen grens ja, jaar 2017". */
    static String cijfers(Map<String, Object> c) {
        StringBuilder sb = new StringBuilder();
        c.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(Verslag.woorden(k))
                .append(" ")
                .append(Verslag.waarde(v)));
        return sb.toString();
    }

    static String html(List<Batch.Verwerkt> uit) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        if (uit.isEmpty() || uit.stream().allMatch(u -> u.verslag().status() == Verslag.Status.NIET_HERKEND)) {
            sb.append(
                    "<p>Goedendag,</p><p>In uw mail zat geen bijlage die rekenblad kan verwerken. rekenblad neemt aan:</p><ul>");
            for (String l : accepteert(nl.rekenblad.Rekenblad.regulations()).split("\n")) {
                if (l.startsWith("- ")) {
                    sb.append("<li>").append(esc(l.substring(2))).append("</li>");
                }
            }
            sb.append("</ul><p>Stuur het bestand als bijlage opnieuw.</p>");
            if (!uit.isEmpty()) {
                sb.append("<p>Niet herkend: ")
                        .append(esc(String.join(
                                ", ",
                                uit.stream()
                                        .map(u -> String.valueOf(u.verslag().bijlage()))
                                        .toList())))
                        .append("</p>");
            }
        } else {
            sb.append("<p>Goedendag,</p><p>rekenblad heeft uw bijlagen verwerkt; ")
                    .append(esc(bijgevoegd(uit)))
                    .append("</p>"
                            + "<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\"><tr><th>Bestand</th><th>Soort</th>"
                            + "<th>Status</th><th>Kerncijfers</th><th>Melding</th></tr>");
            for (Batch.Verwerkt u : uit) {
                Verslag v = u.verslag();
                sb.append("<tr><td>")
                        .append(esc(v.bijlage() == null ? "(mail)" : v.bijlage()))
                        .append("</td><td>")
                        .append(esc(v.soort() == null ? "" : v.soort()))
                        .append("</td><td>")
                        .append(esc(v.status().word()))
                        .append("</td><td>")
                        .append(esc(cijfers(v.cijfers())))
                        .append("</td><td>")
                        .append(esc(v.melding()))
                        .append("</td></tr>");
            }
            sb.append("</table>");
        }
        return sb.append("<p>Met vriendelijke groet,<br>rekenblad</p></body></html>")
                .toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A message whose Message-ID stays what rekenblad chose (saveChanges would make a new one). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(String id) {
            super(jakarta.mail.Session.getInstance(new java.util.Properties()));
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
