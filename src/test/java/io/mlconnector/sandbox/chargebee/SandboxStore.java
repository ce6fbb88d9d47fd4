package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The sandbox's state: every resource as a Chargebee-shaped {@link ObjectNode}, keyed by id, per instance.
 *
 * <p>Stored nodes are never mutated after they are stored (updates replace them), so {@link #snapshot} can hand
 * out the stored nodes themselves to read-only callers without copying the whole site on every list call. Anyone who
 * needs to change a node must {@code deepCopy()} it first.
 */
final class SandboxStore {

    private static final String EVENT_ID_FORMAT = "ev_sbx_%06d";

    private final Map<ResourceType, Map<String, ObjectNode>> records = new EnumMap<>(ResourceType.class);
    private long eventSequence;

    SandboxStore() {
        clear();
    }

    synchronized void clear() {
        for (ResourceType type : ResourceType.values()) {
            records.put(type, new LinkedHashMap<>());
        }
        eventSequence = 0;
    }

    /** Stores a copy of {@code resource}, replacing any record with the same id, and returns the stored copy. */
    synchronized ObjectNode put(ResourceType type, ObjectNode resource) {
        JsonNode id = resource.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new IllegalArgumentException("A " + type.objectName() + " needs a non-blank string id");
        }
        ObjectNode stored = resource.deepCopy();
        if (!stored.has("object")) {
            stored.put("object", type.objectName());
        }
        records.get(type).put(id.asText(), stored);
        return stored.deepCopy();
    }

    synchronized Optional<ObjectNode> find(ResourceType type, String id) {
        return Optional.ofNullable(records.get(type).get(id));
    }

    /** The stored nodes in insertion order. Read-only: never mutate them. */
    synchronized List<ObjectNode> snapshot(ResourceType type) {
        return new ArrayList<>(records.get(type).values());
    }

    /** Replaces a stored record with {@code change} applied to a copy of it. */
    synchronized Optional<ObjectNode> update(ResourceType type, String id, UnaryOperator<ObjectNode> change) {
        ObjectNode current = records.get(type).get(id);
        if (current == null) {
            return Optional.empty();
        }
        ObjectNode changed = change.apply(current.deepCopy());
        records.get(type).put(id, changed);
        return Optional.of(changed.deepCopy());
    }

    /** A fresh event id, deterministic in insertion order and never colliding with a seeded one. */
    synchronized String nextEventId() {
        String id;
        do {
            eventSequence++;
            id = String.format(EVENT_ID_FORMAT, eventSequence);
        } while (records.get(ResourceType.EVENT).containsKey(id));
        return id;
    }
}
