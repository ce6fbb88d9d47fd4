package io.mlconnector.acumatica;

import java.util.Optional;

/** The contract-based API entities the connector writes, by the name their URL path takes. */
public enum AcumaticaEntity implements WireNamed {
    CUSTOMER("Customer"),
    /** Invoices, debit memos and credit memos (SO303000). */
    SALES_INVOICE("SalesInvoice"),
    /** Payments, refunds, and a released credit memo opened for applying (AR302000). */
    PAYMENT("Payment"),
    /** GL batches (GL301000), e.g. summary journals. */
    JOURNAL_TRANSACTION("JournalTransaction");

    private final String wireName;

    AcumaticaEntity(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The action that releases a record of this entity; a customer has none. */
    public Optional<AcumaticaAction> releaseAction() {
        return switch (this) {
            case SALES_INVOICE -> Optional.of(AcumaticaAction.RELEASE_SALES_INVOICE);
            case PAYMENT -> Optional.of(AcumaticaAction.RELEASE_PAYMENT);
            case JOURNAL_TRANSACTION -> Optional.of(AcumaticaAction.RELEASE_JOURNAL_TRANSACTION);
            case CUSTOMER -> Optional.empty();
        };
    }

    /** The entity a URL path segment names, if the connector knows it. */
    public static Optional<AcumaticaEntity> fromWire(String wireName) {
        return WireNamed.find(values(), wireName);
    }
}
