package io.mlconnector.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An exact amount in one currency. Chargebee sends integers in the currency's minor unit; zero-decimal currencies
 * (JPY, KRW, ...) send the major unit. Conversions happen only here, never by floating point.
 */
public record Money(BigDecimal amount, String currency) {

    /** Chargebee's zero-decimal currencies: integer amounts are whole units. */
    private static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "UYI", "VND", "VUV",
            "XAF", "XOF", "XPF");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** Number of decimals of the currency's minor unit as Chargebee counts it (JPY has 0). */
    public static int exponent(String currencyCode) {
        String code = currencyCode.toUpperCase(Locale.ROOT);
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknownToJava) {
            return 2;
        }
    }

    /** {@code ofMinor(153, "USD")} is 1.53 USD; {@code ofMinor(1200, "JPY")} is 1200 JPY. */
    public static Money ofMinor(long minorUnits, String currencyCode) {
        String code = currencyCode.toUpperCase(Locale.ROOT);
        return new Money(BigDecimal.valueOf(minorUnits, exponent(code)), code);
    }

    /** A decimal string in major units, as in Chargebee's {@code *_in_decimal} fields, kept exact. */
    public static Money ofDecimal(String decimal, String currencyCode) {
        return new Money(new BigDecimal(decimal), currencyCode.toUpperCase(Locale.ROOT));
    }

    public static Money zero(String currencyCode) {
        return ofMinor(0, currencyCode);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * This amount's share {@code part / whole}, rounded half-even to the currency's decimals; zero when the whole is
     * zero. Used to split an amount (e.g. the tax inside a tax-inclusive line) in proportion.
     */
    public Money share(Money part, Money whole) {
        requireSameCurrency(part);
        requireSameCurrency(whole);
        if (whole.isZero()) {
            return zero(currency);
        }
        return new Money(amount.multiply(part.amount).divide(whole.amount, exponent(currency), RoundingMode.HALF_EVEN),
                currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** The amount with exactly the currency's number of decimals; never rounds a value that needs more. */
    public BigDecimal scaled() {
        return amount.setScale(Math.max(exponent(currency), amount.scale()), RoundingMode.UNNECESSARY);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new UnmappableRecord("Currency mismatch: " + currency + " vs " + other.currency);
        }
    }
}
