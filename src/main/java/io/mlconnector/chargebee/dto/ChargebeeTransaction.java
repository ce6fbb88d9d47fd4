package io.mlconnector.chargebee.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A Chargebee transaction: payment, refund, payment_reversal or authorization. Amounts in minor units. */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChargebeeTransaction(String id, String customerId, String subscriptionId, String type, String status,
                                   String paymentMethod, String gateway, String gatewayAccountId, String idAtGateway,
                                   String referenceNumber, String currencyCode, BigDecimal exchangeRate, Instant date,
                                   Long amount, Long amountUnused, String refundedTxnId,
                                   String referenceTransactionId, String reversalTransactionId,
                                   List<LinkedInvoice> linkedInvoices, List<LinkedCreditNote> linkedCreditNotes,
                                   Boolean deleted, Instant updatedAt, Long resourceVersion) implements ChargebeeRecord {

    /** How much of this payment went to one invoice. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LinkedInvoice(String invoiceId, Long appliedAmount, Instant appliedAt, Instant invoiceDate,
                                Long invoiceTotal, String invoiceStatus) {}

    /** How much of this refund came from one credit note. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LinkedCreditNote(String cnId, Long appliedAmount, Instant appliedAt, String cnReasonCode,
                                   String cnCreateReasonCode, Instant cnDate, Long cnTotal, String cnStatus,
                                   String cnReferenceInvoiceId) {}

    @Override
    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }
}
