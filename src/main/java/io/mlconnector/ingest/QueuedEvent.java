package io.mlconnector.ingest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * The SQS message body: only the event's identity. The worker re-fetches the event from Chargebee, because webhook
 * payloads are unsigned and only what Chargebee's API returns is trusted.
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QueuedEvent(String eventId, String eventType, Instant receivedAt, String source) {
    public static final String FROM_WEBHOOK = "webhook";
    public static final String FROM_POLLER = "poller";
}
