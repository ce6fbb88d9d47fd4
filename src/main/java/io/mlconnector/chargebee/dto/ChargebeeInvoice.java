package io.mlconnector.chargebee.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A Chargebee invoice. Amounts are integers in the currency's minor unit; timestamps epoch seconds (UTC). */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChargebeeInvoice(String id, String customerId, String subscriptionId, String status, String priceType,
                               String currencyCode, BigDecimal exchangeRate, Instant date, Instant dueDate,
                               Integer netTermDays, Long subTotal, Long tax, Long total, Long amountPaid,
                               Long amountAdjusted, Long creditsApplied, Long writeOffAmount, Long amountDue,
                               Long roundOffAmount, String poNumber, Instant paidAt, Instant voidedAt,
                               List<InvoiceLineItem> lineItems, String lineItemsNextOffset, List<InvoiceTax> taxes,
                               List<LineItemDiscount> lineItemDiscounts, List<LineItemTax> lineItemTaxes,
                               List<LinkedPayment> linkedPayments, List<AppliedCredit> appliedCredits,
                               Boolean deleted, Instant updatedAt, Long resourceVersion) implements ChargebeeRecord {

    /** A discount applied to a line, with its kind (coupon, promotional credits, ...). */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LineItemDiscount(String lineItemId, String discountType, String couponId, String entityId,
                                   Long discountAmount) {}

    /** Tax on one line, per jurisdiction. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LineItemTax(String lineItemId, String taxName, BigDecimal taxRate, Long taxableAmount,
                              Long taxAmount, String taxJurisType, String taxJurisName, String taxJurisCode) {}

    /** A payment applied to this invoice. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LinkedPayment(String txnId, Long appliedAmount, Instant appliedAt, String txnStatus,
                                Instant txnDate) {}

    /** A credit note applied to this invoice. */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AppliedCredit(String cnId, Long appliedAmount, Instant appliedAt, String cnReasonCode,
                                String cnCreateReasonCode, String cnStatus) {}

    /** A copy that also holds the next page of a truncated invoice's lines (and their discounts and taxes). */
    public ChargebeeInvoice plusLinesOf(ChargebeeInvoice nextPage) {
        return new ChargebeeInvoice(id, customerId, subscriptionId, status, priceType, currencyCode, exchangeRate, date,
                dueDate, netTermDays, subTotal, tax, total, amountPaid, amountAdjusted, creditsApplied, writeOffAmount,
                amountDue, roundOffAmount, poNumber, paidAt, voidedAt, concat(lineItems, nextPage.lineItems),
                nextPage.lineItemsNextOffset, taxes, concat(lineItemDiscounts, nextPage.lineItemDiscounts),
                concat(lineItemTaxes, nextPage.lineItemTaxes), linkedPayments, appliedCredits, deleted, updatedAt,
                resourceVersion);
    }

    /** Both lists in order, either may be null; shared with {@link ChargebeeCreditNote}'s line paging. */
    static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new java.util.ArrayList<>(first == null ? List.of() : first);
        all.addAll(second == null ? List.of() : second);
        return List.copyOf(all);
    }

    /** Pending invoices are still open for changes in Chargebee and must not reach the ledger. */
    public boolean isClosed() {
        return status != null && !"pending".equals(status);
    }

    @Override
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
