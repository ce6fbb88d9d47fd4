package io.mlconnector.chargebee.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** A Chargebee event as re-fetched from the API ({@code GET /events}); the content is the state at that event. */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChargebeeEvent(String id, Instant occurredAt, String eventType, String apiVersion, String source,
                             EventContent content) {

    public EventContent contentOrEmpty() {
        return content == null ? EventContent.EMPTY : content;
    }
}
