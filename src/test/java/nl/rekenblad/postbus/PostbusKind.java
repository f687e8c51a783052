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
    private PostbusKind() {
    }

    public static void main(String[] args) throws Exception {
        String imap = "imap://btw%40kantoor.nl@127.0.0.1:" + args[0] + "/INBOX";
        String smtp = "smtp://btw%40kantoor.nl@127.0.0.1:" + args[1];
        Postbus.Instellingen cfg = Postbus.instellingen(imap, smtp, "geheim", "Kantoor <btw@kantoor.nl>",
                List.of("@bedrijf.nl"), Path.of(args[2]), Optional.empty());
        try (Postbus p = new Postbus(cfg, new PrintWriter(System.out, true), new Postbus.Storing() { })) {
            p.eenmaal();
        }
        System.exit(0);
    }
}
