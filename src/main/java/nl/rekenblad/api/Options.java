package nl.rekenblad.api;

import nl.rekenblad.core.Period;
import nl.rekenblad.core.Rechtsvorm;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a regulation: a set of {@link Option}s with their values; an option not set has its default (absent).
 * Each regulation reads the options that apply to it and declares its own ({@code KorRegulation.OMZET_VORIG_JAAR},
 * {@code KiaRegulation.AANDEEL}, …); the ones several regulations read are here. Immutable and thread-safe; make
 * one with {@link #builder()}, like Commons CSV's {@code CSVFormat.builder()}.
 */
public final class Options {
    /** The legal form (KOR, btw {@code --kor}); absent: the workbook's, else eenmanszaak. */
    public static final Option<Rechtsvorm> RECHTSVORM = Option.of("rechtsvorm", Rechtsvorm.class);
    /** The year (btw: of the return, absent: the year of the first line; template KOR: filled in). */
    public static final Option<Integer> JAAR =
            Option.of("jaar", Integer.class, y -> y >= 1900 && y < 2200, "verwacht een jaartal");
    /** The period length (btw, template KOR); absent: quarter. */
    public static final Option<Period.Kind> PERIODE = Option.of("periode", Period.Kind.class);

    private static final Options DEFAULTS = new Options(Map.of());

    private final Map<Option<?>, Object> values;

    private Options(Map<Option<?>, Object> values) {
        this.values = values;
    }

    /** Every option at its default. */
    public static Options defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder(new IdentityHashMap<>());
    }

    /** A builder holding these options, to change some. */
    public Builder toBuilder() {
        return new Builder(new IdentityHashMap<>(values));
    }

    /** The value of {@code option}, when set. */
    public <T> Optional<T> get(Option<T> option) {
        @SuppressWarnings("unchecked")
        T v = (T) values.get(option);
        return Optional.ofNullable(v);
    }

    /** The value of {@code option}, or {@code fallback} when it is not set. */
    public <T> T get(Option<T> option, T fallback) {
        return get(option).orElse(fallback);
    }

    /** The period length: {@link #PERIODE}, by default a quarter. */
    public Period.Kind periode() {
        return get(PERIODE, Period.Kind.KWARTAAL);
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Builds {@link Options}; not thread-safe. */
    public static final class Builder {
        private final Map<Option<?>, Object> values;

        private Builder(Map<Option<?>, Object> values) {
            this.values = values;
        }

        /**
         * Sets {@code option}; {@code null} unsets it (its default applies).
         *
         * @throws IllegalArgumentException for a value the option does not allow
         */
        public <T> Builder set(Option<T> option, T value) {
            Objects.requireNonNull(option, "option");
            if (value == null) {
                values.remove(option);
            } else {
                values.put(option, option.check(value));
            }
            return this;
        }

        public Options build() {
            return new Options(Collections.unmodifiableMap(new IdentityHashMap<>(values)));
        }
    }
}
