package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds event objects in the shape of {@code GET /api/v2/events/{id}} and of webhook payloads. */
final class EventFactory {

    /** A sandbox event waits for delivery until a test delivers it (then: succeeded / failed). */
    static final String INITIAL_WEBHOOK_STATUS = "scheduled";

    private EventFactory() {
    }

    /**
     * @param content the affected resources keyed by name, e.g. {@code {"invoice":{...}}}; copied
     */
    static ObjectNode event(String id, String eventType, long occurredAt, String source, ObjectNode content) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("id", id);
        event.put("occurred_at", occurredAt);
        event.put("source", source);
        event.put("object", "event");
        // The official Java SDK 3.x rejects any other api_version.
        event.put("api_version", "v2");
        event.put("event_type", eventType);
        event.put("webhook_status", INITIAL_WEBHOOK_STATUS);
        event.set("content", content.deepCopy());
        return event;
    }
}
