/**
 * {@code rekenblad web}: a local Dutch page to drop files on, served by Jetty from the jar ({@code WebServer},
 * {@code WebCommand}; the page, its CSS and script are resources beside the classes). Every file goes through batch's
 * one attachment path; nothing is kept after the response.
 *
 * <p>May use: root, {@code api}, {@code spi}, {@code core}, {@code batch}, {@code internal.io}, the regulations' public
 * options, Jetty, picocli.
 */
package nl.rekenblad.web;
