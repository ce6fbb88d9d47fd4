package io.mlconnector.chargebee.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** A Chargebee invoice. Amounts are integers in the currency's minor unit; timestamps epoch seconds (UTC). */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChargebeeInvoice(String id, String customerId, String subscriptionId, String status, String priceType,
                               String currencyCode, Instant date, Instant dueDate, Long subTotal, Long tax, Long total,
                               Long amountPaid, Long amountDue, Long roundOffAmount, String poNumber,
                               List<InvoiceLineItem> lineItems, String lineItemsNextOffset, List<InvoiceTax> taxes,
                               Boolean deleted, Instant updatedAt, Long resourceVersion) {

    /** Pending invoices are still open for changes in Chargebee and must not reach the ledger. */
    public boolean isClosed() {
        return status != null && !"pending".equals(status);
    }

    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }

    public List<InvoiceLineItem> lineItemsOrEmpty() {
        return lineItems == null ? List.of() : lineItems;
    }

    public List<InvoiceTax> taxesOrEmpty() {
        return taxes == null ? List.of() : taxes;
    }
}
