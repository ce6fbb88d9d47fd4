package io.mlconnector.sandbox.acumatica;

import static io.mlconnector.acumatica.ArDocumentType.CREDIT_MEMO;
import static io.mlconnector.acumatica.ArDocumentType.CUSTOMER_REFUND;
import static io.mlconnector.acumatica.ArDocumentType.DEBIT_MEMO;
import static io.mlconnector.acumatica.ArDocumentType.INVOICE;
import static io.mlconnector.acumatica.ArDocumentType.PAYMENT;
import static io.mlconnector.acumatica.ArDocumentType.PREPAYMENT;
import static io.mlconnector.acumatica.ArDocumentType.VOIDED_PAYMENT;
import static io.mlconnector.acumatica.ArDocumentType.VOIDED_REFUND;

import io.mlconnector.acumatica.AcumaticaEntity;
import io.mlconnector.acumatica.ArDocumentType;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox's rules about the AR document types ({@link ArDocumentType}, the connector's own enum, so both sides
 * spell them one way): which a client may enter on the payments screen, what each payment type may be applied to,
 * which void document a void creates, and the leniency Acumatica shows in reading {@code DocType} (any case, or the
 * internal three-letter code). The REST strings for refunds and voids are UNVERIFIED against a live 24R2 tenant.
 *
 * <p>Which documents each payment type may be applied to follows AR302000: payments and prepayments (and a credit
 * memo opened on the payments screen) pay invoices and debit memos; a refund pays out a credit memo or the unapplied
 * balance of a payment or prepayment.
 */
final class ArDocumentTypes {

    /** Every {@code Payment.Type}, in AR302000's order. */
    static final List<ArDocumentType> PAYMENT_TYPES = List.of(PAYMENT, CREDIT_MEMO, PREPAYMENT, CUSTOMER_REFUND,
            VOIDED_PAYMENT, VOIDED_REFUND);

    /** Types a client may PUT; voids only come from the VoidPayment action. */
    static final Set<ArDocumentType> ENTERABLE_PAYMENT_TYPES = EnumSet.of(PAYMENT, CREDIT_MEMO, PREPAYMENT,
            CUSTOMER_REFUND);

    /** The internal three-letter codes clients sometimes send as {@code DocType} (ARDocType constants). */
    private static final Map<String, ArDocumentType> CODES = Map.of(
            "INV", INVOICE, "DRM", DEBIT_MEMO, "CRM", CREDIT_MEMO, "PMT", PAYMENT, "PPM", PREPAYMENT,
            "REF", CUSTOMER_REFUND, "RPM", VOIDED_PAYMENT, "VRF", VOIDED_REFUND);

    private ArDocumentTypes() {
    }

    /** A {@code DocType} as sent (label, any case, or code) → its type. */
    static Optional<ArDocumentType> normalize(String docType) {
        if (docType == null) {
            return Optional.empty();
        }
        String trimmed = docType.trim();
        ArDocumentType coded = CODES.get(trimmed.toUpperCase(Locale.ROOT));
        if (coded != null) {
            return Optional.of(coded);
        }
        return Arrays.stream(ArDocumentType.values()).filter(type -> type.wireName().equalsIgnoreCase(trimmed))
                .findFirst();
    }

    /** Whether documents of this {@code Type} (exactly as stored) live in the SalesInvoice store, not in Payment. */
    static boolean isSalesInvoiceType(String type) {
        return ArDocumentType.fromWire(type).filter(t -> t.entity() == AcumaticaEntity.SALES_INVOICE).isPresent();
    }

    /** The document types a payment of {@code paymentType} may be applied to. */
    static Set<ArDocumentType> applicableTo(String paymentType) {
        return ArDocumentType.fromWire(paymentType).map(type -> switch (type) {
            case PAYMENT, PREPAYMENT, CREDIT_MEMO -> EnumSet.of(INVOICE, DEBIT_MEMO);
            case CUSTOMER_REFUND -> EnumSet.of(CREDIT_MEMO, PAYMENT, PREPAYMENT);
            default -> EnumSet.noneOf(ArDocumentType.class);
        }).orElse(EnumSet.noneOf(ArDocumentType.class));
    }

    /** The type of the document VoidPayment creates for a document of {@code paymentType}. */
    static Optional<ArDocumentType> voidTypeOf(String paymentType) {
        return ArDocumentType.fromWire(paymentType).flatMap(type -> switch (type) {
            case PAYMENT, PREPAYMENT -> Optional.of(VOIDED_PAYMENT);
            case CUSTOMER_REFUND -> Optional.of(VOIDED_REFUND);
            default -> Optional.empty();
        });
    }

    /** The types as a message lists them: {@code [Invoice, Debit Memo]}. */
    static String labels(Collection<ArDocumentType> types) {
        return types.stream().map(ArDocumentType::wireName).toList().toString();
    }
}
