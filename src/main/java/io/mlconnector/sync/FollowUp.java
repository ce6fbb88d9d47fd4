package io.mlconnector.sync;

/**
 * A document to revisit once another has posted.
 *
 * @param evenIfPosted whether it is brought up to date even when the ledger has it already (a payment whose excess
 *                     Chargebee has since applied to the new document), or only posted when it is missing
 */
public record FollowUp(DocumentRef document, boolean evenIfPosted) {

    public static FollowUp bringUpToDate(DocumentKind kind, String chargebeeId) {
        return new FollowUp(new DocumentRef(kind, chargebeeId), true);
    }

    public static FollowUp postIfMissing(DocumentKind kind, String chargebeeId) {
        return new FollowUp(new DocumentRef(kind, chargebeeId), false);
    }
}
