package io.mlconnector.reconcile;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One document's check: the Chargebee id (Acumatica's {@code ExternalRef}), the Acumatica reference(s) if any, both
 * amounts with their currency's decimals (null where a side has none) and what differs, in words.
 *
 * @param kind {@code invoice}, {@code credit_note}, {@code payment}, {@code refund} or {@code transaction}
 */
@RegisterForReflection
public record DocumentCheck(String kind, String chargebeeId, String acumaticaRef, String currency,
                            BigDecimal chargebeeAmount, BigDecimal acumaticaAmount, CheckStatus status,
                            String detail) {
    public DocumentCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(chargebeeId, "chargebeeId");
        Objects.requireNonNull(status, "status");
        acumaticaRef = acumaticaRef == null ? "" : acumaticaRef;
        currency = currency == null ? "" : currency;
        detail = detail == null ? "" : detail;
    }

    public boolean isDifference() {
        return status.isDifference();
    }
}
