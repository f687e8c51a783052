package nl.rekenblad.postbus;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The postbus in a JVM of its own, for {@link KillTest}: one round against the given IMAP and SMTP ports with the given
 * status journal, then exit 0. The test kills it with SIGKILL at random moments and starts it again.
 */
final class PostbusKind {
    private PostbusKind() {}

    public static void main(String[] args) throws Exception {
        String imap = "imap://btw%40kantoor.nl@127.0.0.1:" + args[0] + "/INBOX";
        String smtp = "smtp://btw%40kantoor.nl@127.0.0.1:" + args[1];
        Postbus.Instellingen d = Postbus.instellingen(
                imap,
                smtp,
                "geheim",
                "Kantoor <btw@kantoor.nl>",
                List.of("@bedrijf.nl"),
                Path.of(args[2]),
                Optional.empty());
        // GreenMail delivers the copy of a reply before it accepts it: 2 s is ample to wait for it after a kill.
        Postbus.Instellingen cfg = new Postbus.Instellingen(
                d.imap(),
                d.smtp(),
                d.imapWachtwoord(),
                d.smtpWachtwoord(),
                d.van(),
                d.afzenders(),
                d.verwerkt(),
                d.fouten(),
                d.geweigerd(),
                d.rapport(),
                d.status(),
                d.secondenPerBijlage(),
                d.maxPogingen(),
                d.intervalSeconden(),
                d.verzonden(),
                2);
        try (Postbus p = new Postbus(cfg, new PrintWriter(System.out, true), new Postbus.Storing() {})) {
            p.eenmaal();
        }
        System.exit(0);
    }
}
