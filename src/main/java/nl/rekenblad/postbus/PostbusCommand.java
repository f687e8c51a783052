package nl.rekenblad.postbus;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.internal.command.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code rekenblad postbus}: a mailbox that answers with the workbook. */
@Command(
        name = "postbus",
        mixinStandardHelpOptions = true,
        description = {
            "Bewaakt een IMAP-map: elke nieuwe mail van een toegestane afzender wordt verwerkt zoals bij batch; de afzender"
                    + " krijgt één antwoord met de werkboeken en een overzicht, de mail gaat naar --verwerkt (of --fouten als"
                    + " elke bijlage mislukte). Mail van anderen krijgt geen antwoord en gaat naar --geweigerd.",
            "Wachtwoorden uit REKENBLAD_IMAP_WACHTWOORD en REKENBLAD_SMTP_WACHTWOORD, of --wachtwoord-bestand (regels"
                    + " imap=… en smtp=…, of één regel voor beide; alleen leesbaar voor uzelf). Nooit als argument.",
            "Exitcode met --eenmaal: 0, of 4 als een bijlage mislukte; 3 bij een fout in aanmelden of het statusbestand."
        })
public final class PostbusCommand implements Callable<Integer> {
    @Option(
            names = "--imap",
            paramLabel = "imaps://GEBRUIKER@SERVER[:POORT]/MAP",
            description = "de postbus; een @ in de gebruikersnaam schrijft u als %%40")
    String imap;

    @Option(
            names = "--smtp",
            paramLabel = "smtps://GEBRUIKER@SERVER[:POORT]",
            description = "de server voor de antwoorden (smtp:// vraagt STARTTLS)")
    String smtp;

    @Option(names = "--van", paramLabel = "\"NAAM <ADRES>\"", description = "afzender van de antwoorden")
    String van;

    @Option(
            names = "--afzenders",
            split = ",",
            paramLabel = "LIJST",
            description = "adressen en @domein-regels die de postbus mogen gebruiken, met komma's")
    List<String> afzenders;

    @Option(
            names = "--verwerkt",
            defaultValue = "Verwerkt",
            paramLabel = "MAP",
            description = "standaard: ${DEFAULT-VALUE}")
    String verwerkt;

    @Option(
            names = "--fouten",
            defaultValue = "Fouten",
            paramLabel = "MAP",
            description = "standaard: ${DEFAULT-VALUE}")
    String fouten;

    @Option(
            names = "--geweigerd",
            defaultValue = "Geweigerd",
            paramLabel = "MAP",
            description = "standaard: ${DEFAULT-VALUE}")
    String geweigerd;

    @Option(names = "--eenmaal", description = "verwerk wat er is en stop (voor cron)")
    boolean eenmaal;

    @Option(
            names = "--interval",
            defaultValue = "60",
            paramLabel = "SECONDEN",
            description = "wachttijd tussen rondes zonder IMAP IDLE (standaard: ${DEFAULT-VALUE})")
    long interval;

    @Option(names = "--rapport", paramLabel = "RAPPORT.jsonl", description = "een JSON-regel per bijlage (aangevuld)")
    Path rapport;

    @Option(
            names = "--status",
            defaultValue = "postbus.db",
            paramLabel = "STATUS.db",
            description = "het statusjournaal (standaard: ${DEFAULT-VALUE} in de werkmap)")
    Path status;

    @Option(
            names = "--wachtwoord-bestand",
            paramLabel = "BESTAND",
            description = "wachtwoorden, alleen leesbaar voor uzelf")
    Path wachtwoordBestand;

    @CommandLine.Mixin
    nl.rekenblad.internal.command.BudgetOptie budget;

    @Option(
            names = "--pogingen",
            defaultValue = "3",
            paramLabel = "N",
            description =
                    "een antwoord dat de SMTP-server weigert, ten hoogste zo vaak proberen (standaard: ${DEFAULT-VALUE})")
    int pogingen;

    @Option(
            names = "--ca",
            paramLabel = "BESTAND.pem",
            description =
                    "vertrouw ook dit certificaat (PEM), bijvoorbeeld de eigen certificaatautoriteit van het kantoor")
    Path ca;

    @Option(
            names = "--opnieuw",
            split = ",",
            paramLabel = "MESSAGE-ID",
            description =
                    "vergeet deze mails in het statusjournaal, zodat ze opnieuw worden verwerkt als ze weer in de map"
                            + " staan (bijvoorbeeld na het toevoegen van de afzender); daarna stopt het programma")
    List<String> opnieuw;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (opnieuw != null && !opnieuw.isEmpty()) {
            return vergeet(out, err);
        }
        for (var o : List.of(
                java.util.Map.entry("--imap", imap == null),
                java.util.Map.entry("--smtp", smtp == null),
                java.util.Map.entry("--van", van == null),
                java.util.Map.entry("--afzenders", afzenders == null))) {
            if (o.getValue()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "ontbrekende optie: " + o.getKey());
            }
        }
        MailUri imapUri = MailUri.parse(imap, "--imap", true);
        MailUri smtpUri = MailUri.parse(smtp, "--smtp", false);
        for (MailUri u : List.of(imapUri, smtpUri)) {
            if (!u.tls() && u.loopback()) {
                err.println(
                        "waarschuwing: " + u + ": een onversleutelde verbinding, alleen toegestaan naar deze machine");
            }
        }
        InternetAddress from;
        try {
            from = new InternetAddress(van, true);
        } catch (AddressException e) {
            throw InvalidInputException.of(
                    "--van",
                    "geen geldig adres \"" + van + "\"; verwacht bijvoorbeeld \"Kantoor" + " <btw@kantoor.nl>\"");
        }
        Map<String, String> pw = wachtwoorden();
        Postbus.Instellingen cfg = new Postbus.Instellingen(
                imapUri,
                smtpUri,
                pw.get("imap"),
                pw.get("smtp"),
                from,
                afzenders,
                verwerkt,
                fouten,
                geweigerd,
                Optional.ofNullable(rapport),
                status,
                budget.seconden(),
                Math.max(1, pogingen),
                Math.max(1, interval));
        try (Postbus p = new Postbus(cfg, out, new Postbus.Storing() {})) {
            if (ca != null) {
                p.vertrouw(ca);
            }
            if (eenmaal) {
                Postbus.Ronde r = p.eenmaal();
                out.printf(
                        "mails: %d · beantwoord: %d · geweigerd: %d · bijlagen: %d · mislukt: %d · overgeslagen: %d%n",
                        r.mails(), r.beantwoord(), r.geweigerd(), r.bijlagen(), r.mislukteBijlagen(), r.overgeslagen());
                out.flush();
                if (r.nietVerzonden() > 0) {
                    out.printf(
                            "antwoorden geweigerd door de SMTP-server: %d (volgende ronde opnieuw, na --pogingen naar %s)%n",
                            r.nietVerzonden(), fouten);
                    out.flush();
                }
                return r.mislukt() ? ExitCodes.SOME_FAILED : ExitCodes.OK;
            }
            AtomicBoolean stop = new AtomicBoolean();
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.set(true);
                p.wekOp();
                try {
                    main.join(10_000);
                } catch (InterruptedException e) {
                    // stopping anyway
                }
            }));
            out.println("postbus bewaakt " + imapUri + "; stoppen met Ctrl-C of SIGTERM");
            out.flush();
            p.draai(stop);
            out.printf(
                    "gestopt · beantwoord: %d · geweigerd: %d%n",
                    p.aantal(Journal.Staat.VERPLAATST), p.aantal(Journal.Staat.GEWEIGERD));
            out.flush();
            return ExitCodes.OK;
        } catch (Postbus.PostbusException e) {
            err.println("fout: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        } catch (MessagingException e) {
            Optional<String> blijvend = Postbus.blijvend(e, imapUri).or(() -> Postbus.blijvend(e, smtpUri));
            if (blijvend.isPresent()) {
                err.println("fout: " + blijvend.get());
                err.flush();
                return ExitCodes.FAILURE;
            }
            err.println("fout: de postbus is niet te bereiken (" + imapUri + ")"
                    + nl.rekenblad.internal.io.Messages.reason(e));
            err.flush();
            return ExitCodes.FAILURE;
        }
    }

    /** {@code --opnieuw}: forgets the mails, so the next round processes them again; needs only --status. */
    private int vergeet(PrintWriter out, PrintWriter err) {
        try (Journal j = new Journal(status)) {
            int missing = 0;
            for (String id : opnieuw) {
                String key = id.strip().startsWith("<") ? id.strip() : "<" + id.strip() + ">";
                if (j.vergeet(key)) {
                    out.println("vergeten: " + key + "; zet de mail terug in de map en hij wordt opnieuw verwerkt");
                } else {
                    err.println("fout: " + key + " staat niet in " + status);
                    missing++;
                }
            }
            out.flush();
            err.flush();
            return missing > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
        } catch (IOException e) {
            err.println("fout: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
    }

    /** The passwords: from the environment, or a file only its owner may read. */
    private Map<String, String> wachtwoorden() throws IOException, InvalidInputException {
        Map<String, String> m = new HashMap<>();
        if (wachtwoordBestand != null) {
            if (!Files.isRegularFile(wachtwoordBestand)) {
                throw InvalidInputException.of("--wachtwoord-bestand", "bestand bestaat niet: " + wachtwoordBestand);
            }
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(wachtwoordBestand);
                if (perms.stream()
                        .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                    throw InvalidInputException.of(
                            "--wachtwoord-bestand",
                            wachtwoordBestand + " is leesbaar voor anderen;"
                                    + " maak het alleen voor uzelf leesbaar (chmod 600)");
                }
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: nothing to check
            }
            List<String> lines = Files.readAllLines(wachtwoordBestand).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
            for (String l : lines) {
                if (l.startsWith("imap=")) {
                    m.put("imap", l.substring(5));
                } else if (l.startsWith("smtp=")) {
                    m.put("smtp", l.substring(5));
                }
            }
            if (m.isEmpty() && lines.size() == 1) {
                m.put("imap", lines.get(0));
                m.put("smtp", lines.get(0));
            }
        }
        m.putIfAbsent("imap", System.getenv("REKENBLAD_IMAP_WACHTWOORD"));
        m.putIfAbsent("smtp", System.getenv("REKENBLAD_SMTP_WACHTWOORD"));
        for (String k : Arrays.asList("imap", "smtp")) {
            if (m.get(k) == null || m.get(k).isEmpty()) {
                throw InvalidInputException.of(
                        "--" + k,
                        "geen wachtwoord: zet REKENBLAD_" + k.toUpperCase(java.util.Locale.ROOT)
                                + "_WACHTWOORD of geef --wachtwoord-bestand");
            }
        }
        return m;
    }
}
