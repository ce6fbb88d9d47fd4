package io.mlconnector.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * The SQS message body: only identities. The worker re-fetches from Chargebee, because webhook payloads are unsigned
 * and only what Chargebee's API returns is trusted. A Chargebee event carries its event id; a backfilled record
 * carries its resource type and id instead (and a synthetic id that names it, used as its dedup key).
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueuedEvent(String eventId, String eventType, Instant receivedAt, String source, String resourceType,
                          String resourceId) {
    public static final String FROM_WEBHOOK = "webhook";
    public static final String FROM_POLLER = "poller";
    public static final String FROM_BACKFILL = "backfill";

    public static QueuedEvent chargebeeEvent(String eventId, String eventType, Instant receivedAt, String source) {
        return new QueuedEvent(eventId, eventType, receivedAt, source, null, null);
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

    public boolean isBackfilled() {
        return resourceType != null && resourceId != null;
    }
}
