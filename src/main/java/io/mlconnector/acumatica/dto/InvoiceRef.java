package io.mlconnector.acumatica.dto;

import io.mlconnector.acumatica.ArDocumentStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** What the connector reads back about a sales invoice or credit memo. */
@RegisterForReflection
public record InvoiceRef(String id, String type, String referenceNbr, String status, String externalRef,
                         BigDecimal amount, BigDecimal balance) implements ReleasableDocument {

    /** Balanced / on hold documents still need the release action; Open and Closed are released. */
    @Override
    public boolean isReleased() {
        return ArDocumentStatus.OPEN.is(status) || ArDocumentStatus.CLOSED.is(status);
    }
}
