package nl.rekenblad.postbus;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The postbus's memory across crashes: per mail (its Message-ID, or a hash of its headers) the last step done. Each
 * step is written in its own committed transaction before the next begins, in an embedded H2 database file. Not
 * thread-safe: one journal per service.
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
        /** From a sender outside the list: no reply; only move. */
        GEWEIGERD,
        /** Filed in its folder: done. */
        VERPLAATST
    }

    /** What the journal knows of a mail. */
    record Regel(Staat staat, int pogingen, String doelmap) {
    }

    private final Connection db;

    Journal(Path file) throws SQLException {
        String name = file.toAbsolutePath().toString();
        if (name.endsWith(".mv.db")) {
            name = name.substring(0, name.length() - ".mv.db".length());
        }
        db = DriverManager.getConnection("jdbc:h2:file:" + name + ";DB_CLOSE_ON_EXIT=FALSE", "postbus", "");
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS mail (sleutel VARCHAR(300) PRIMARY KEY, staat VARCHAR(20) NOT NULL,"
                    + " pogingen INT NOT NULL DEFAULT 0, doelmap VARCHAR(200), afzender VARCHAR(500), onderwerp VARCHAR(1000),"
                    + " bijgewerkt TIMESTAMP NOT NULL)");
        }
    }

    synchronized Optional<Regel> get(String key) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT staat, pogingen, doelmap FROM mail WHERE sleutel = ?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new Regel(Staat.valueOf(r.getString(1)), r.getInt(2), r.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** Records that {@code key} reached {@code staat} (committed before this returns). */
    synchronized void zet(String key, Staat staat, String doelmap, String afzender, String onderwerp) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("MERGE INTO mail (sleutel, staat, pogingen, doelmap, afzender, onderwerp,"
                + " bijgewerkt) KEY (sleutel) VALUES (?, ?, COALESCE((SELECT pogingen FROM mail WHERE sleutel = ?), 0), ?, ?, ?, ?)")) {
            p.setString(1, key);
            p.setString(2, staat.name());
            p.setString(3, key);
            p.setString(4, doelmap);
            p.setString(5, cut(afzender, 500));
            p.setString(6, cut(onderwerp, 1000));
            p.setTimestamp(7, Timestamp.from(Instant.now()));
            p.executeUpdate();
        }
    }

    /** One more failed attempt to send the reply; returns the number of attempts so far. */
    synchronized int mislukt(String key) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("UPDATE mail SET pogingen = pogingen + 1, staat = 'ONTVANGEN',"
                + " bijgewerkt = ? WHERE sleutel = ?")) {
            p.setTimestamp(1, Timestamp.from(Instant.now()));
            p.setString(2, key);
            p.executeUpdate();
        }
        return get(key).map(Regel::pogingen).orElse(0);
    }

    synchronized long aantal(Staat staat) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM mail WHERE staat = ?")) {
            p.setString(1, staat.name());
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String cut(String s, int n) {
        return s == null ? null : s.length() > n ? s.substring(0, n) : s;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
