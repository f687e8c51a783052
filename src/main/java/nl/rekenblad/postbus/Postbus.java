package nl.rekenblad.postbus;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import nl.rekenblad.batch.Batch;
import nl.rekenblad.batch.Bijlage;
import nl.rekenblad.batch.Intake;
import nl.rekenblad.batch.Verslag;
import nl.rekenblad.internal.io.Json;
import nl.rekenblad.internal.io.Messages;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches one IMAP folder: each new mail from an allowed sender has its attachments worked out (in memory, through
 * the registry, with a time budget per attachment), gets one reply with the workbooks, and is filed in its folder;
 * a mail from anyone else is filed in "Geweigerd" without a reply. Each step is recorded in the {@link Journal}
 * before the next, so that a restart finishes what a crash interrupted without a second reply. Not thread-safe: one
 * service per mailbox.
 */
public final class Postbus implements AutoCloseable {
    /** Everything the service is told. */
    public record Instellingen(
            MailUri imap,
            MailUri smtp,
            String imapWachtwoord,
            String smtpWachtwoord,
            InternetAddress van,
            List<String> afzenders,
            String verwerkt,
            String fouten,
            String geweigerd,
            Optional<Path> rapport,
            Path status,
            long secondenPerBijlage,
            int maxPogingen,
            long intervalSeconden,
            String verzonden,
            long wachtSeconden) {
        public Instellingen {
            afzenders = afzenders.stream()
                    .map(a -> a.strip().toLowerCase(Locale.ROOT))
                    .filter(a -> !a.isEmpty())
                    .toList();
        }

        /** With the copies of the replies filed in "Verzonden", and 120 s to wait for a copy after a crash. */
        public Instellingen(
                MailUri imap,
                MailUri smtp,
                String imapWachtwoord,
                String smtpWachtwoord,
                InternetAddress van,
                List<String> afzenders,
                String verwerkt,
                String fouten,
                String geweigerd,
                Optional<Path> rapport,
                Path status,
                long secondenPerBijlage,
                int maxPogingen,
                long intervalSeconden) {
            this(
                    imap,
                    smtp,
                    imapWachtwoord,
                    smtpWachtwoord,
                    van,
                    afzenders,
                    verwerkt,
                    fouten,
                    geweigerd,
                    rapport,
                    status,
                    secondenPerBijlage,
                    maxPogingen,
                    intervalSeconden,
                    "Verzonden",
                    120);
        }
    }

    /**
     * Settings with the defaults of the command line (Verwerkt, Fouten, Geweigerd; 60 s per attachment; 3 attempts;
     * 60 s between rounds), for a program that embeds the postbus.
     */
    public static Instellingen instellingen(
            String imap,
            String smtp,
            String wachtwoord,
            String van,
            List<String> afzenders,
            Path status,
            Optional<Path> rapport)
            throws nl.rekenblad.core.InvalidInputException, jakarta.mail.internet.AddressException {
        return new Instellingen(
                MailUri.parse(imap, "imap", true),
                MailUri.parse(smtp, "smtp", false),
                wachtwoord,
                wachtwoord,
                new InternetAddress(van, true),
                afzenders,
                "Verwerkt",
                "Fouten",
                "Geweigerd",
                rapport,
                status,
                60,
                3,
                60);
    }

    /** Where a test makes the service stop as a crash would, at a step of one mail. */
    public interface Storing {
        default void voorAntwoord(String sleutel) {}

        /** The service has done a round and now waits for new mail (IDLE, or the interval). */
        default void wachtOpPost() {}

        default void naAntwoord(String sleutel) {}
    }

    /** What one round did. */
    public record Ronde(
            int mails,
            int beantwoord,
            int geweigerd,
            int bijlagen,
            int mislukteBijlagen,
            int overgeslagen,
            int nietVerzonden) {
        public Ronde(int mails, int beantwoord, int geweigerd, int bijlagen, int mislukteBijlagen, int overgeslagen) {
            this(mails, beantwoord, geweigerd, bijlagen, mislukteBijlagen, overgeslagen, 0);
        }

        /** Whether something failed this round: an attachment, a mail, or a reply the SMTP server refused. */
        public boolean mislukt() {
            return mislukteBijlagen > 0 || overgeslagen > 0 || nietVerzonden > 0;
        }
    }

    /** A fault of the service's own (authentication, the journal): exit code 3. */
    public static final class PostbusException extends Exception {
        private static final long serialVersionUID = 1L;

        PostbusException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Instellingen cfg;
    private final Journal journal;
    private final PrintWriter log;
    private final Storing storing;
    /** Mails worked out and answered at the same time: each waits mostly on the mail servers. */
    static final int PARALLEL = 8;
    /** Mails fetched whole in one command. */
    static final int CHUNK = 50;

    private final ExecutorService senders = Executors.newFixedThreadPool(PARALLEL, r -> {
        Thread t = new Thread(r, "rekenblad-postbus-mail");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService worker = Executors.newFixedThreadPool(PARALLEL, r -> {
        Thread t = new Thread(r, "rekenblad-postbus-bijlage");
        t.setDaemon(true);
        return t;
    });

    public Postbus(Instellingen cfg, PrintWriter log, Storing storing) throws PostbusException {
        this.cfg = cfg;
        this.log = log;
        this.storing = storing;
        try {
            this.journal = new Journal(cfg.status());
        } catch (Journal.Fout e) {
            throw new PostbusException(e.getMessage(), e);
        }
    }

    private Session imapSession() {
        Properties p = new Properties();
        String proto = cfg.imap().tls() ? "imaps" : "imap";
        p.put("mail.store.protocol", proto);
        p.put("mail." + proto + ".connectiontimeout", "30000");
        p.put("mail." + proto + ".timeout", "60000");
        p.put("mail." + proto + ".writetimeout", "60000");
        tls(p, proto, cfg.imap());
        return Session.getInstance(p);
    }

    private Session smtpSession() {
        Properties p = new Properties();
        String proto = cfg.smtp().tls() ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".auth", "true");
        p.put("mail." + proto + ".connectiontimeout", "30000");
        p.put("mail." + proto + ".timeout", "60000");
        p.put("mail." + proto + ".writetimeout", "60000");
        tls(p, proto, cfg.smtp());
        return Session.getInstance(p);
    }

    /** Certificates trusted beside the JVM's own ({@code --ca}): an office's own certificate authority. */
    private volatile javax.net.ssl.SSLSocketFactory eigenCa;

    /**
     * Trusts the certificates in {@code pem} (PEM, one or more) beside the JVM's own authorities, for IMAP and SMTP.
     *
     * @throws PostbusException with a Dutch line when the file cannot be read or holds no certificate
     */
    public void vertrouw(Path pem) throws PostbusException {
        try {
            java.security.cert.CertificateFactory cf = java.security.cert.CertificateFactory.getInstance("X.509");
            java.util.Collection<? extends java.security.cert.Certificate> certs;
            try (var in = java.nio.file.Files.newInputStream(pem)) {
                certs = cf.generateCertificates(in);
            }
            if (certs.isEmpty()) {
                throw new PostbusException(
                        "--ca " + pem + ": geen certificaat gevonden (verwacht PEM: -----BEGIN" + " CERTIFICATE-----)",
                        null);
            }
            java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            ks.load(null, null);
            javax.net.ssl.TrustManagerFactory jdk = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((java.security.KeyStore) null);
            int i = 0;
            for (javax.net.ssl.TrustManager tm : jdk.getTrustManagers()) {
                if (tm instanceof javax.net.ssl.X509TrustManager x) {
                    for (java.security.cert.X509Certificate c : x.getAcceptedIssuers()) {
                        ks.setCertificateEntry("jdk-" + i++, c);
                    }
                }
            }
            for (java.security.cert.Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            eigenCa = ctx.getSocketFactory();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new PostbusException("--ca " + pem + " is niet te lezen als PEM-certificaat" + Messages.reason(e), e);
        }
    }

    /**
     * What went wrong with a connection that will not heal by trying again, in Dutch with what to do: an untrusted
     * certificate, a certificate for another name, a server without STARTTLS. Empty for anything else.
     */
    static Optional<String> blijvend(Throwable e, MailUri u) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof java.security.cert.CertPathValidatorException
                    || t instanceof java.security.cert.CertPathBuilderException
                    || m.contains("PKIX path building failed")
                    || m.contains("unable to find valid certification path")) {
                return Optional.of("het certificaat van " + u.host() + " wordt niet vertrouwd (geen bekende"
                        + " certificaatautoriteit); geef het certificaat van de eigen autoriteit van het kantoor met --ca"
                        + " BESTAND.pem");
            }
            if (m.contains("No subject alternative")
                    || m.contains("No name matching")
                    || m.contains("server identity")) {
                return Optional.of("het certificaat van " + u.host()
                        + " hoort bij een andere servernaam; gebruik de naam" + " die in het certificaat staat");
            }
            if (m.contains("STARTTLS is required but host does not support STARTTLS")) {
                return Optional.of(u.host() + " biedt geen STARTTLS; gebruik "
                        + (u.toString().startsWith("smtp") ? "smtps:// (poort 465)" : "imaps:// (poort 993)"));
            }
        }
        return Optional.empty();
    }

    /** STARTTLS required without implicit TLS, except to loopback; a loopback server's own certificate is trusted. */
    private void tls(Properties p, String proto, MailUri u) {
        if (eigenCa != null) {
            p.put("mail." + proto + ".ssl.socketFactory", eigenCa);
        }
        p.put("mail." + proto + ".ssl.checkserveridentity", "true");
        if (!u.tls()) {
            p.put("mail." + proto + ".socketFactory", new NoDelay());
        }
        if (u.loopback()) {
            p.put("mail." + proto + ".ssl.trust", u.host());
        } else if (!u.tls()) {
            p.put("mail." + proto + ".starttls.enable", "true");
            p.put("mail." + proto + ".starttls.required", "true");
        }
        if (u.tls() || !u.loopback()) {
            p.put("mail." + proto + ".ssl.checkserveridentity", String.valueOf(!u.loopback()));
        }
    }

    /** One pass over the folder: every mail in it handled; returns what happened. */
    public Ronde eenmaal() throws PostbusException, MessagingException {
        Store store = imapSession().getStore();
        try {
            store.connect(cfg.imap().host(), cfg.imap().port(), cfg.imap().user(), cfg.imapWachtwoord());
        } catch (AuthenticationFailedException e) {
            throw new PostbusException(
                    "aanmelden bij " + cfg.imap() + " mislukt: gebruikersnaam of wachtwoord klopt niet (bij"
                            + " Microsoft 365 of Gmail: een app-wachtwoord)",
                    e);
        }
        try {
            Folder inbox = store.getFolder(cfg.imap().folder());
            if (!inbox.exists()) {
                throw new PostbusException("de map " + cfg.imap().folder() + " bestaat niet in " + cfg.imap(), null);
            }
            mappen = Mappen.op(store, cfg);
            for (String f : mappen.alle()) {
                Folder target = store.getFolder(f);
                try {
                    if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
                        throw new PostbusException("de map " + f + " kan niet worden gemaakt in " + cfg.imap(), null);
                    }
                } catch (MessagingException e) {
                    throw new PostbusException(
                            "de map " + f + " kan niet worden gemaakt in " + cfg.imap() + Messages.reason(e), e);
                }
            }
            inbox.open(Folder.READ_WRITE);
            try {
                return ronde(store, inbox);
            } finally {
                if (inbox.isOpen()) {
                    inbox.close(true);
                }
            }
        } finally {
            store.close();
        }
    }

    private Ronde ronde(Store store, Folder inbox) throws PostbusException, MessagingException {
        Message[] messages = inbox.getMessages();
        // One FETCH for the envelopes and flags of all mails: a round trip per mail is what makes a mailbox slow.
        jakarta.mail.FetchProfile fp = new jakarta.mail.FetchProfile();
        fp.add(jakarta.mail.FetchProfile.Item.ENVELOPE);
        fp.add(jakarta.mail.FetchProfile.Item.FLAGS);
        fp.add(jakarta.mail.FetchProfile.Item.SIZE);
        fp.add(Antwoord.SLEUTEL);
        fp.add("Auto-Submitted");
        fp.add(jakarta.mail.UIDFolder.FetchProfileItem.UID);
        inbox.fetch(messages, fp);
        if (inbox instanceof jakarta.mail.UIDFolder uf) {
            long max = laatsteUid;
            for (Message m : messages) {
                max = Math.max(max, uf.getUID(m));
            }
            laatsteUid = max;
        }
        // The whole mails too, in chunks: one FETCH per chunk instead of one per mail.
        jakarta.mail.FetchProfile whole = new jakarta.mail.FetchProfile();
        whole.add(org.eclipse.angus.mail.imap.IMAPFolder.FetchProfileItem.MESSAGE);
        Map<String, List<Message>> moves = new java.util.LinkedHashMap<>();
        Map<Message, String[]> movedKeys = new java.util.HashMap<>();
        List<Message> pending = new ArrayList<>();
        List<Future<Afloop>> futures = new ArrayList<>();
        int overgeslagen = 0;
        int geweigerd = 0;
        List<Transport> transports = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Transport> transport = new ThreadLocal<>();
        try {
            // First the copies of our own replies (each reply goes to the box too): a copy is the receipt that the SMTP
            // server took that reply, so a mail left in VERZENDEN by a crash is not answered a second time.
            java.util.Set<Message> kopieen = new java.util.HashSet<>();
            for (Message m : messages) {
                String[] sleutel = m.isExpunged() ? null : m.getHeader(Antwoord.SLEUTEL);
                if (sleutel == null || !eigenAdres(afzender(m))) {
                    continue;
                }
                kopieen.add(m);
                String key = sleutel[0].strip();
                Optional<Journal.Regel> r = journal.get(key);
                if (r.isPresent()
                        && (r.get().staat() == Journal.Staat.VERZENDEN
                                || r.get().staat() == Journal.Staat.ONTVANGEN)
                        && r.get().doelmap() != null) {
                    try {
                        journal.zet(
                                key,
                                Journal.Staat.BEANTWOORD,
                                r.get().doelmap(),
                                r.get().afzender(),
                                r.get().onderwerp());
                    } catch (Journal.Fout e) {
                        throw new PostbusException(e.getMessage(), e);
                    }
                    log.println("hersteld mail " + r.get().onderwerp()
                            + ": het antwoord was al verzonden (kopie gevonden)," + " geen tweede");
                    log.flush();
                }
                moves.computeIfAbsent(mappen.verzonden(), f -> new ArrayList<>())
                        .add(m);
            }
            for (int idx = 0; idx < messages.length; idx++) {
                Message m = messages[idx];
                if (kopieen.contains(m)) {
                    continue;
                }
                if (idx % CHUNK == 0 && inbox instanceof org.eclipse.angus.mail.imap.IMAPFolder) {
                    List<Message> small = new ArrayList<>();
                    for (Message c :
                            java.util.Arrays.copyOfRange(messages, idx, Math.min(messages.length, idx + CHUNK))) {
                        if (c.getSize() <= Intake.MAX_MAIL) {
                            small.add(c);
                        }
                    }
                    inbox.fetch(small.toArray(Message[]::new), whole);
                }
                if (m.isExpunged() || m.isSet(jakarta.mail.Flags.Flag.DELETED)) {
                    continue;
                }
                if (m.getSize() > Intake.MAX_MAIL) {
                    // A huge mail is not fetched: it ends as a fout for that mail, filed without processing.
                    try {
                        String key = sleutel((MimeMessage) m);
                        journal.zet(key, Journal.Staat.BEANTWOORD, mappen.fouten(), afzender(m), safeSubject(m));
                        moves.computeIfAbsent(mappen.fouten(), f -> new ArrayList<>())
                                .add(m);
                        movedKeys.put(m, new String[] {key, mappen.fouten(), afzender(m), safeSubject(m)});
                    } catch (Journal.Fout e) {
                        throw new PostbusException(e.getMessage(), e);
                    }
                    log.println("fout     mail " + safeSubject(m) + ": te groot (" + m.getSize()
                            + " bytes, ten hoogste " + Intake.MAX_MAIL + "); niet verwerkt, naar " + mappen.fouten());
                    log.flush();
                    overgeslagen++;
                    continue;
                }
                try {
                    // The whole mail (fetched with its chunk), read locally.
                    MimeMessage local = new MimeMessage((MimeMessage) m);
                    Keuze k = kies(local);
                    switch (k.soort()) {
                        case WACHT -> overgeslagen++;
                        case VERPLAATS -> {
                            moves.computeIfAbsent(k.doel(), f -> new ArrayList<>())
                                    .add(m);
                            movedKeys.put(m, new String[] {k.key(), k.doel(), k.afzender(), k.onderwerp()});
                            geweigerd += k.geweigerd() ? 1 : 0;
                        }
                        case VERWERK -> {
                            pending.add(m);
                            futures.add(senders.submit(() -> verwerkEnBeantwoord(local, k, transport, transports)));
                        }
                        default -> {}
                    }
                } catch (Journal.Fout e) {
                    throw new PostbusException(e.getMessage(), e);
                } catch (jakarta.mail.FolderClosedException | jakarta.mail.StoreClosedException e) {
                    throw e;
                } catch (MessagingException | RuntimeException e) {
                    // One bad mail never stops the service: it stays where it is, logged, for the next round.
                    log.println("fout     mail " + safeSubject(m) + ": niet te verwerken" + Messages.reason(e));
                    log.flush();
                    overgeslagen++;
                }
            }
            int nietVerzonden = 0;
            int beantwoord = 0;
            int bijlagen = 0;
            int mislukt = 0;
            for (int i = 0; i < futures.size(); i++) {
                Afloop a;
                try {
                    a = futures.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PostbusException("onderbroken", e);
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof Error err) {
                        throw err;
                    }
                    if (c instanceof PostbusException pe) {
                        throw pe;
                    }
                    if (c instanceof Journal.Fout) {
                        throw new PostbusException(c.getMessage(), c);
                    }
                    log.println("fout     mail " + safeSubject(pending.get(i)) + ": niet te verwerken"
                            + Messages.reason(c));
                    log.flush();
                    overgeslagen++;
                    continue;
                }
                beantwoord += a.beantwoord ? 1 : 0;
                nietVerzonden += a.beantwoord ? 0 : 1;
                bijlagen += a.bijlagen;
                mislukt += a.mislukt;
                if (a.doel != null) {
                    moves.computeIfAbsent(a.doel, f -> new ArrayList<>()).add(pending.get(i));
                    movedKeys.put(pending.get(i), new String[] {a.key, a.doel, a.afzender, a.onderwerp});
                }
            }
            // File the mails, one MOVE per folder; then record it (a crash before this point leaves them answered and
            // in place: the next round files them without a second reply).
            for (Map.Entry<String, List<Message>> e : moves.entrySet()) {
                Message[] batch = e.getValue().toArray(Message[]::new);
                verplaats(inbox, store, batch, e.getKey());
                for (Message m : batch) {
                    String[] k = movedKeys.get(m);
                    if (k == null) {
                        continue; // a copy of our own reply: filed, nothing to record
                    }
                    try {
                        journal.zet(k[0], Journal.Staat.VERPLAATST, k[1], k[2], k[3]);
                    } catch (Journal.Fout ex) {
                        throw new PostbusException(ex.getMessage(), ex);
                    }
                }
            }
            kopieenOpbergen(inbox, store);
            return new Ronde(messages.length, beantwoord, geweigerd, bijlagen, mislukt, overgeslagen, nietVerzonden);
        } finally {
            for (Transport t : transports) {
                try {
                    t.close();
                } catch (MessagingException e) {
                    // closing a connection that is gone
                }
            }
        }
    }

    /**
     * Files the copies of this round's replies that came in while it ran (from the box's own address, with the key
     * header), so the inbox holds only what still needs an answer. Whatever else came in waits for the next round.
     */
    private void kopieenOpbergen(Folder inbox, Store store) throws MessagingException {
        // A fresh look at the folder: what came in while the round ran, without the messages moved out.
        inbox.close(true);
        inbox.open(Folder.READ_WRITE);
        Message[] nieuw = inbox.getMessages();
        if (nieuw.length == 0) {
            return;
        }
        jakarta.mail.FetchProfile fp = new jakarta.mail.FetchProfile();
        fp.add(jakarta.mail.FetchProfile.Item.ENVELOPE);
        fp.add(Antwoord.SLEUTEL);
        inbox.fetch(nieuw, fp);
        List<Message> kopieen = new ArrayList<>();
        for (Message m : nieuw) {
            String[] k = m.isExpunged() ? null : m.getHeader(Antwoord.SLEUTEL);
            if (k != null
                    && eigenAdres(afzender(m))
                    && journal.get(k[0].strip())
                            .map(r -> r.staat() != Journal.Staat.VERZENDEN && r.staat() != Journal.Staat.ONTVANGEN)
                            .orElse(false)) {
                kopieen.add(m);
            }
        }
        if (!kopieen.isEmpty()) {
            verplaats(inbox, store, kopieen.toArray(Message[]::new), mappen.verzonden());
        }
    }

    /**
     * Moves {@code batch} from {@code inbox} to {@code doel}: with MOVE where the server has it; else a copy, the
     * originals marked deleted and expunged by UID (UIDPLUS), or, on a server without either, by a plain EXPUNGE
     * (which also removes mails another client marked deleted: logged).
     */
    private void verplaats(Folder inbox, Store store, Message[] batch, String doel) throws MessagingException {
        Folder target = store.getFolder(doel);
        if (inbox instanceof org.eclipse.angus.mail.imap.IMAPFolder imap
                && store instanceof org.eclipse.angus.mail.imap.IMAPStore is) {
            if (is.hasCapability("MOVE")) {
                imap.moveMessages(batch, target);
                return;
            }
            imap.copyMessages(batch, target);
            imap.setFlags(batch, new jakarta.mail.Flags(jakarta.mail.Flags.Flag.DELETED), true);
            if (is.hasCapability("UIDPLUS")) {
                imap.expunge(batch);
            } else {
                if (!zonderMoveGemeld) {
                    log.println(
                            "let op   de server kent MOVE en UIDPLUS niet: mails worden gekopieerd en met EXPUNGE uit "
                                    + cfg.imap().folder()
                                    + " verwijderd (ook mails die een ander programma als verwijderd markeerde)");
                    log.flush();
                    zonderMoveGemeld = true;
                }
                imap.expunge();
            }
        } else {
            inbox.copyMessages(batch, target);
            for (Message m : batch) {
                m.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
            }
        }
    }

    private boolean zonderMoveGemeld;
    /** The folder in IDLE, while the service waits for mail: {@link #wekOp} ends the IDLE. */
    private volatile org.eclipse.angus.mail.imap.IMAPFolder idleMap;

    /** Ends a wait for new mail at once (SIGTERM): the service then sees its stop flag within moments. */
    public void wekOp() {
        org.eclipse.angus.mail.imap.IMAPFolder f = idleMap;
        if (f != null) {
            try {
                // A command on the folder's connection: Angus ends the IDLE to send it (a cached count would not).
                f.doCommand(p -> {
                    p.noop();
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                // the IDLE ended anyway
            }
        }
    }
    /** The folders as the server names them (set on every connection). */
    private volatile Mappen mappen;

    /**
     * The folders Verwerkt, Fouten, Geweigerd and Verzonden as this server names them: under the personal namespace
     * (a Courier or cPanel server keeps every folder under {@code INBOX.}), nested with the server's separator. A name
     * that already starts with the namespace is kept as given.
     */
    record Mappen(String verwerkt, String fouten, String geweigerd, String verzonden) {
        List<String> alle() {
            return List.of(verwerkt, fouten, geweigerd, verzonden);
        }

        static Mappen op(Store store, Instellingen cfg) throws MessagingException {
            String prefix = "";
            char sep = '/';
            Folder[] personal = store.getPersonalNamespaces();
            if (personal.length > 0) {
                sep = personal[0].getSeparator();
                prefix = personal[0].getFullName();
                if (!prefix.isEmpty() && prefix.charAt(prefix.length() - 1) != sep) {
                    prefix = prefix + sep;
                }
            } else {
                sep = store.getDefaultFolder().getSeparator();
            }
            String p = prefix;
            char s = sep;
            java.util.function.UnaryOperator<String> naam = n -> {
                String local = s == '/' ? n : n.replace('/', s);
                return p.isEmpty() || local.startsWith(p) || local.equalsIgnoreCase("INBOX") ? local : p + local;
            };
            return new Mappen(
                    naam.apply(cfg.verwerkt()),
                    naam.apply(cfg.fouten()),
                    naam.apply(cfg.geweigerd()),
                    naam.apply(cfg.verzonden()));
        }
    }

    /** Whether the folder holds a mail the last round did not see. */
    private boolean nieuwSindsRonde(Folder inbox) throws MessagingException {
        if (!(inbox instanceof jakarta.mail.UIDFolder uf) || laatsteUid < 0) {
            return false;
        }
        for (Message m : uf.getMessagesByUID(laatsteUid + 1, jakarta.mail.UIDFolder.LASTUID)) {
            if (m != null && uf.getUID(m) > laatsteUid) {
                return true;
            }
        }
        return false;
    }
    /** The highest UID the last round saw: a mail with a higher one is new (IMAP UIDs only grow). */
    private volatile long laatsteUid = -1;

    private enum Soort {
        VERPLAATS,
        VERWERK,
        WACHT
    }

    /** What to do with a mail, decided from the journal and the allow-list. */
    private record Keuze(Soort soort, String key, String doel, String afzender, String onderwerp, boolean geweigerd) {}

    private Keuze kies(MimeMessage m) throws MessagingException, Journal.Fout {
        String key = sleutel(m);
        String afzender = afzender(m);
        String onderwerp = safeSubject(m);
        Optional<Journal.Regel> eerder = journal.get(key);
        if (eerder.isPresent()) {
            Journal.Regel r = eerder.get();
            switch (r.staat()) {
                case BEANTWOORD, GEWEIGERD, VERPLAATST -> {
                    // Answered (or refused) before a crash, not yet filed: file it now, without a second reply.
                    log.println("hersteld mail " + onderwerp + " (" + afzender + "): al "
                            + (r.staat() == Journal.Staat.GEWEIGERD ? "geweigerd" : "beantwoord") + " op "
                            + java.time.Instant.ofEpochMilli(r.tijd())
                                    .atZone(java.time.ZoneId.systemDefault())
                                    .toLocalDateTime()
                                    .withNano(0)
                            + ", nu naar "
                            + r.doelmap() + "; opnieuw verwerken: rekenblad postbus … --opnieuw '" + key + "'");
                    log.flush();
                    return new Keuze(Soort.VERPLAATS, key, r.doelmap(), afzender, onderwerp, false);
                }
                case VERZENDEN -> {
                    // Interrupted around sending: the copy of the reply, if the SMTP server took it, comes into the
                    // box;
                    // wait for it a while before sending again.
                    long wacht = r.tijd() + cfg.wachtSeconden() * 1000 - System.currentTimeMillis();
                    if (wacht > 0) {
                        log.println("wacht     mail " + onderwerp + " (" + afzender
                                + "): onderbroken tijdens het verzenden;"
                                + " nog " + (wacht + 999) / 1000
                                + " s wachten op de kopie van het antwoord voor het opnieuw"
                                + " wordt verzonden");
                        log.flush();
                        return new Keuze(Soort.WACHT, key, null, afzender, onderwerp, false);
                    }
                }
                default -> {
                    // ONTVANGEN, or VERZENDEN without a copy in time: the reply was not sent; process again.
                }
            }
        }
        Optional<String> auto = automatisch(m, afzender);
        if (auto.isPresent()) {
            journal.zet(key, Journal.Staat.GEWEIGERD, mappen.geweigerd(), afzender, onderwerp);
            log.println("geweigerd mail " + onderwerp + " van " + (afzender.isEmpty() ? "(geen afzender)" : afzender)
                    + ": " + auto.get() + "; nooit beantwoord, naar " + mappen.geweigerd());
            log.flush();
            return new Keuze(Soort.VERPLAATS, key, mappen.geweigerd(), afzender, onderwerp, true);
        }
        if (!toegestaan(afzender)) {
            journal.zet(key, Journal.Staat.GEWEIGERD, mappen.geweigerd(), afzender, onderwerp);
            log.println("geweigerd mail " + onderwerp + " van " + (afzender.isEmpty() ? "(geen afzender)" : afzender)
                    + ": niet in --afzenders; geen antwoord, naar " + mappen.geweigerd());
            log.flush();
            return new Keuze(Soort.VERPLAATS, key, mappen.geweigerd(), afzender, onderwerp, true);
        }
        journal.zet(key, Journal.Staat.ONTVANGEN, null, afzender, onderwerp);
        return new Keuze(Soort.VERWERK, key, null, afzender, onderwerp, false);
    }

    private Transport transport(ThreadLocal<Transport> local, List<Transport> all) throws MessagingException {
        Transport t = local.get();
        if (t == null || !t.isConnected()) {
            t = connectSmtp();
            local.set(t);
            all.add(t);
        }
        return t;
    }

    private Transport connectSmtp() throws MessagingException {
        Transport t = smtpSession().getTransport();
        try {
            t.connect(cfg.smtp().host(), cfg.smtp().port(), cfg.smtp().user(), cfg.smtpWachtwoord());
        } catch (AuthenticationFailedException e) {
            throw new MessagingException(
                    "SMTP-aanmelding",
                    new PostbusException(
                            "aanmelden bij " + cfg.smtp() + " mislukt: gebruikersnaam of wachtwoord klopt niet", e));
        }
        return t;
    }

    private record Afloop(
            boolean beantwoord,
            int bijlagen,
            int mislukt,
            String doel,
            String key,
            String afzender,
            String onderwerp) {}

    /** The attachments worked out, the reply sent, each step recorded; returns the folder the mail goes to. */
    private Afloop verwerkEnBeantwoord(MimeMessage m, Keuze k, ThreadLocal<Transport> local, List<Transport> all)
            throws MessagingException, Journal.Fout, IOException, PostbusException {
        String key = k.key();
        String afzender = k.afzender();
        String onderwerp = k.onderwerp();
        List<Bijlage> bijlagen = Intake.bijlagen(m, Namen.label(onderwerp));
        List<Batch.Verwerkt> uit = new ArrayList<>();
        for (Bijlage b : bijlagen) {
            uit.add(verwerk(b));
        }
        long fout = uit.stream()
                .filter(u -> u.verslag().status() == Verslag.Status.FOUT)
                .count();
        String doel = !uit.isEmpty() && fout == uit.size() ? mappen.fouten() : mappen.verwerkt();
        MimeMessage antwoord = Antwoord.maak(m, cfg.van(), afzender, uit, key);
        journal.zet(key, Journal.Staat.VERZENDEN, doel, afzender, onderwerp);
        storing.voorAntwoord(key);
        Transport transport;
        try {
            transport = transport(local, all);
        } catch (MessagingException e) {
            if (e.getNextException() instanceof PostbusException pe) {
                throw pe;
            }
            throw e;
        }
        try {
            // To the sender, and a copy to the box itself: the receipt that this reply was taken (see ronde).
            jakarta.mail.Address[] aan = antwoord.getAllRecipients();
            jakarta.mail.Address[] metKopie = java.util.Arrays.copyOf(aan, aan.length + 1);
            metKopie[aan.length] = cfg.van();
            transport.sendMessage(antwoord, metKopie);
        } catch (jakarta.mail.SendFailedException e) {
            int n = journal.mislukt(key);
            if (n >= cfg.maxPogingen()) {
                log.println(
                        "fout     mail " + onderwerp + " (" + afzender + "): antwoord " + n + " keer geweigerd door de"
                                + " SMTP-server" + Messages.reason(e) + "; zonder antwoord naar " + mappen.fouten());
                log.flush();
                return new Afloop(false, uit.size(), (int) fout, mappen.fouten(), key, afzender, onderwerp);
            }
            log.println("fout     mail " + onderwerp + " (" + afzender + "): antwoord geweigerd door de SMTP-server"
                    + Messages.reason(e) + "; poging " + n + " van " + cfg.maxPogingen() + ", volgende ronde opnieuw");
            log.flush();
            return new Afloop(false, uit.size(), (int) fout, null, key, afzender, onderwerp);
        }
        journal.zet(key, Journal.Staat.BEANTWOORD, doel, afzender, onderwerp);
        storing.naAntwoord(key);
        synchronized (log) {
            for (Batch.Verwerkt u : uit) {
                Verslag v = u.verslag();
                log.println(String.format(
                        "%-12s %s › %s%s%s",
                        v.status().word(),
                        onderwerp,
                        v.bijlage() == null ? "(mail)" : v.bijlage(),
                        v.soort() == null ? "" : " [" + v.soort() + "]",
                        v.melding().isEmpty() ? "" : ": " + v.melding()));
            }
            log.println("beantwoord mail " + onderwerp + " (" + afzender + "): " + uit.size() + " bijlage(n), " + fout
                    + " mislukt; naar " + doel);
            log.flush();
        }
        rapport(key, afzender, onderwerp, uit);
        return new Afloop(true, uit.size(), (int) fout, doel, key, afzender, onderwerp);
    }

    /** Works out one attachment within its time budget; a run that takes too long is stopped and reported. */
    private Batch.Verwerkt verwerk(Bijlage b) {
        Future<Batch.Verwerkt> f = worker.submit(() -> Batch.verwerk(b, new Batch.Bestemming.Geheugen()));
        try {
            return Batch.binnen(
                    f,
                    b,
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(cfg.secondenPerBijlage()),
                    cfg.secondenPerBijlage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return Batch.onderbroken(b);
        }
    }

    private synchronized void rapport(String key, String afzender, String onderwerp, List<Batch.Verwerkt> uit)
            throws IOException {
        if (cfg.rapport().isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Batch.Verwerkt u : uit) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("mail", key);
            m.put("afzender", afzender);
            m.put("onderwerp", onderwerp);
            m.putAll(u.verslag().toMap());
            sb.append(Json.line(m)).append('\n');
        }
        Files.writeString(
                cfg.rapport().get(), sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Whether {@code afzender} is the box's own address. */
    boolean eigenAdres(String afzender) {
        return afzender.equalsIgnoreCase(cfg.van().getAddress());
    }

    /**
     * Why a mail must never be answered (RFC 3834 and common practice against mail loops), or empty: the box's own
     * address, {@code Auto-Submitted} other than {@code no} (out-of-office, other robots), {@code Precedence} bulk, junk
     * or list, a {@code List-Id} (a mailing list), an empty {@code Return-Path} (a bounce), or MAILER-DAEMON or
     * postmaster as sender.
     */
    Optional<String> automatisch(Message m, String afzender) throws MessagingException {
        if (eigenAdres(afzender)) {
            return Optional.of("van het eigen adres van de postbus");
        }
        String[] auto = m.getHeader("Auto-Submitted");
        if (auto != null && !auto[0].strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("automatisch verzonden (Auto-Submitted: " + auto[0].strip() + ")");
        }
        String[] precedence = m.getHeader("Precedence");
        if (precedence != null && precedence[0].strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list")) {
            return Optional.of("massamail (Precedence: " + precedence[0].strip() + ")");
        }
        if (m.getHeader("List-Id") != null) {
            return Optional.of("van een mailinglijst (List-Id)");
        }
        String[] rp = m.getHeader("Return-Path");
        if (rp != null && rp[0].replaceAll("\\s", "").equals("<>")) {
            return Optional.of("een onbestelbaarheidsbericht (leeg Return-Path)");
        }
        String local = afzender.contains("@") ? afzender.substring(0, afzender.indexOf('@')) : afzender;
        if (local.equals("mailer-daemon") || local.equals("postmaster")) {
            return Optional.of("van " + local + " (een onbestelbaarheidsbericht)");
        }
        return Optional.empty();
    }

    /** Whether {@code afzender} is on the list: the address itself, or an {@code @domain} entry. */
    boolean toegestaan(String afzender) {
        String a = afzender.toLowerCase(Locale.ROOT);
        if (a.isEmpty() || !a.contains("@")) {
            return false;
        }
        String domain = a.substring(a.lastIndexOf('@'));
        return cfg.afzenders().contains(a) || cfg.afzenders().contains(domain);
    }

    /** The sender's address (the first From), lower case; empty when it has none. */
    static String afzender(Message m) {
        try {
            Address[] from = m.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress ia && ia.getAddress() != null) {
                return ia.getAddress().strip().toLowerCase(Locale.ROOT);
            }
        } catch (MessagingException e) {
            // an unreadable From is no sender
        }
        return "";
    }

    /** The mail's Message-ID, or a hash of its headers when it has none. */
    static String sleutel(MimeMessage m) throws MessagingException {
        String id = m.getMessageID();
        if (id != null && !id.isBlank() && id.length() < 290) {
            return id.strip();
        }
        StringBuilder sb = new StringBuilder();
        for (String h : List.of("From", "To", "Date", "Subject", "Received")) {
            String[] v = m.getHeader(h);
            if (v != null) {
                sb.append(h).append(':').append(String.join("\n", v)).append('\n');
            }
        }
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String safeSubject(Message m) {
        try {
            String s = m.getSubject();
            return s == null || s.isBlank()
                    ? "(geen onderwerp)"
                    : s.replaceAll("\\s+", " ").strip();
        } catch (MessagingException e) {
            return "(onderwerp onleesbaar)";
        }
    }

    /**
     * Runs until {@code stop}: a round, then waiting for new mail (IMAP IDLE where offered, else polling every
     * {@code interval}); a lost connection or a server restart leads to reconnecting with backoff (up to 5 minutes).
     */
    public void draai(AtomicBoolean stop) throws PostbusException, InterruptedException {
        long backoff = 1;
        while (!stop.get()) {
            try {
                eenmaal();
                backoff = 1;
                wachtOpPost(stop);
            } catch (MessagingException e) {
                Optional<String> blijvend = blijvend(e, cfg.imap()).or(() -> blijvend(e, cfg.smtp()));
                if (blijvend.isPresent()) {
                    // Trying again will not help: stop with a clear line (exit 3).
                    throw new PostbusException(blijvend.get(), e);
                }
                log.println("verbinding: "
                        + Messages.reason(e).replaceFirst("^ \\(", "").replaceFirst("\\)$", "") + "; opnieuw over "
                        + backoff + " s");
                log.flush();
                sleep(stop, backoff);
                backoff = Math.min(300, backoff * 2);
            }
        }
    }

    private void wachtOpPost(AtomicBoolean stop) throws MessagingException, InterruptedException {
        Store store = imapSession().getStore();
        store.connect(cfg.imap().host(), cfg.imap().port(), cfg.imap().user(), cfg.imapWachtwoord());
        try {
            Folder inbox = store.getFolder(cfg.imap().folder());
            inbox.open(Folder.READ_ONLY);
            if (nieuwSindsRonde(inbox)) {
                // Mail came in while the last round ran: a new round at once, not after the next change.
                inbox.close(false);
                return;
            }
            storing.wachtOpPost();
            if (inbox instanceof org.eclipse.angus.mail.imap.IMAPFolder imap
                    && ((org.eclipse.angus.mail.imap.IMAPStore) store).hasCapability("IDLE")
                    && !stop.get()) {
                // Returns when something changes in the folder (new mail) or the server ends the IDLE.
                Thread watchdog = new Thread(
                        () -> {
                            try {
                                Thread.sleep(TimeUnit.SECONDS.toMillis(Math.max(1, cfg.intervalSeconden())));
                                wekOp();
                            } catch (InterruptedException e) {
                                // the IDLE ended by itself
                            }
                        },
                        "rekenblad-postbus-idle");
                watchdog.setDaemon(true);
                watchdog.start();
                idleMap = imap;
                try {
                    if (!stop.get()) {
                        imap.idle(true);
                    }
                } finally {
                    idleMap = null;
                    watchdog.interrupt();
                }
            } else {
                sleep(stop, cfg.intervalSeconden());
            }
            if (inbox.isOpen()) {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static void sleep(AtomicBoolean stop, long seconds) throws InterruptedException {
        for (long i = 0; i < seconds * 10 && !stop.get(); i++) {
            Thread.sleep(100);
        }
    }

    long aantal(Journal.Staat s) {
        return journal.aantal(s);
    }

    @Override
    public void close() throws IOException {
        senders.shutdownNow();
        worker.shutdownNow();
        journal.close();
    }

    /** A subject as a file-like label for the report. */
    private static final class Namen {
        static String label(String onderwerp) {
            String s = onderwerp.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
            return s.length() > 80 ? s.substring(0, 80) : s;
        }
    }
}
