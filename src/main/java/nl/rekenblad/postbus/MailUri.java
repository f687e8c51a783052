package nl.rekenblad.postbus;

import nl.rekenblad.core.InvalidInputException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A mailbox or mail server as the command line names it: {@code imaps://USER@HOST[:PORT]/MAP} or
 * {@code smtp://USER@HOST[:PORT]}. A user name that is a mail address is percent-encoded ({@code btw%40kantoor.nl}).
 * {@code imaps}/{@code smtps}: implicit TLS; {@code imap}/{@code smtp}: STARTTLS required, except to a loopback host,
 * where a plain connection is allowed (with a warning).
 */
record MailUri(String protocol, boolean tls, String user, String host, int port, String folder) {
    static MailUri parse(String text, String option, boolean imap) throws InvalidInputException {
        URI u;
        try {
            u = new URI(text);
        } catch (URISyntaxException e) {
            throw InvalidInputException.of(
                    option,
                    "geen geldige adresregel \"" + text + "\"; verwacht bijvoorbeeld "
                            + (imap
                                    ? "imaps://btw%40kantoor.nl@mail.kantoor.nl/INBOX"
                                    : "smtps://btw%40kantoor.nl@mail.kantoor.nl"));
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String base = imap ? "imap" : "smtp";
        if (!scheme.equals(base) && !scheme.equals(base + "s")) {
            throw InvalidInputException.of(
                    option, "verwacht " + base + ":// of " + base + "s://, gevonden \"" + scheme + "\"");
        }
        if (u.getHost() == null || u.getUserInfo() == null || u.getUserInfo().isEmpty()) {
            throw InvalidInputException.of(
                    option,
                    "gebruiker en server ontbreken; verwacht " + base + "s://GEBRUIKER@SERVER[:POORT]"
                            + (imap ? "/MAP" : "") + " (een @ in de gebruikersnaam schrijft u als %40)");
        }
        if (u.getUserInfo().contains(":")) {
            throw InvalidInputException.of(
                    option,
                    "geef het wachtwoord niet in het adres; gebruik REKENBLAD_" + base.toUpperCase(Locale.ROOT)
                            + "_WACHTWOORD of --wachtwoord-bestand");
        }
        boolean tls = scheme.endsWith("s");
        int port = u.getPort() > 0 ? u.getPort() : imap ? (tls ? 993 : 143) : (tls ? 465 : 587);
        String folder = imap
                ? (u.getPath() == null || u.getPath().length() <= 1
                        ? "INBOX"
                        : u.getPath().substring(1))
                : "";
        return new MailUri(scheme, tls, u.getUserInfo(), u.getHost(), port, folder);
    }

    /** Whether the host is this machine (a test or a local relay): then a plain connection is allowed. */
    boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return protocol + "://" + user + "@" + host + ":" + port + (folder.isEmpty() ? "" : "/" + folder);
    }
}
