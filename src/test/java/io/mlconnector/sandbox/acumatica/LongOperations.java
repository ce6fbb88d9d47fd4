package io.mlconnector.sandbox.acumatica;

import java.util.HashMap;
import java.util.Map;

/**
 * Long-running operations started by actions (ReleaseSalesInvoice, later ReleasePayment ...), polled through their
 * {@code Location} URL: {@code 202} while in progress, {@code 204} when done.
 *
 * <p>The document change is committed when the action is accepted; the poll count only shapes what the client sees,
 * which keeps tests deterministic and matches the server continuing an operation whether or not anyone polls.
 * Unknown operation ids answer "completed", as the docs allow ("204: ... has completed or was not created").
 * Guarded by the {@link Tenant} lock.
 */
final class LongOperations {

    /** Caps memory if a test starts operations in a loop and never polls them. */
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Integer> pollsRemaining = new HashMap<>();

    void start(String operationId, int pollsBeforeCompletion) {
        if (pollsRemaining.size() >= MAX_TRACKED) {
            pollsRemaining.clear();
        }
        pollsRemaining.put(operationId, pollsBeforeCompletion);
    }

    /** Registers one status poll; true while the operation is still in progress. */
    boolean pollInProgress(String operationId) {
        Integer remaining = pollsRemaining.get(operationId);
        if (remaining == null || remaining <= 0) {
            return false;
        }
        pollsRemaining.put(operationId, remaining - 1);
        return true;
    }

    void clear() {
        pollsRemaining.clear();
    }
}
