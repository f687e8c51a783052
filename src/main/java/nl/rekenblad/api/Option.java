package nl.rekenblad.api;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One named, typed option of a run, such as {@link Options#RECHTSVORM} or {@code KorRegulation.OMZET_VORIG_JAAR}.
 * Options that several regulations read are declared in {@link Options}; the others by their regulation, so a new
 * option is a change in one package. Immutable; equal only to itself.
 *
 * @param <T> the type of its value
 */
public final class Option<T> {
    private final String name;
    private final Class<T> type;
    private final Predicate<? super T> valid;
    private final String requirement;

    private Option(String name, Class<T> type, Predicate<? super T> valid, String requirement) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.valid = valid;
        this.requirement = requirement;
    }

    /** An option that takes any value of {@code type}. */
    public static <T> Option<T> of(String name, Class<T> type) {
        return new Option<>(name, type, v -> true, "");
    }

    /** An option whose values must pass {@code valid}; {@code requirement} says what a value must be, in Dutch. */
    public static <T> Option<T> of(String name, Class<T> type, Predicate<? super T> valid, String requirement) {
        return new Option<>(name, type, valid, requirement);
    }

    public String name() {
        return name;
    }

    /**
     * {@code value} as this option's type.
     *
     * @throws IllegalArgumentException for a value of another type or one that is not valid
     */
    T check(Object value) {
        T v = type.cast(value);
        if (!valid.test(v)) {
            throw new IllegalArgumentException(name + ": " + requirement + ", gevonden " + value);
        }
        return v;
    }

    @Override
    public String toString() {
        return name;
    }
}
