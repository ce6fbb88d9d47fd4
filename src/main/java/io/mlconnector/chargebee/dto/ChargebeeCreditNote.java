package io.mlconnector.chargebee.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** A Chargebee credit note (adjustment, refundable or store). Amounts in minor units. */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChargebeeCreditNote(String id, String customerId, String subscriptionId, String referenceInvoiceId,
                                  String type, String reasonCode, String createReasonCode, String status,
                                  String priceType, String currencyCode, Instant date, Long subTotal, Long total,
                                  Long amountAllocated, Long amountRefunded, Long amountAvailable,
                                  Long roundOffAmount, List<InvoiceLineItem> lineItems, String lineItemsNextOffset,
                                  List<ChargebeeInvoice.LineItemDiscount> lineItemDiscounts,
                                  List<ChargebeeInvoice.LineItemTax> lineItemTaxes, List<InvoiceTax> taxes,
                                  List<Allocation> allocations,
                                  List<LinkedRefund> linkedRefunds, Instant voidedAt, Boolean deleted,
                                  Instant updatedAt, Long resourceVersion) implements ChargebeeRecord {

    /** How this credit note was applied to an invoice. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Allocation(String invoiceId, Long allocatedAmount, Instant allocatedAt, Instant invoiceDate,
                             String invoiceStatus) {}

    /** A refund transaction paid out against this credit note. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LinkedRefund(String txnId, Long appliedAmount, Instant appliedAt, String txnStatus, Instant txnDate,
                               Long txnAmount, String refundReasonCode) {}

    @Override
    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }

    /** Whether Chargebee sent only the first page of the lines ({@code line_items_next_offset} is set). */
    public boolean isTruncated() {
        return lineItemsNextOffset != null && !lineItemsNextOffset.isBlank();
    }

    /** A copy that also holds the next page of a truncated credit note's lines (and their discounts and taxes). */
    public ChargebeeCreditNote plusLinesOf(ChargebeeCreditNote nextPage) {
        return new ChargebeeCreditNote(id, customerId, subscriptionId, referenceInvoiceId, type, reasonCode,
                createReasonCode, status, priceType, currencyCode, date, subTotal, total, amountAllocated,
                amountRefunded, amountAvailable, roundOffAmount,
                ChargebeeInvoice.concat(lineItems, nextPage.lineItems), nextPage.lineItemsNextOffset,
                ChargebeeInvoice.concat(lineItemDiscounts, nextPage.lineItemDiscounts),
                ChargebeeInvoice.concat(lineItemTaxes, nextPage.lineItemTaxes), taxes, allocations, linkedRefunds,
                voidedAt, deleted, updatedAt, resourceVersion);
    }

}
