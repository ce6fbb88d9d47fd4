package io.mlconnector.store;

import java.time.Instant;
import java.util.Set;

/**
 * A Chargebee document the worker could not post and parked, until it posts or an operator skips it. One per
 * document, however many events (and deliveries of them) named it.
 *
 * @param resourceType Chargebee's resource type ("invoice"), or "event" when the event named no document it could read
 * @param eventIds     the distinct events that were held for it
 * @param skipReason   why an operator skipped it, when {@link Status#SKIPPED}
 * @param skippedBy    who skipped it, when {@link Status#SKIPPED}
 */
public record HeldDocument(String resourceType, String resourceId, Status status, String reason, Instant firstHeldAt,
                           Instant lastHeldAt, Set<String> eventIds, String skipReason, String skippedBy) {

    public enum Status {
        /** Parked in the DLQ with its reason. */
        HELD,
        /** Sent back to the queue by an operator; held again (and parked again) if the cause is still there. */
        RETRYING,
        /** An operator decided it never posts; kept so reconciliation shows it, with the reason. */
        SKIPPED
    }

    public HeldDocument {
        eventIds = Set.copyOf(eventIds);
    }
}
