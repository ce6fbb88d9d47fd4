package io.mlconnector.sync;

import java.util.Set;

/** The Chargebee event types that reach the ledger today; ingest and poller drop the rest (recorded as ignored). */
public final class HandledEventTypes {
    public static final Set<String> ALL = Set.of(
            "customer_created", "customer_changed", "customer_deleted",
            "invoice_generated", "invoice_generated_with_backdating", "invoice_updated", "invoice_deleted",
            "credit_note_created", "credit_note_created_with_backdating", "credit_note_updated", "credit_note_deleted",
            "payment_succeeded", "payment_refunded", "refund_initiated", "transaction_created", "transaction_updated");

    private HandledEventTypes() {}

    public static boolean isHandled(String eventType) {
        return ALL.contains(eventType);
    }
}
