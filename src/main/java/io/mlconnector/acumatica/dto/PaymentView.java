package io.mlconnector.acumatica.dto;

import io.mlconnector.acumatica.ArDocumentStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** What the connector reads back about a payment or refund. */
@RegisterForReflection
public record PaymentView(String id, String type, String referenceNbr, String status, String externalRef,
                          BigDecimal paymentAmount) implements ReleasableDocument {

    /** Open (money left to apply), Closed (fully applied) and Voided payments are released. */
    @Override
    public boolean isReleased() {
        return ArDocumentStatus.OPEN.is(status) || ArDocumentStatus.CLOSED.is(status)
                || ArDocumentStatus.VOIDED.is(status);
    }
}
