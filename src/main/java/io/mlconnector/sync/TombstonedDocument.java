package io.mlconnector.sync;

/**
 * The ledger holds a tombstone for this document: Chargebee voided, failed or deleted it before it ever posted, so it
 * never posts (found under the document's lease, after a check without it said otherwise).
 */
final class TombstonedDocument extends RuntimeException {
    TombstonedDocument(String chargebeeType, String chargebeeId) {
        super(chargebeeType.replace('_', ' ') + " " + chargebeeId + " was voided, failed or deleted in Chargebee before"
                + " it posted; it never posts");
    }
}
