/**
 * The benchmarks ({@code rekenblad bench btw}, {@code rekenblad bench batch}): generate inputs, run them through
 * the registry, print the figures.
 *
 * <p>May use: anything of rekenblad except the command line. Internal.
 */
package nl.rekenblad.bench;
