package io.mlconnector.sync;

import io.mlconnector.store.LedgerStatus;

/**
 * The ledger holds a tombstone for this document: Chargebee voided, failed or deleted it before it ever posted, or
 * an operator skipped it, so it never posts (found under the document's lease, after a check without it said otherwise).
 */
final class TombstonedDocument extends RuntimeException {
    TombstonedDocument(String chargebeeType, String chargebeeId) {
        this(chargebeeType, chargebeeId, LedgerStatus.NEVER_POSTED);
    }

    TombstonedDocument(String chargebeeType, String chargebeeId, LedgerStatus tombstone) {
        super(chargebeeType.replace('_', ' ') + " " + chargebeeId + (tombstone == LedgerStatus.SKIPPED
                ? " was skipped by an operator; it never posts"
                : " was voided, failed or deleted in Chargebee before it posted; it never posts"));
    }
}
