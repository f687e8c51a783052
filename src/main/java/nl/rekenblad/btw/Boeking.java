package nl.rekenblad.btw;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a bookkeeping export, as read. Immutable.
 *
 * @param regel        the line number in the input, for messages
 * @param datum        the booking date
 * @param rubriekTekst the rubriek as written (may be unknown: then it is flagged, not counted)
 * @param grondslag    the amount excluding btw (for 5b: the purchase amount)
 * @param btw          the btw, or null when it is to be computed
 * @param tarief       the rate as a fraction (0.21), or null when it follows from rubriek and date
 * @param soort        "goederen", "diensten" or "" (optional column: tells the goods and the services of 3b apart)
 */
public record Boeking(
        long regel,
        LocalDate datum,
        String omschrijving,
        String rubriekTekst,
        BigDecimal grondslag,
        BigDecimal btw,
        BigDecimal tarief,
        String soort) {
    public Boeking(
            long regel,
            LocalDate datum,
            String omschrijving,
            String rubriekTekst,
            BigDecimal grondslag,
            BigDecimal btw,
            BigDecimal tarief) {
        this(regel, datum, omschrijving, rubriekTekst, grondslag, btw, tarief, "");
    }

    /** A line of services (not goods): in 3b these do not count towards the KOR's omzetgrens. */
    public boolean diensten() {
        return "diensten".equals(soort);
    }
}
