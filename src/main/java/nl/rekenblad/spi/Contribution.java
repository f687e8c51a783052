package nl.rekenblad.spi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an output of one regulation brings to the winstberekening of a year: amounts by winst field ({@code kor};
 * {@code kia}, {@code eia}, {@code mia}, {@code bijtelling}), and remarks for the bookkeeper. Immutable.
 */
public record Contribution(Map<String, BigDecimal> amounts, List<String> warnings) {
    public Contribution {
        amounts = Collections.unmodifiableMap(new LinkedHashMap<>(amounts));
        warnings = List.copyOf(warnings);
    }

    /**
     * The output given is not one this regulation can read for the year (not its output, another year, unreadable).
     * The message completes "veld kor: PATH …" ("gaat over 2024, niet over 2025").
     */
    public static final class NotUsable extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public NotUsable(String message) {
            super(message);
        }
    }
}
