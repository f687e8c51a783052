package nl.rekenblad.api;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Rechtsvorm;

/**
 * How to run a regulation: every option has a default, and each regulation reads the ones that apply to it
 * (like one {@code CSVFormat} for every CSV). Immutable and thread-safe; make one with {@link #builder()}.
 */
public final class Options {
    private static final Options DEFAULTS = builder().build();

    private final Rechtsvorm rechtsvorm;
    private final Money omzetVorigJaar;
    private final BigDecimal aandeel;
    private final Integer jaar;
    private final Period.Kind periode;
    private final boolean kor;
    private final Path kolommen;

    private Options(Builder b) {
        this.rechtsvorm = b.rechtsvorm;
        this.omzetVorigJaar = b.omzetVorigJaar;
        this.aandeel = b.aandeel;
        this.jaar = b.jaar;
        this.periode = b.periode;
        this.kor = b.kor;
        this.kolommen = b.kolommen;
    }

    /** Every option at its default. */
    public static Options defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.rechtsvorm = rechtsvorm;
        b.omzetVorigJaar = omzetVorigJaar;
        b.aandeel = aandeel;
        b.jaar = jaar;
        b.periode = periode;
        b.kor = kor;
        b.kolommen = kolommen;
        return b;
    }

    /** KOR, btw {@code --kor}: the legal form; absent means the workbook's, else eenmanszaak. */
    public Optional<Rechtsvorm> rechtsvorm() {
        return Optional.ofNullable(rechtsvorm);
    }

    /** KOR: the previous year's turnover for the omzetgrens (from 2025); absent means the workbook's, if any. */
    public Optional<Money> omzetVorigJaar() {
        return Optional.ofNullable(omzetVorigJaar);
    }

    /** KIA: the partner's share when the register is a partnership's (0 &lt; share ≤ 1). */
    public Optional<BigDecimal> aandeel() {
        return Optional.ofNullable(aandeel);
    }

    /** Btw: the year of the return; absent means the year of the first line. Template KOR: the year filled in. */
    public Optional<Integer> jaar() {
        return Optional.ofNullable(jaar);
    }

    /** Btw and template KOR: the period length (default quarter). */
    public Period.Kind periode() {
        return periode;
    }

    /** Btw: whether the periods go on into the KOR jaaropstelling. */
    public boolean kor() {
        return kor;
    }

    /** Btw: a file of {@code veld=kolomnaam} lines naming a journal's columns. */
    public Optional<Path> kolommen() {
        return Optional.ofNullable(kolommen);
    }

    /** Builds {@link Options}; not thread-safe. */
    public static final class Builder {
        private Rechtsvorm rechtsvorm;
        private Money omzetVorigJaar;
        private BigDecimal aandeel;
        private Integer jaar;
        private Period.Kind periode = Period.Kind.KWARTAAL;
        private boolean kor;
        private Path kolommen;

        private Builder() {
        }

        public Builder rechtsvorm(Rechtsvorm v) {
            this.rechtsvorm = v;
            return this;
        }

        public Builder omzetVorigJaar(Money v) {
            this.omzetVorigJaar = v;
            return this;
        }

        /** @throws IllegalArgumentException unless 0 &lt; {@code v} ≤ 1 */
        public Builder aandeel(BigDecimal v) {
            if (v != null && (v.signum() <= 0 || v.compareTo(BigDecimal.ONE) > 0)) {
                throw new IllegalArgumentException("aandeel moet groter dan 0 en ten hoogste 1 zijn: " + v.toPlainString());
            }
            this.aandeel = v;
            return this;
        }

        public Builder jaar(Integer v) {
            this.jaar = v;
            return this;
        }

        public Builder periode(Period.Kind v) {
            this.periode = Objects.requireNonNull(v, "periode");
            return this;
        }

        public Builder kor(boolean v) {
            this.kor = v;
            return this;
        }

        public Builder kolommen(Path v) {
            this.kolommen = v;
            return this;
        }

        public Options build() {
            return new Options(this);
        }
    }
}
