package io.mlconnector.mapping.file;

import java.util.Objects;

/**
 * The Acumatica payment method and cash account a Chargebee transaction posts with.
 *
 * @param rule the most specific rule that matched, e.g. {@code payments.by_gateway_account.gw_stripe_eur.EUR}
 */
public record PaymentRoute(String paymentMethod, String cashAccount, String rule) {
    public PaymentRoute {
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(cashAccount, "cashAccount");
        Objects.requireNonNull(rule, "rule");
    }
}
