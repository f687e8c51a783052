/**
 * What every regulation's command shares: the output options ({@code -o}, {@code --json}) and how an outcome is
 * delivered, and the exit codes.
 *
 * <p>May use: {@code core}, {@code api}, the input toolkit, picocli. Internal.
 */
package nl.rekenblad.internal.command;
