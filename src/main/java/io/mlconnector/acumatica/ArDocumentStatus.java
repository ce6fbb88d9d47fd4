package io.mlconnector.acumatica;

import java.util.Optional;

/**
 * The {@code Status} of an AR document (sales invoice, memo, payment, refund) as the contract-based API spells it.
 * The contract lists no values; a status not named here (Scheduled, Pending Approval, ...) reads as empty.
 */
public enum ArDocumentStatus implements WireNamed {
    /** Saved with Hold set: cannot be released until taken off hold. */
    ON_HOLD("On Hold"),
    /** Saved and ready to release. */
    BALANCED("Balanced"),
    /** Released with a balance left (to pay, or for a payment to apply). */
    OPEN("Open"),
    /** Released and fully paid or applied. */
    CLOSED("Closed"),
    /** Released, then voided. */
    VOIDED("Voided");

    private final String wireName;

    ArDocumentStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The status a {@code Status} value names (exactly); empty for anything else. */
    public static Optional<ArDocumentStatus> fromWire(String wireName) {
        return WireNamed.find(values(), wireName);
    }
}
