package io.mlconnector.store;

import java.time.Duration;
import java.time.Instant;

/**
 * Port: the dedup key per Chargebee event. A claim is one conditional write, so two deliveries of the same event
 * (webhook retry, poller overlap, SQS redelivery, DLQ replay) can never both hold it.
 */
public interface ClaimStore {

    /** Takes the event if nobody holds it, its lease expired, or it was released or held for replay. */
    Claim claim(String eventId, Instant now, Duration lease);

    /** The event's effect is in Acumatica: every later delivery is a harmless duplicate. */
    void complete(String eventId, String outcome, Instant now);

    /** Gives the event back after a transient failure so the next delivery can take it at once. */
    void release(String eventId, Instant now);

    /** The event cannot post until someone fixes its cause; a replay may claim it again. */
    void hold(String eventId, String reason, Instant now);

    sealed interface Claim {
        /** This delivery owns the event until {@code leaseUntil}. */
        record Claimed(int attempt, Instant leaseUntil) implements Claim {}

        /** Already done; nothing to do. */
        record AlreadyDone(String outcome) implements Claim {}

        /** Another delivery is working on it right now; try again after its lease. */
        record InProgressElsewhere(Instant leaseUntil) implements Claim {}
    }
}
