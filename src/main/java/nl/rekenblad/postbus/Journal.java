package nl.rekenblad.postbus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The postbus's memory across crashes: per mail (its Message-ID, or a hash of its headers) the last step done.
 *
 * <p>An append-only log with one line per step, each line written and forced to the disk ({@code fsync}) before
 * {@link #zet} returns, so no step is ever lost on {@code kill -9} or a power failure, and the next step only starts
 * after it. Each line carries a CRC-32: a line torn by a crash is dropped (and cut off) when the log is opened, and the
 * log is read back into memory. The log is compacted to one line per mail when it has grown to four times that.
 * Chosen over an embedded database because durability is then one {@link FileChannel#force} we can see and test,
 * with no background writer whose delay loses the last commits (H2's default lost 0,1–0,4 s of steps on a hard
 * stop), and no dependency. Not for two services at once: one journal per mailbox.
 */
final class Journal implements AutoCloseable {
    /** The steps of a mail, in order. */
    enum Staat {
        /** Seen, not yet answered: processing it (again) is safe. */
        ONTVANGEN,
        /** The reply is about to be sent (the one window: see the README). */
        VERZENDEN,
        /** The reply was accepted by the SMTP server: never reply again, only move. */
        BEANTWOORD,
        /** From a sender outside the list, or automatic mail: no reply; only move. */
        GEWEIGERD,
        /** Filed in its folder: done. */
        VERPLAATST
    }

    /** What the journal knows of a mail. */
    record Regel(Staat staat, int pogingen, String doelmap, String afzender, String onderwerp, long tijd) {
        Regel(Staat staat, int pogingen, String doelmap) {
            this(staat, pogingen, doelmap, null, null, System.currentTimeMillis());
        }
    }

    /** The journal could not be read or written; its message is one Dutch line. */
    static final class Fout extends IOException {
        private static final long serialVersionUID = 1L;

        Fout(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The first line of every journal: what it is, and its format's version. */
    static final String KOP = "rekenblad-postbus-journaal 1";

    private final Path file;
    private final Map<String, Regel> mails = new HashMap<>();
    private FileChannel log;
    private long regels;

    /**
     * Opens (or starts) the journal at {@code file}.
     *
     * @throws Fout with a Dutch message when the folder does not exist, the file cannot be written, or it is
     *                     not a journal of rekenblad
     */
    Journal(Path file) throws Fout {
        this.file = file.toAbsolutePath().normalize();
        try {
            open();
        } catch (Fout e) {
            throw e;
        } catch (IOException e) {
            throw new Fout("het statusbestand " + this.file + " is niet te openen" + reden(e), e);
        }
    }

    private void open() throws IOException {
        Path dir = this.file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new Fout(
                    "de map " + dir + " van het statusbestand bestaat niet; maak hem aan of kies een andere"
                            + " plek met --status",
                    null);
        }
        if (Files.exists(this.file)) {
            lees();
        }
        try {
            log = FileChannel.open(
                    this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            if (log.size() == 0) {
                schrijf((KOP + "\n").getBytes(StandardCharsets.UTF_8));
                forceMap(dir);
            } else {
                log.position(log.size());
            }
        } catch (AccessDeniedException e) {
            throw new Fout("het statusbestand " + this.file + " is niet te schrijven (geen rechten)", e);
        }
        if (regels > 4L * Math.max(1000, mails.size())) {
            compacteer();
        }
    }

    /** Reads the log into memory; a torn last line (a crash while writing it) is cut off. */
    private void lees() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new Fout("het statusbestand " + file + " is niet te lezen (geen rechten)", e);
        } catch (NoSuchFileException e) {
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith(KOP + "\n")) {
            throw new Fout(
                    "het statusbestand " + file + " is geen journaal van deze versie van rekenblad (een"
                            + " H2-bestand van een oudere versie?); zet het opzij en begin met een nieuw (--status), na"
                            + " controle welke mails al beantwoord zijn",
                    null);
        }
        long goed = (KOP + "\n").getBytes(StandardCharsets.UTF_8).length;
        int at = KOP.length() + 1;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                break; // torn: no line end
            }
            Optional<String[]> f = regel(text.substring(at, end));
            if (f.isEmpty()) {
                break; // torn or damaged: the rest is not trusted
            }
            String[] v = f.get();
            mails.put(
                    v[0],
                    new Regel(Staat.valueOf(v[1]), Integer.parseInt(v[2]), v[3], v[4], v[5], Long.parseLong(v[6])));
            regels++;
            goed += text.substring(at, end + 1).getBytes(StandardCharsets.UTF_8).length;
            at = end + 1;
        }
        if (goed < bytes.length) {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                c.truncate(goed);
                c.force(true);
            }
        }
    }

    /** The fields of one line when its checksum holds: key, state, attempts, folder, sender, subject, time. */
    private static Optional<String[]> regel(String line) {
        int tab = line.indexOf('\t');
        if (tab != 8) {
            return Optional.empty();
        }
        String body = line.substring(tab + 1);
        if (!line.substring(0, 8).equals(crc(body))) {
            return Optional.empty();
        }
        String[] raw = body.split("\t", -1);
        if (raw.length != 7) {
            return Optional.empty();
        }
        String[] out = new String[7];
        for (int i = 0; i < 7; i++) {
            out[i] = unescape(raw[i]);
        }
        try {
            Staat.valueOf(out[1]);
            Integer.parseInt(out[2]);
            Long.parseLong(out[6]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    synchronized Optional<Regel> get(String key) {
        return Optional.ofNullable(mails.get(key));
    }

    /** Records that {@code key} reached {@code staat}; on the disk before this returns. */
    synchronized void zet(String key, Staat staat, String doelmap, String afzender, String onderwerp) throws Fout {
        Regel before = mails.get(key);
        append(
                key,
                new Regel(
                        staat,
                        before == null ? 0 : before.pogingen(),
                        doelmap,
                        cut(afzender, 500),
                        cut(onderwerp, 1000),
                        System.currentTimeMillis()));
    }

    /** One more failed attempt to send the reply; returns the number of attempts so far. */
    synchronized int mislukt(String key) throws Fout {
        Regel before = mails.get(key);
        Regel r = before == null
                ? new Regel(Staat.ONTVANGEN, 1, null)
                : new Regel(
                        Staat.ONTVANGEN,
                        before.pogingen() + 1,
                        before.doelmap(),
                        before.afzender(),
                        before.onderwerp(),
                        System.currentTimeMillis());
        append(key, r);
        return r.pogingen();
    }

    /** Forgets {@code key}, so a mail put back in the inbox is processed again ({@code --opnieuw}). */
    synchronized boolean vergeet(String key) throws Fout {
        if (!mails.containsKey(key)) {
            return false;
        }
        append(key, new Regel(Staat.ONTVANGEN, 0, null));
        return true;
    }

    synchronized long aantal(Staat staat) {
        return mails.values().stream().filter(r -> r.staat() == staat).count();
    }

    private void append(String key, Regel r) throws Fout {
        try {
            appendOrFail(key, r);
        } catch (IOException e) {
            throw new Fout("het statusbestand " + file + " is niet te schrijven" + reden(e), e);
        }
    }

    private static String reden(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "" : " (" + m + ")";
    }

    private void appendOrFail(String key, Regel r) throws IOException {
        String body = String.join(
                "\t",
                escape(key),
                r.staat().name(),
                Integer.toString(r.pogingen()),
                escape(r.doelmap()),
                escape(r.afzender()),
                escape(r.onderwerp()),
                Long.toString(r.tijd()));
        schrijf((crc(body) + "\t" + body + "\n").getBytes(StandardCharsets.UTF_8));
        mails.put(key, r);
        regels++;
    }

    /** Writes {@code bytes} at the end and forces them to the disk. */
    private void schrijf(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            log.write(b);
        }
        log.force(false);
    }

    /** Rewrites the log with one line per mail: to a new file, forced, then moved over the old one atomically. */
    private void compacteer() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".nieuw");
        StringBuilder sb = new StringBuilder(KOP).append('\n');
        for (Map.Entry<String, Regel> e : mails.entrySet()) {
            Regel r = e.getValue();
            String body = String.join(
                    "\t",
                    escape(e.getKey()),
                    r.staat().name(),
                    Integer.toString(r.pogingen()),
                    escape(r.doelmap()),
                    escape(r.afzender()),
                    escape(r.onderwerp()),
                    Long.toString(r.tijd()));
            sb.append(crc(body)).append('\t').append(body).append('\n');
        }
        try (FileChannel c = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                c.write(b);
            }
            c.force(true);
        }
        log.close();
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceMap(file.getParent());
        log = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
        log.position(log.size());
        regels = mails.size();
    }

    /** Forces a folder's entries to the disk (a new or renamed file survives a power failure); best effort. */
    private static void forceMap(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a folder be opened; the file's own data is forced regardless
        }
    }

    private static String crc(String body) {
        CRC32 c = new CRC32();
        c.update(body.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", c.getValue());
    }

    private static String escape(String s) {
        if (s == null) {
            return "\\0";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String unescape(String s) {
        if (s.equals("\\0")) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(
                        switch (n) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> n;
                        });
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String cut(String s, int n) {
        return s == null ? null : s.length() > n ? s.substring(0, n) : s;
    }

    @Override
    public synchronized void close() throws IOException {
        log.close();
    }
}
