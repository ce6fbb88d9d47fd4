package io.mlconnector.soak;

/** One broken invariant after a run, with what a person needs to find it. */
public record Violation(Invariant invariant, String detail) {

    /** What the checker verifies after every run. */
    public enum Invariant {
        /** Two Acumatica documents of one type (or two customers) for one Chargebee record. */
        DUPLICATE,
        /** A Chargebee document that must be in Acumatica is not (or a void or late failure was not reversed). */
        MISSING,
        /** An Acumatica document for a Chargebee record that must not post. */
        UNEXPECTED,
        /** Totals, open AR per customer and currency, or revenue per GL account differ. */
        RECONCILIATION,
        /** An Acumatica customer does not show the Chargebee customer's current name. */
        STALE_CUSTOMER,
        /** A Chargebee document with no Acumatica document and no reason in the audit trail or the DLQ. */
        UNEXPLAINED,
        /** An event that never finished: no posted, skipped or held audit row, and not in the DLQ. */
        UNFINISHED
    }

    @Override
    public String toString() {
        return invariant + ": " + detail;
    }
}
