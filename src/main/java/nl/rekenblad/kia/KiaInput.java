package nl.rekenblad.kia;

import nl.rekenblad.core.Problem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An investment register: the assets in input order. Immutable.
 *
 * @param bron     the input's name for messages
 * @param activa   the assets, in the order of the register
 * @param aandeel  the partner's share when the register is a partnership's (0 &lt; share ≤ 1)
 * @param warnings what the reader noticed but did not stop for
 */
public record KiaInput(String bron, List<Activum> activa, Optional<BigDecimal> aandeel, List<Problem> warnings) {
    public KiaInput {
        activa = List.copyOf(activa);
        warnings = List.copyOf(warnings);
    }

    public KiaInput withAandeel(Optional<BigDecimal> share) {
        return new KiaInput(bron, activa, share, warnings);
    }
}
