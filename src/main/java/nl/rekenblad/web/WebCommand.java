package nl.rekenblad.web;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code rekenblad web}: the page to drop files on, until Ctrl-C. */
@Command(
        name = "web",
        mixinStandardHelpOptions = true,
        description = {
            "Start een webpagina om bestanden op te slepen: elk bestand wordt herkend en doorgerekend zoals batch dat"
                    + " doet; de pagina toont de cijfers, waarschuwingen en fouten en biedt het werkboek en de JSON"
                    + " om te downloaden. Er wordt niets bewaard. Ctrl-C stopt de server.",
            "Standaard alleen op deze computer (127.0.0.1). Op een ander adres is een wachtwoord nodig in de"
                    + " omgevingsvariabele REKENBLAD_WEB_WACHTWOORD (de browser vraagt erom)."
        })
public final class WebCommand implements Callable<Integer> {
    @Option(
            names = "--poort",
            paramLabel = "POORT",
            defaultValue = "8080",
            description = "poort (standaard: ${DEFAULT-VALUE}; 0 kiest een vrije)")
    int poort;

    @Option(
            names = "--adres",
            paramLabel = "ADRES",
            defaultValue = "127.0.0.1",
            description = "adres om op te luisteren (standaard: ${DEFAULT-VALUE}, alleen deze computer)")
    String adres;

    @Option(
            names = "--naam",
            paramLabel = "HOSTNAAM",
            description = "een naam of IP-adres waaronder de pagina ook bereikt wordt (bijvoorbeeld de naam van de"
                    + " computer in het netwerk, of 192.168.1.20 bij --adres 0.0.0.0); herhaalbaar")
    List<String> namen = List.of();

    @CommandLine.Mixin
    nl.rekenblad.internal.command.BudgetOptie budget;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> wachtwoord = Optional.ofNullable(System.getenv("REKENBLAD_WEB_WACHTWOORD"));
        WebServer server = new WebServer(adres, poort, wachtwoord, namen, budget.seconden(), out);
        try {
            server.start();
        } catch (java.io.IOException e) {
            server.close();
            throw new java.io.IOException(
                    "kan niet luisteren op " + adres + ":" + poort + " (is de poort al in gebruik? kies er een met"
                            + " --poort)",
                    e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.close();
                            } catch (Exception ignored) {
                                // stopping anyway
                            }
                        },
                        "web-stop"));
        out.println("rekenblad web: open " + server.url() + " in uw browser (Ctrl-C stopt de server)");
        out.flush();
        server.join();
        return 0;
    }
}
