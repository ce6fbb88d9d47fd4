package io.mlconnector.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * The SQS message body: only identities. The worker re-reads the document from Chargebee, because webhook payloads
 * are unsigned and only what Chargebee's API returns is trusted, and because an event carries the record as it was
 * when the event happened, not as it is. A Chargebee event carries its event id and, as a hint, the type and id of
 * the document it names (so the worker can re-read documents of one kind in one call without reading the events); a
 * backfilled record carries its resource type and id (and a synthetic id that names it).
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueuedEvent(String eventId, String eventType, Instant receivedAt, String source, String resourceType,
                          String resourceId) {
    public static final String FROM_WEBHOOK = "webhook";
    public static final String FROM_POLLER = "poller";
    public static final String FROM_BACKFILL = "backfill";
    public static final String FROM_RETRY = "retry";

    public static QueuedEvent chargebeeEvent(String eventId, String eventType, Instant receivedAt, String source) {
        return new QueuedEvent(eventId, eventType, receivedAt, source, null, null);
    }

    /** A Chargebee event with the document it names (resource type and id), or without when either is null. */
    public static QueuedEvent chargebeeEvent(String eventId, String eventType, Instant receivedAt, String source,
                                             String resourceType, String resourceId) {
        boolean hinted = resourceType != null && resourceId != null;
        return new QueuedEvent(eventId, eventType, receivedAt, source, hinted ? resourceType : null,
                hinted ? resourceId : null);
    }

    /**
     * A record found by a backfill, posted as if its creation event had arrived. The id includes the record's
     * resource version, so a record changed since an earlier backfill is looked at again.
     */
    public static QueuedEvent backfilled(String resourceType, String resourceId, long resourceVersion,
                                         String eventType, Instant receivedAt) {
        return new QueuedEvent("backfill:" + resourceType + ":" + resourceId + ":" + resourceVersion, eventType,
                receivedAt, FROM_BACKFILL, resourceType, resourceId);
    }

    /**
     * A held document an operator retried when the DLQ had no message for it (expired, or parked by a version that
     * did not name documents): posted as if its creation event had arrived. The id includes the time, so each retry
     * is a new delivery rather than a duplicate of the last one.
     */
    public static QueuedEvent retried(String resourceType, String resourceId, String eventType, Instant now) {
        return new QueuedEvent("retry:" + resourceType + ":" + resourceId + ":" + now.toEpochMilli(), eventType, now,
                FROM_RETRY, resourceType, resourceId);
    }

    public boolean isBackfilled() {
        return FROM_BACKFILL.equals(source) && namesDocument();
    }

    /** Whether the message names its document, so the worker need not read the event to know which one. */
    public boolean namesDocument() {
        return resourceType != null && resourceId != null;
    }

    /**
     * What deduplicates deliveries: the event and the document it names. A webhook's hint is unsigned, so a delivery
     * naming another document than the event's (forged or garbled) never marks the real one done: it re-reads and
     * posts only what Chargebee holds for the document it names, and the event's true delivery still counts.
     */
    public String dedupKey() {
        return namesDocument() && !isBackfilled() ? eventId + "@" + resourceType + ":" + resourceId : eventId;
    }
}
