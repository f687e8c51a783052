/**
 * The command line (picocli): {@code Main} adds one subcommand per registered regulation, then {@code batch},
 * {@code template} and {@code bench}; maps exceptions to one line and an exit code.
 *
 * <p>May use: anything of rekenblad. Internal.
 */
package nl.rekenblad.cli;
