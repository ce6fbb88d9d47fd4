package io.mlconnector.mapping;

import io.mlconnector.acumatica.ArDocumentType;
import io.mlconnector.acumatica.dto.AcuPayment;
import io.mlconnector.acumatica.dto.AcuPaymentApplication;
import io.mlconnector.acumatica.dto.EntityKeys;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.PaymentRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A successful Chargebee payment or refund → Acumatica {@code Payment} of type Payment or Customer Refund, on the
 * payment method and cash account the mapping routes its gateway account, method and currency to, applied as
 * {@code linked_invoices} (or, for a refund, {@code linked_credit_notes}; a refund of an excess payment, which has
 * none, pays out the payment named by {@code refunded_txn_id}) say. Pure: the caller passes how to find the Acumatica
 * reference numbers of the documents it applies to.
 */
public final class PaymentMapping {
    /** {@link ArDocumentType#PAYMENT} on the wire, for code that compares a body's type. */
    public static final String TYPE_PAYMENT = ArDocumentType.PAYMENT.wireName();
    /** {@link ArDocumentType#CUSTOMER_REFUND} on the wire: the REST name is unverified (sandbox README, divergences). */
    public static final String TYPE_REFUND = ArDocumentType.CUSTOMER_REFUND.wireName();
    /** Acumatica's Payment Ref. (ExtRefNbr) holds 40 characters. */
    static final int PAYMENT_REF_MAX = 40;

    private PaymentMapping() {}

    /**
     * @param references the Acumatica reference numbers of the Chargebee documents the applications name (invoices
     *     for a payment; credit notes, or the refunded payment, for a refund); asked once per application, only for a
     *     transaction that posts, so the caller can post those documents first
     */
    public static AcuPayment toAcumatica(ChargebeeTransaction transaction, String customerId,
                                         AcumaticaReferences references, Mapping mapping) {
        if (!"success".equals(transaction.status())) {
            throw new IllegalArgumentException("Transaction " + transaction.id() + " is " + transaction.status()
                    + "; only successful transactions post");
        }
        boolean refund = "refund".equals(transaction.type());
        if (!refund && !"payment".equals(transaction.type())) {
            throw new IllegalArgumentException("Transaction " + transaction.id() + " of type " + transaction.type()
                    + " is not a payment or a refund");
        }
        List<AcuPaymentApplication> applications = refund
                ? applications(transaction.linkedCreditNotes(), ChargebeeTransaction.LinkedCreditNote::cnId,
                        ChargebeeTransaction.LinkedCreditNote::appliedAmount, ArDocumentType.CREDIT_MEMO,
                        references::creditNote, transaction.currencyCode())
                : applications(transaction.linkedInvoices(), ChargebeeTransaction.LinkedInvoice::invoiceId,
                        ChargebeeTransaction.LinkedInvoice::appliedAmount, ArDocumentType.INVOICE,
                        references::invoice, transaction.currencyCode());
        if (refund && applications.isEmpty() && transaction.refundedTxnId() != null) {
            // A refund of a payment's unapplied (excess) amount: no credit note, it pays out the payment itself.
            applications = List.of(new AcuPaymentApplication(ArDocumentType.PAYMENT.wireName(),
                    references.payment(transaction.refundedTxnId()), Money.ofMinor(InvoiceMapping.nz(
                            transaction.amount()), transaction.currencyCode()).scaled()));
        }
        PaymentRoute route = mapping.paymentFor(transaction.gatewayAccountId(), transaction.paymentMethod(),
                transaction.currencyCode());
        Money amount = Money.ofMinor(transaction.amount() == null ? 0 : transaction.amount(), transaction.currencyCode());
        return new AcuPayment(
                (refund ? ArDocumentType.CUSTOMER_REFUND : ArDocumentType.PAYMENT).wireName(),
                customerId,
                route.paymentMethod(),
                route.cashAccount(),
                amount.currency(),
                amount.scaled(),
                InvoiceMapping.date(transaction.date(), mapping),
                paymentRef(transaction),
                transaction.id(),
                (refund ? "Chargebee refund " : "Chargebee payment ") + transaction.id()
                        + (transaction.gateway() == null || "not_applicable".equals(transaction.gateway()) ? ""
                                : " via " + transaction.gateway()),
                Boolean.FALSE,
                applications.isEmpty() ? null : List.copyOf(applications));
    }

    /**
     * The Chargebee payment a transaction reverses, if it reverses one: a payment that failed late (its own id) or a
     * successful {@code payment_reversal} (chargeback, returned direct debit: its {@code reference_transaction_id},
     * which may be missing on a malformed record, hence the empty string). Acumatica voids that payment
     * ({@code VoidPayment}), which reopens what it paid.
     */
    public static Optional<String> paymentToVoid(ChargebeeTransaction transaction) {
        if ("payment".equals(transaction.type()) && "late_failure".equals(transaction.status())) {
            return Optional.of(transaction.id());
        }
        if ("payment_reversal".equals(transaction.type()) && "success".equals(transaction.status())) {
            return Optional.of(transaction.referenceTransactionId() == null ? ""
                    : transaction.referenceTransactionId());
        }
        return Optional.empty();
    }

    /** The body of Acumatica's {@code VoidPayment} action on the payment with this entity id. */
    public static EntityKeys voidRequest(String acumaticaPaymentId) {
        return new EntityKeys(acumaticaPaymentId);
    }

    /**
     * One application per linked document with a positive applied amount, exactly as Chargebee applied it. What a
     * payment does not apply ({@code amount_unused}) stays on the Acumatica payment as its unapplied balance.
     */
    private static <T> List<AcuPaymentApplication> applications(List<T> linked, Function<T, String> chargebeeId,
                                                                Function<T, Long> appliedMinor, ArDocumentType docType,
                                                                Function<String, String> referenceNbr, String currency) {
        List<AcuPaymentApplication> applications = new ArrayList<>();
        for (T link : linked == null ? List.<T>of() : linked) {
            long applied = InvoiceMapping.nz(appliedMinor.apply(link));
            if (applied > 0) {
                applications.add(new AcuPaymentApplication(docType.wireName(),
                        referenceNbr.apply(chargebeeId.apply(link)), Money.ofMinor(applied, currency).scaled()));
            }
        }
        return applications;
    }

    /** The gateway's own reference (what the bank statement shows), else Chargebee's. */
    static String paymentRef(ChargebeeTransaction transaction) {
        String ref = transaction.idAtGateway() != null ? transaction.idAtGateway()
                : transaction.referenceNumber() != null ? transaction.referenceNumber() : transaction.id();
        return ref.length() <= PAYMENT_REF_MAX ? ref : ref.substring(0, PAYMENT_REF_MAX);
    }
}
