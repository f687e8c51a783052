package nl.rekenblad.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in euros. Immutable and thread-safe.
 *
 * <p>The amount is kept exactly as given (any scale): rounding never happens implicitly. Each
 * lossy step names its {@link RoundingMode}, as the tax rule it implements does.
 */
public final class Money implements Comparable<Money> {
    /**
     * The largest amount rekenblad takes from any input, either way: below a trillion euros, and exact to the cent in
     * the binary numbers of a spreadsheet (15 significant digits). One limit for every reader.
     */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private static final Money ZERO = new Money(BigDecimal.ZERO);
    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    public static Money of(BigDecimal amount) {
        return new Money(Objects.requireNonNull(amount, "amount"));
    }

    /** Parses plain notation ({@code 1234.56}, {@code -12}); locale notations are the readers' job. */
    public static Money parse(String plain) {
        return of(new BigDecimal(plain.trim()));
    }

    public static Money zero() {
        return ZERO;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money multipliedBy(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    public Money negated() {
        return new Money(amount.negate());
    }

    /** Rounds to {@code scale} decimals with the given mode (0 = whole euros). */
    public Money rounded(int scale, RoundingMode mode) {
        return new Money(amount.setScale(scale, mode));
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }

    /** Equal when the amounts are numerically equal: 1.5 equals 1.50. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.compareTo(m.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.stripTrailingZeros().hashCode();
    }

    /** Plain notation with two decimals, half-up: for display and JSON, never for further arithmetic. */
    @Override
    public String toString() {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
