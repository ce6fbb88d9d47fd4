package io.mlconnector.reconcile;

/** How one document compares between Chargebee and Acumatica. */
public enum CheckStatus {
    /** One Acumatica document, same amount, balance and a released status. */
    MATCHED(false),
    /** Chargebee has it, it should have posted, and Acumatica has no document with its id. */
    MISSING(true),
    /** Acumatica has a document carrying an id that no Chargebee document of the period has. */
    EXTRA(true),
    /** More than one Acumatica document carries the id. */
    DUPLICATE(true),
    /** The amounts differ. */
    AMOUNT(true),
    /** The amounts agree but the open balance (still due, or still unapplied) differs. */
    BALANCE(true),
    /** Not released in Acumatica, or voided on one side only. */
    STATUS(true),
    /** Not in Acumatica because the connector holds it (the reason says what to fix); counts as a difference. */
    HELD(true),
    /** Not in Acumatica because an operator skipped it, with a reason; not a difference. */
    SKIPPED(false),
    /** Chargebee's document must not post: pending, voided before it posted, a failed payment. */
    NOT_POSTABLE(false);

    private final boolean difference;

    CheckStatus(boolean difference) {
        this.difference = difference;
    }

    /** Whether the books disagree on this document until someone acts. */
    public boolean isDifference() {
        return difference;
    }
}
