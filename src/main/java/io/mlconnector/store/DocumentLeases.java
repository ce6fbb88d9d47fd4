package io.mlconnector.store;

import java.time.Instant;

/**
 * Port: one writer per Chargebee document. A lease is keyed by the document (not the event), so the events of one
 * renewal ({@code invoice_generated}, {@code payment_succeeded}) handled by two workers at once cannot both create
 * its invoice. Taking a lease is one conditional write with an owner token; it lapses on its own at {@code until},
 * so a worker that dies holding one blocks nobody for longer than its invocation could have run.
 */
public interface DocumentLeases {

    /**
     * @param document e.g. {@code invoice:INV-1}
     * @return true if {@code owner} now holds the lease until {@code until}: it was free, had lapsed, or was its own
     */
    boolean acquire(String document, String owner, Instant now, Instant until);

    /** Gives the lease back if {@code owner} still holds it; someone else's lease is left alone. */
    void release(String document, String owner);
}
