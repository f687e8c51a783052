package nl.rekenblad.cli;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import nl.rekenblad.internal.command.ExitCodes;
import nl.rekenblad.internal.io.Messages;
import nl.rekenblad.internal.io.PoiSettings;
import nl.rekenblad.rules.MissingRuleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code rekenblad} command: subcommands per capability, one clear line per problem, no stack traces. */
@Command(
        name = "rekenblad",
        mixinStandardHelpOptions = true,
        version = "rekenblad 0.1.0",
        description = "Rekent belastingzaken voor kleine ondernemers door en schrijft een werkboek met live formules"
                + " en een toelichting in het Nederlands.",
        exitCodeListHeading = "%nExitcodes:%n",
        exitCodeList = {
            "0:gelukt (eventueel met waarschuwingen)",
            "1:fout in de invoer (elke fout op een eigen regel)",
            "2:verkeerde aanroep (onbekende optie, ontbrekend argument)",
            "3:bestand niet te lezen of te schrijven, of een interne fout",
            "4:batch: een of meer bestanden mislukten (zie het verslag)"
        })
public final class Main implements Runnable {
    public static final int OK = ExitCodes.OK;
    public static final int INVALID_INPUT = ExitCodes.INVALID_INPUT;
    public static final int USAGE = ExitCodes.USAGE;
    public static final int FAILURE = ExitCodes.FAILURE;
    public static final int SOME_FAILED = ExitCodes.SOME_FAILED;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The configured command line with every subcommand, also for tests ({@code commandLine().execute(…)}). */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: when the first argument names a regulation, only that subcommand is built
     * (a {@code kor} run need not build the models of postbus, web and batch, whose options load mail and server
     * classes); otherwise every subcommand, for the help and for suggestions on a mistyped command.
     */
    static CommandLine commandLine(String[] args) {
        PoiSettings.applyBeforeReading();
        CommandLine cl = new CommandLine(new Main());
        String first = args.length == 0 ? "" : args[0];
        boolean one = Rekenblad.providers().stream().anyMatch(r -> r.name().equals(first));
        // One subcommand per regulation, in the registry's order, before batch, template and bench.
        for (nl.rekenblad.spi.RegulationProvider r : Rekenblad.providers()) {
            if (!one || r.name().equals(first)) {
                cl.addSubcommand(r.name(), new CommandLine(r.command()));
            }
        }
        if (!one) {
            // The commands after the regulations' own, in the order the help lists them (named here, not in a
            // constant: a class literal loads its class).
            java.util.List.of(
                            BatchCommand.class,
                            nl.rekenblad.postbus.PostbusCommand.class,
                            nl.rekenblad.web.WebCommand.class,
                            TemplateCommand.class,
                            BenchCommand.class,
                            OefenCommand.class)
                    .forEach(c -> cl.addSubcommand(new CommandLine(c)));
        }
        // Texts that follow from the registry and the rules data are completed only when a help text is shown: a run
        // of kor need not load the winstberekening and read its rules to describe it.
        Runnable teksten = new Runnable() {
            private boolean klaar;

            @Override
            public synchronized void run() {
                if (!klaar) {
                    klaar = true;
                    completeTexts(cl);
                }
            }
        };
        cl.setResourceBundle(java.util.ResourceBundle.getBundle("nl.rekenblad.cli.Teksten"));
        cl.setParameterExceptionHandler(Main::usageError);
        // picocli passes Errors on; a hostile input must never end in a stack trace.
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> {
            try {
                return run.execute(parsed);
            } catch (StackOverflowError e) {
                throw new CommandLine.ExecutionException(
                        parsed.commandSpec().commandLine(),
                        "te diep genest",
                        new Resources("de invoer is te diep genest om te verwerken"));
            } catch (OutOfMemoryError e) {
                throw new CommandLine.ExecutionException(
                        parsed.commandSpec().commandLine(),
                        "geheugen op",
                        new Resources("te groot voor het geheugen; geef Java meer geheugen (REKENBLAD_JAVA_OPTS=-Xmx…)"
                                + " of splits de invoer"));
            }
        });
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setHelpFactory((spec, colors) -> {
            teksten.run();
            return new CommandLine.Help(spec, colors);
        });
        return cl;
    }

    /** Completes the help texts that list the regulations (batch) or follow from data (winst's fields). */
    private static void completeTexts(CommandLine cl) {
        for (var sub : cl.getSubcommands().values()) {
            if (sub.getCommand() instanceof nl.rekenblad.internal.command.Beschrijving b) {
                var u = sub.getCommandSpec().usageMessage();
                u.description(b.beschrijving(u.description()));
            }
        }
        if (!cl.getSubcommands().containsKey("batch")) {
            return;
        }
        var batch = cl.getSubcommands().get("batch").getCommandSpec().usageMessage();
        batch.description(java.util.Arrays.stream(batch.description())
                .map(d -> d.replace(BatchCommand.SOORTEN, nl.rekenblad.batch.Batch.soorten(Rekenblad.regulations())))
                .toArray(String[]::new));
    }

    /**
     * A wrong call in Dutch: what is wrong, a suggestion for a mistyped command or option, and where the help is.
     * picocli's own message is translated where it has a known form.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("fout: " + UsageMessages.dutch(e.getMessage()));
        UsageMessages.suggestion(cl, args).ifPresent(s -> err.println("fout: bedoelde u " + s + "?"));
        err.println("fout: zie '" + cl.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return USAGE;
    }

    /** A run that ran out of stack or memory: one line, exit code 3. */
    static final class Resources extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Resources(String message) {
            super(message, null, false, false);
        }
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof CommandLine.ExecutionException ee && ee.getCause() instanceof Resources r) {
            e = r;
        }
        if (e instanceof Resources r) {
            err.println("fout: " + r.getMessage());
            err.flush();
            return FAILURE;
        }
        if (e instanceof InvalidInputException iie) {
            for (Problem p : iie.problems()) {
                err.println((p.isError() ? "fout: " : "waarschuwing: ") + p);
            }
            err.flush();
            return INVALID_INPUT;
        }
        if (e instanceof MissingRuleException mre) {
            err.println("fout: " + mre.getMessage());
            err.flush();
            return INVALID_INPUT;
        }
        if (e instanceof java.nio.file.NoSuchFileException nsf) {
            err.println(
                    nsf.getReason() == null || nsf.getReason().equals("niet gevonden")
                            ? "fout: bestand niet gevonden: " + nsf.getFile()
                            : "fout: " + nsf.getFile() + ": " + nsf.getReason());
            err.flush();
            return FAILURE;
        }
        if (e instanceof nl.rekenblad.internal.io.AtomicFiles.OutputException out) {
            err.println("fout: " + out.getMessage());
            err.flush();
            return FAILURE;
        }
        if (e instanceof java.io.IOException io) {
            err.println("fout: " + Messages.io(io));
            err.flush();
            return FAILURE;
        }
        err.println("interne fout" + Messages.reason(e) + " (meld dit; zet REKENBLAD_DEBUG=1 voor de details)");
        if (System.getenv("REKENBLAD_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return FAILURE;
    }
}
