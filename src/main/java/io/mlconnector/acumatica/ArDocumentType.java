package io.mlconnector.acumatica;

import java.util.Optional;

/**
 * The AR document types, as the contract-based API spells them in {@code Type} and {@code DocType} (the display
 * labels of Acumatica's {@code ARDocType}). The contract types these fields as plain strings and lists no values;
 * the refund and void labels follow Acumatica's AR messages and are unverified against a live tenant (see the
 * sandbox README's divergence table).
 */
public enum ArDocumentType implements WireNamed {
    INVOICE("Invoice", AcumaticaEntity.SALES_INVOICE),
    DEBIT_MEMO("Debit Memo", AcumaticaEntity.SALES_INVOICE),
    /** Created and released as a SalesInvoice; once released it can also be opened through Payment to apply it. */
    CREDIT_MEMO("Credit Memo", AcumaticaEntity.SALES_INVOICE),
    PAYMENT("Payment", AcumaticaEntity.PAYMENT),
    PREPAYMENT("Prepayment", AcumaticaEntity.PAYMENT),
    CUSTOMER_REFUND("Customer Refund", AcumaticaEntity.PAYMENT),
    /** Created by {@code VoidPayment} for a voided payment or prepayment; never entered. */
    VOIDED_PAYMENT("Voided Payment", AcumaticaEntity.PAYMENT),
    /** Created by {@code VoidPayment} for a voided refund; never entered. */
    VOIDED_REFUND("Voided Refund", AcumaticaEntity.PAYMENT);

    private final String wireName;
    private final AcumaticaEntity entity;

    ArDocumentType(String wireName, AcumaticaEntity entity) {
        this.wireName = wireName;
        this.entity = entity;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The entity a document of this type is created and released through. */
    public AcumaticaEntity entity() {
        return entity;
    }

    /** The action that releases a document of this type. */
    public AcumaticaAction releaseAction() {
        return entity.releaseAction().orElseThrow();
    }

    /** The type a {@code Type} or {@code DocType} value names (exactly); empty for anything else. */
    public static Optional<ArDocumentType> fromWire(String wireName) {
        return WireNamed.find(values(), wireName);
    }
}
