package io.mlconnector.sandbox.acumatica;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AR document types the sandbox knows, as the contract-based API spells them (the display labels of
 * {@code ARDocType}: "Invoice", "Credit Memo", "Payment", "Customer Refund", "Voided Payment", ...). The REST strings
 * for refunds and voids are taken from Acumatica's AR messages and from an open-source REST client that sends
 * "Customer Refund"; they are not in the contract and remain UNVERIFIED against a live 24R2 tenant.
 *
 * <p>Which documents each payment type may be applied to follows AR302000: payments and prepayments (and a credit
 * memo opened on the payments screen) pay invoices and debit memos; a refund pays out a credit memo or the unapplied
 * balance of a payment or prepayment.
 */
final class ArDocumentTypes {

    static final String INVOICE = "Invoice";
    static final String DEBIT_MEMO = "Debit Memo";
    static final String CREDIT_MEMO = "Credit Memo";
    static final String PAYMENT = "Payment";
    static final String PREPAYMENT = "Prepayment";
    static final String REFUND = "Customer Refund";
    static final String VOIDED_PAYMENT = "Voided Payment";
    static final String VOIDED_REFUND = "Voided Refund";

    /** Every {@code Payment.Type}, in AR302000's order. */
    static final List<String> PAYMENT_TYPES = List.of(PAYMENT, CREDIT_MEMO, PREPAYMENT, REFUND, VOIDED_PAYMENT,
            VOIDED_REFUND);

    /** Types a client may PUT; voids only come from the VoidPayment action. */
    static final Set<String> ENTERABLE_PAYMENT_TYPES = Set.of(PAYMENT, CREDIT_MEMO, PREPAYMENT, REFUND);

    /** Types whose documents live in the SalesInvoice store (the others are payments). */
    static final Set<String> SALES_INVOICE_TYPES = Set.of(INVOICE, DEBIT_MEMO, CREDIT_MEMO);

    /** The internal three-letter codes clients sometimes send as {@code DocType} (ARDocType constants). */
    private static final Map<String, String> CODES = Map.of(
            "INV", INVOICE, "DRM", DEBIT_MEMO, "CRM", CREDIT_MEMO, "PMT", PAYMENT, "PPM", PREPAYMENT,
            "REF", REFUND, "RPM", VOIDED_PAYMENT, "VRF", VOIDED_REFUND);

    private static final List<String> ALL = List.of(INVOICE, DEBIT_MEMO, CREDIT_MEMO, PAYMENT, PREPAYMENT, REFUND,
            VOIDED_PAYMENT, VOIDED_REFUND);

    private ArDocumentTypes() {
    }

    /** A {@code DocType} as sent (label, any case, or code) → its label. */
    static Optional<String> normalize(String docType) {
        if (docType == null) {
            return Optional.empty();
        }
        String trimmed = docType.trim();
        String code = CODES.get(trimmed.toUpperCase(Locale.ROOT));
        if (code != null) {
            return Optional.of(code);
        }
        return ALL.stream().filter(label -> label.equalsIgnoreCase(trimmed)).findFirst();
    }

    /** The document types a payment of {@code paymentType} may be applied to. */
    static Set<String> applicableTo(String paymentType) {
        return switch (paymentType) {
            case PAYMENT, PREPAYMENT, CREDIT_MEMO -> Set.of(INVOICE, DEBIT_MEMO);
            case REFUND -> Set.of(CREDIT_MEMO, PAYMENT, PREPAYMENT);
            default -> Set.of();
        };
    }

    /** The type of the document VoidPayment creates for a document of {@code paymentType}. */
    static Optional<String> voidTypeOf(String paymentType) {
        return switch (paymentType) {
            case PAYMENT, PREPAYMENT -> Optional.of(VOIDED_PAYMENT);
            case REFUND -> Optional.of(VOIDED_REFUND);
            default -> Optional.empty();
        };
    }
}
