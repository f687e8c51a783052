/**
 * The library surface every regulation shares: {@link nl.rekenblad.api.Regulation} (what a regulation is),
 * {@link nl.rekenblad.api.Source} (an input: a file, bytes or a stream, with a name for messages),
 * {@link nl.rekenblad.api.Options} (an immutable builder of every option), {@link nl.rekenblad.api.Outcome} (the
 * result, its figures and warnings, and the workbook to a stream or atomically to a file) and
 * {@link nl.rekenblad.spi.Recognition}.
 *
 * <p>May use: {@code core} only. API.
 */
package nl.rekenblad.api;
