package nl.rekenblad.postbus;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23: connection faults that do not heal by trying again are one Dutch line saying what to do, and an
 * office's own certificate authority can be trusted with {@code --ca}.
 */
class TlsTest {
    @TempDir
    Path dir;

    private static MailUri uri(String s) throws Exception {
        return MailUri.parse(s, "--imap", true);
    }

    @Test
    void certificateAndStarttlsFaultsAreDutchLinesWithWhatToDo() throws Exception {
        MailUri imap = uri("imaps://btw%40kantoor.nl@mail.kantoor.nl/INBOX");
        MessagingException pkix = new MessagingException(
                "connect failed",
                new SSLHandshakeException(
                        "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find"
                                + " valid certification path to requested target"));
        String m = Postbus.blijvend(pkix, imap).orElseThrow();
        assertTrue(m.contains("mail.kantoor.nl") && m.contains("niet vertrouwd") && m.contains("--ca"), m);
        MessagingException name = new MessagingException(
                "x", new SSLHandshakeException("No subject alternative DNS name matching mail.kantoor.nl found."));
        assertTrue(Postbus.blijvend(name, imap).orElseThrow().contains("andere servernaam"));
        MailUri smtp = MailUri.parse("smtp://btw%40kantoor.nl@mail.kantoor.nl", "--smtp", false);
        MessagingException starttls = new MessagingException("STARTTLS is required but host does not support STARTTLS");
        assertTrue(Postbus.blijvend(starttls, smtp).orElseThrow().contains("smtps://"));
        assertTrue(
                Postbus.blijvend(new MessagingException("Connection refused"), imap)
                        .isEmpty(),
                "that one may heal");
    }

    @Test
    void anOwnCertificateAuthorityIsTrustedFromPemAndAnythingElseIsOneLine() throws Exception {
        Path ks = dir.resolve("ca.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(
                keytool,
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=Kantoor CA",
                "-ext",
                "bc:c",
                "-validity",
                "30",
                "-storetype",
                "PKCS12",
                "-keystore",
                ks.toString(),
                "-storepass",
                "geheim");
        Path pem = dir.resolve("ca.pem");
        run(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ks.toString(),
                "-storepass",
                "geheim",
                "-file",
                pem.toString());
        assertTrue(Files.readString(pem).contains("BEGIN CERTIFICATE"));
        Postbus.Instellingen cfg = Postbus.instellingen(
                "imaps://btw%40kantoor.nl@mail.kantoor.nl/INBOX",
                "smtps://btw%40kantoor.nl@mail.kantoor.nl",
                "geheim",
                "Kantoor <btw@kantoor.nl>",
                List.of("@kantoor.nl"),
                dir.resolve("postbus.db"),
                Optional.empty());
        try (Postbus p = new Postbus(cfg, new PrintWriter(new StringWriter()), new Postbus.Storing() {})) {
            p.vertrouw(pem);
            Path bad = dir.resolve("geen.pem");
            Files.writeString(bad, "dit is geen certificaat");
            Postbus.PostbusException e = assertThrows(Postbus.PostbusException.class, () -> p.vertrouw(bad));
            assertTrue(e.getMessage().contains("--ca") && e.getMessage().contains("PEM"), e.getMessage());
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor() == 0, String.join(" ", cmd) + ": " + out);
    }
}
