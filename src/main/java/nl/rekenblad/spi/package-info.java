/**
 * What a regulation package implements beyond the library surface: {@link nl.rekenblad.spi.RegulationProvider} (how
 * batch recognises its input and reserves memory for it, what its output brings to the winstberekening, its command),
 * {@link nl.rekenblad.spi.Recognition} (what is known of an input before it is read) and
 * {@link nl.rekenblad.spi.Contribution} (what an output brings to the profit). A caller of the library needs none of
 * it; an implementer registers a provider with one line in {@code nl.rekenblad.Rekenblad}.
 *
 * <p>May use: {@code core}, {@code api}. SPI.
 */
package nl.rekenblad.spi;
