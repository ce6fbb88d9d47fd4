package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Converts the readable, flat records of the seed file ({@code "AccountCD": "11000"}) into API shape
 * ({@code "AccountCD": {"value": "11000"}}) using the contract's field layout. Unlike request parsing, unknown
 * fields are an error here: a typo in a seed file should fail at startup, not silently vanish.
 */
final class FlatRecords {

    private FlatRecords() {
    }

    static ObjectNode toApiShape(ContractShapes shapes, String schema, JsonNode flat) {
        if (!flat.isObject()) {
            throw new IllegalArgumentException("A " + schema + " record must be a JSON object: " + flat);
        }
        ContractShapes.Shape shape = shapes.shape(schema);
        ObjectNode out = ValueObjects.NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> members = flat.properties().iterator();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (name.equals("id") || name.equals("note")) {
                out.set(name, name.equals("note") ? ValueObjects.wrap(value.asText()) : value);
                continue;
            }
            ContractShapes.Field field = shape.field(name).orElseThrow(() -> new IllegalArgumentException(
                    "The contract entity " + schema + " has no field '" + name + "' (check the seed file)"));
            if (value.isNull()) {
                continue;
            }
            switch (field.kind()) {
                case VALUE -> out.set(name, ValueObjects.wrap(value));
                case LINKED -> out.set(name, toApiShape(shapes, field.schema(), value));
                case DETAIL -> {
                    // Lines get no id here: a customer seed goes through PUT, which gives new lines their ids.
                    ArrayNode lines = out.putArray(name);
                    for (JsonNode line : value) {
                        lines.add(toApiShape(shapes, field.schema(), line));
                    }
                }
            }
        }
        return out;
    }

    /** A stable id for a seeded record, so ids survive {@code reset()} and repeated runs. */
    static String stableId(String entity, String key) {
        return UUID.nameUUIDFromBytes((entity + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
