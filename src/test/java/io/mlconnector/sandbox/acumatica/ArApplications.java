package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.ArDocumentStatus;
import io.mlconnector.acumatica.ArDocumentType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The AR balances that applications move: an invoice's (or memo's) {@code Balance} and a payment's unapplied
 * balance. Released payments, refunds and credit memos go through here, so every open document stays consistent:
 *
 * <ul>
 *   <li>applying reduces the adjusted document's balance; at zero it becomes Closed;</li>
 *   <li>reversing (VoidPayment) restores the balance and reopens the document;</li>
 *   <li>each application is recorded on the adjusted document: an {@code ApplicationsInvoice} line on an invoice or
 *       debit memo, an {@code ApplicationHistory} line on a payment;</li>
 *   <li>a credit memo's {@code Payment} mirror (Type Credit Memo) follows the memo's balance and status.</li>
 * </ul>
 * Caller holds the {@link Tenant} lock.
 */
final class ArApplications {

    /** The document an application comes from, for the lines recorded on the adjusted document. */
    record Adjusting(String type, String referenceNbr, String paymentRef, String customer, String currency,
                     String date) {
    }

    private final EndpointContext ctx;
    private final PaymentCalculator paymentCalculator;

    ArApplications(EndpointContext ctx, PaymentCalculator paymentCalculator) {
        this.ctx = ctx;
        this.paymentCalculator = paymentCalculator;
    }

    /** The document {@code docType}/{@code referenceNbr} in the store its type lives in. */
    Optional<ObjectNode> find(String docType, String referenceNbr) {
        EntityStore store = ArDocumentTypes.isSalesInvoiceType(docType) ? ctx.tenant.salesInvoices
                : ctx.tenant.payments;
        return store.byKeys(List.of(docType, referenceNbr));
    }

    /** Released with a balance left to apply (Status Open). */
    static boolean isOpen(ObjectNode document) {
        return ValueObjects.text(document, "Status").filter(ArDocumentStatus.OPEN::is).isPresent();
    }

    /** Released at some point (Open, Closed or Voided): a document that is not can never be applied to. */
    static boolean isReleased(ObjectNode document) {
        return ValueObjects.text(document, "Status").flatMap(ArDocumentStatus::fromWire)
                .filter(s -> s == ArDocumentStatus.OPEN || s == ArDocumentStatus.CLOSED || s == ArDocumentStatus.VOIDED)
                .isPresent();
    }

    /** What may still be applied to the document: a memo's or invoice's Balance, a payment's released unapplied. */
    static BigDecimal balanceOf(String docType, ObjectNode document) {
        if (!isOpen(document)) {
            return BigDecimal.ZERO;
        }
        if (ArDocumentTypes.isSalesInvoiceType(docType)) {
            return ValueObjects.decimal(document, "Balance").orElse(BigDecimal.ZERO);
        }
        return ValueObjects.decimal(document, "PaymentAmount").orElse(BigDecimal.ZERO)
                .subtract(PaymentCalculator.releasedOf(document)).subtract(PaymentCalculator.refunded(document));
    }

    /** Applies {@code amount} to the document; returns its balance afterwards. */
    BigDecimal apply(Adjusting from, String docType, ObjectNode document, BigDecimal amount) {
        return move(from, docType, document, amount);
    }

    /** Undoes an application of {@code amount}; returns the document's balance afterwards. */
    BigDecimal reverse(Adjusting from, String docType, ObjectNode document, BigDecimal amount) {
        return move(from, docType, document, amount.negate());
    }

    /** Brings the credit memo's Payment mirror (if one was opened) in line with the memo. */
    void syncCreditMemoMirror(ObjectNode memo) {
        ValueObjects.text(memo, "ReferenceNbr")
                .flatMap(nbr -> ctx.tenant.payments.byKeys(List.of(ArDocumentType.CREDIT_MEMO.wireName(), nbr)))
                .ifPresent(mirror -> {
                    ObjectNode updated = mirror.deepCopy();
                    Optional<ObjectNode> customer = ValueObjects.text(memo, "CustomerID")
                            .flatMap(c -> ctx.tenant.customers.byKeys(List.of(c)));
                    paymentCalculator.recompute(updated, customer, Optional.of(memo));
                    ctx.tenant.payments.save(updated);
                });
    }

    private BigDecimal move(Adjusting from, String docType, ObjectNode stored, BigDecimal amount) {
        ObjectNode document = stored.deepCopy();
        BigDecimal balanceAfter;
        if (ArDocumentTypes.isSalesInvoiceType(docType)) {
            balanceAfter = ValueObjects.decimal(document, "Balance").orElse(BigDecimal.ZERO).subtract(amount);
            ValueObjects.set(document, "Balance", balanceAfter);
            ValueObjects.set(document, "Status",
                    (balanceAfter.signum() > 0 ? ArDocumentStatus.OPEN : ArDocumentStatus.CLOSED).wireName());
            if (!ArDocumentType.CREDIT_MEMO.is(docType)) {
                recordOnInvoice(document, from, amount);
            }
        } else {
            ObjectNode payment = document;
            payment.put(PaymentCalculator.REFUNDED, PaymentCalculator.refunded(payment).add(amount));
            paymentCalculator.recompute(payment, Optional.empty(), Optional.empty());
            paymentCalculator.settleStatus(payment);
            balanceAfter = balanceOf(docType, payment);
            recordOnPayment(payment, from, docType, amount, balanceAfter);
        }
        String now = ctx.now();
        ValueObjects.set(document, "LastModifiedDateTime", now);
        if (ArDocumentTypes.isSalesInvoiceType(docType)) {
            ValueObjects.set(document, "LastModifiedDate", now);
            ctx.tenant.salesInvoices.save(document);
        } else {
            ctx.tenant.payments.save(document);
        }
        if (ArDocumentType.CREDIT_MEMO.is(docType)) {
            syncCreditMemoMirror(document);
        }
        return balanceAfter;
    }

    private void recordOnInvoice(ObjectNode invoice, Adjusting from, BigDecimal amount) {
        ArrayNode lines = invoice.has("ApplicationsInvoice") ? (ArrayNode) invoice.get("ApplicationsInvoice")
                : invoice.putArray("ApplicationsInvoice");
        ObjectNode line = lines.addObject();
        line.put("id", ctx.ids.newGuid());
        ValueObjects.set(line, "AdjustmentNbr", lines.size());
        ValueObjects.set(line, "DocType", from.type());
        ValueObjects.set(line, "AdjustingDocReferenceNbr", from.referenceNbr());
        ValueObjects.text(invoice, "ReferenceNbr")
                .ifPresent(nbr -> ValueObjects.set(line, "AdjustedDocReferenceNbr", nbr));
        ValueObjects.set(line, "AmountPaid", amount);
        ValueObjects.set(line, "Balance", ValueObjects.decimal(invoice, "Balance").orElse(BigDecimal.ZERO));
        setIfPresent(line, "Currency", from.currency());
        setIfPresent(line, "Customer", from.customer());
        setIfPresent(line, "PaymentDate", from.date());
        setIfPresent(line, "PaymentRef", from.paymentRef());
        ValueObjects.set(line, "Status", "Released");
    }

    private void recordOnPayment(ObjectNode payment, Adjusting from, String docType, BigDecimal amount,
                                 BigDecimal balanceAfter) {
        ArrayNode lines = payment.has("ApplicationHistory") ? (ArrayNode) payment.get("ApplicationHistory")
                : payment.putArray("ApplicationHistory");
        ObjectNode line = lines.addObject();
        line.put("id", ctx.ids.newGuid());
        ValueObjects.set(line, "AdjustmentNbr", lines.size());
        ValueObjects.set(line, "AdjustingDocType", from.type());
        ValueObjects.set(line, "AdjustingRefNbr", from.referenceNbr());
        ValueObjects.set(line, "AdjustedDocType", docType);
        ValueObjects.text(payment, "ReferenceNbr").ifPresent(nbr -> ValueObjects.set(line, "AdjustedRefNbr", nbr));
        ValueObjects.set(line, "AmountPaid", amount);
        ValueObjects.set(line, "Balance", balanceAfter);
        setIfPresent(line, "CurrencyID", from.currency());
        setIfPresent(line, "Customer", from.customer());
        setIfPresent(line, "Date", from.date());
    }

    private static void setIfPresent(ObjectNode record, String field, String value) {
        if (value != null) {
            ValueObjects.set(record, field, value);
        }
    }
}
