package nl.rekenblad.internal.command;

import picocli.CommandLine.Option;

/** {@code --budget SECONDEN}: the one time budget per file or attachment of batch, postbus and web (a picocli mixin). */
public final class BudgetOptie {
    @Option(
            names = "--budget",
            paramLabel = "SECONDEN",
            defaultValue = "60",
            description = "tijd per bestand of bijlage (standaard: ${DEFAULT-VALUE} s)")
    long seconden;

    /** The seconds each file may take. */
    public long seconden() {
        return seconden;
    }
}
