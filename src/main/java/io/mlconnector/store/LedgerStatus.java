package io.mlconnector.store;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an Acumatica document stands, as the ledger knows it. Documents only move forward (creating, created,
 * released, voided; or never posted, or skipped): a late or repeated writer can never move one back. Customers are active or
 * inactive, at one level, since Chargebee may change either way; their source version orders those writes instead.
 */
public enum LedgerStatus {
    ACTIVE("Active", 0),
    INACTIVE("Inactive", 0),
    /** About to be created: an attempt may have committed in Acumatica without the answer reaching us. */
    CREATING("Creating", 1),
    CREATED("Created", 2),
    RELEASED("Released", 3),
    VOIDED("Voided", 4),
    /** A tombstone: Chargebee voided, failed or deleted it before it ever posted; it never posts afterwards. */
    NEVER_POSTED("Never posted", 5),
    /**
     * A tombstone an operator set: a held document someone decided never to post (HeldDocumentCommands.skip). Ranked
     * with {@link #NEVER_POSTED}, and like it, it never posts afterwards.
     */
    SKIPPED("Skipped", 5);

    private final String label;
    private final int rank;

    LedgerStatus(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    /** The word stored and shown in audit rows, as Acumatica names the state. */
    public String label() {
        return label;
    }

    /** Whether the document never posts: Chargebee voided, failed or deleted it first, or an operator skipped it. */
    public boolean isTombstone() {
        return this == NEVER_POSTED || this == SKIPPED;
    }

    /** A write at a lower rank than the stored one is refused. */
    public int rank() {
        return rank;
    }

    public static Optional<LedgerStatus> of(String label) {
        return Arrays.stream(values()).filter(status -> status.label.equals(label)).findFirst();
    }
}
