package io.mlconnector.sandbox.acumatica;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Long-running operations started by actions (ReleaseSalesInvoice, later ReleasePayment ...), polled through their
 * {@code Location} URL: {@code 202} while in progress, {@code 204} when done.
 *
 * <p>The document change is committed when the action is accepted; the poll count (or, in timed mode, the sandbox
 * clock) only shapes what the client sees, which keeps tests deterministic and matches the server continuing an
 * operation whether or not anyone polls. Timed mode ({@link AcumaticaSandbox#setReleaseDuration}) is the faithful
 * one: a real operation finishes after its work takes some time, however often it is polled.
 * Unknown operation ids answer "completed", as the docs allow ("204: ... has completed or was not created").
 * Guarded by the {@link Tenant} lock.
 */
final class LongOperations {

    /** Caps memory if a test starts operations in a loop and never polls them. */
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Integer> pollsRemaining = new HashMap<>();
    private final Map<String, Instant> completesAt = new HashMap<>();

    void start(String operationId, int pollsBeforeCompletion) {
        if (pollsRemaining.size() >= MAX_TRACKED) {
            pollsRemaining.clear();
        }
        pollsRemaining.put(operationId, pollsBeforeCompletion);
    }

    /** An operation that completes at {@code at} on the sandbox clock, however often it is polled. */
    void startTimed(String operationId, Instant at) {
        if (completesAt.size() >= MAX_TRACKED) {
            completesAt.clear();
        }
        completesAt.put(operationId, at);
    }

    /** Registers one status poll at {@code now}; true while the operation is still in progress. */
    boolean pollInProgress(String operationId, Instant now) {
        Instant at = completesAt.get(operationId);
        if (at != null) {
            if (now.isBefore(at)) {
                return true;
            }
            completesAt.remove(operationId);
            return false;
        }
        Integer remaining = pollsRemaining.get(operationId);
        if (remaining == null || remaining <= 0) {
            return false;
        }
        pollsRemaining.put(operationId, remaining - 1);
        return true;
    }

    void clear() {
        pollsRemaining.clear();
        completesAt.clear();
    }
}
