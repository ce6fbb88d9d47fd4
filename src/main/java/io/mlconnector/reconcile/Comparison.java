package io.mlconnector.reconcile;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One figure on both sides, exact, with its currency's decimals: open AR of a customer, revenue of an account or a
 * total, in one currency.
 *
 * @param key the customer (Chargebee id), the account, or the kind of total
 */
public record Comparison(String key, String currency, BigDecimal chargebee, BigDecimal acumatica) {
    public Comparison {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(chargebee, "chargebee");
        Objects.requireNonNull(acumatica, "acumatica");
    }

    public boolean differs() {
        return chargebee.compareTo(acumatica) != 0;
    }
}
