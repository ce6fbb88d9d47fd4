package io.mlconnector.acumatica;

import java.util.Optional;

/**
 * The actions the connector invokes ({@code POST /entity/.../{entity}/{action}}), each on the entity that declares
 * it in the contract.
 */
public enum AcumaticaAction implements WireNamed {
    RELEASE_SALES_INVOICE(AcumaticaEntity.SALES_INVOICE, "ReleaseSalesInvoice"),
    RELEASE_PAYMENT(AcumaticaEntity.PAYMENT, "ReleasePayment"),
    /** Reverses a released payment or refund: its applications are undone and a void document is created. */
    VOID_PAYMENT(AcumaticaEntity.PAYMENT, "VoidPayment"),
    RELEASE_JOURNAL_TRANSACTION(AcumaticaEntity.JOURNAL_TRANSACTION, "ReleaseJournalTransaction");

    private final AcumaticaEntity entity;
    private final String wireName;

    AcumaticaAction(AcumaticaEntity entity, String wireName) {
        this.entity = entity;
        this.wireName = wireName;
    }

    /** The entity the action is invoked on. */
    public AcumaticaEntity entity() {
        return entity;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The action a URL path segment names, if the connector knows it. */
    public static Optional<AcumaticaAction> fromWire(String wireName) {
        return WireNamed.find(values(), wireName);
    }
}
