/**
 * The rubrieken of the Dutch btw-aangifte (1a … 5b), shared by the KOR and the btw-opstelling.
 *
 * <p>May use: the JDK only. API.
 */
package nl.rekenblad.aangifte;
