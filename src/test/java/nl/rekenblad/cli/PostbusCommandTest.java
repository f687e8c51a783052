package nl.rekenblad.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The postbus command line: passwords never as arguments, a readable password file refused, exit codes. */
class PostbusCommandTest {
    @TempDir
    Path dir;

    @Test
    void passwordFileReadableByOthersIsRefusedAndAWrongPasswordExitsThree() throws Exception {
        GreenMail gm = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        gm.start();
        try {
            gm.setUser("btw@kantoor.nl", "btw@kantoor.nl", "geheim");
            Path pw = dir.resolve("wachtwoord");
            Files.writeString(pw, "fout\n");
            Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-r--r--"));
            String[] args = {
                "postbus",
                "--imap",
                "imap://btw%40kantoor.nl@127.0.0.1:" + gm.getImap().getPort() + "/INBOX",
                "--smtp",
                "smtp://btw%40kantoor.nl@127.0.0.1:" + gm.getSmtp().getPort(),
                "--van",
                "Kantoor <btw@kantoor.nl>",
                "--afzenders",
                "@bedrijf.nl",
                "--eenmaal",
                "--status",
                dir.resolve("p.db").toString(),
                "--wachtwoord-bestand",
                pw.toString()
            };
            nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(args);
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("leesbaar voor anderen"), r.err());
            Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
            r = nl.rekenblad.testing.Cli.run(args);
            assertEquals(3, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("aanmelden bij") && r.err().contains("mislukt"), r.err());
            Files.writeString(pw, "geheim\n");
            r = nl.rekenblad.testing.Cli.run(args);
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("mails: 0"), r.out());
            assertTrue(r.err().contains("onversleutelde verbinding"), r.err());
        } finally {
            gm.stop();
        }
    }

    @Test
    void aPasswordInTheAddressIsRefused() {
        nl.rekenblad.testing.Cli.Run r = nl.rekenblad.testing.Cli.run(
                "postbus",
                "--imap",
                "imaps://btw:geheim@mail.kantoor.nl/INBOX",
                "--smtp",
                "smtps://btw@mail.kantoor.nl",
                "--van",
                "a@b.nl",
                "--afzenders",
                "@b.nl",
                "--eenmaal");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("geef het wachtwoord niet in het adres"), r.err());
    }
}
