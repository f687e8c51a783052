/**
 * The input toolkit and output plumbing every regulation shares: cell reading, amount and date notation, text
 * files and the one CSV dialect sniffer ({@code CsvDialect}), safe opening of untrusted workbooks, atomic output
 * files, JSON, and the {@code Outcome} every regulation returns.
 *
 * <p>May use: {@code core}, {@code api}, {@code spi}, the workbook engine, POI, Commons CSV. Internal: no compatibility
 * promise.
 */
package nl.rekenblad.internal.io;
