package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field layout of each entity as the contract declares it, read from the OpenAPI document rather than hand-written,
 * so the sandbox accepts and returns exactly the fields (and value types) of Default/24.200.001.
 *
 * <p>A property of an entity schema is one of: a value object ({@code $ref} to StringValue, DecimalValue, ...), a linked
 * entity ({@code $ref} to another entity schema, e.g. {@code MainContact}) or a detail ({@code array} of an entity
 * schema, e.g. {@code Details}). The base {@code Entity} members (id, rowNumber, note, custom, error, files) are system
 * fields and are handled separately.
 */
final class ContractShapes {

    enum Kind { VALUE, LINKED, DETAIL }

    /** One contract field: {@code schema} is the value type (e.g. DecimalValue) or the linked/detail entity schema. */
    record Field(String name, Kind kind, String schema) {
    }

    /** The fields of one entity schema, in contract order. */
    record Shape(String schema, Map<String, Field> fields) {
        Optional<Field> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }
    }

    static final Set<String> SYSTEM_FIELDS = Set.of("id", "rowNumber", "note", "custom", "error", "files");
    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

    private final JsonNode schemas;
    private final Map<String, Shape> cache = new ConcurrentHashMap<>();

    ContractShapes(AcumaticaContract contract) {
        this.schemas = contract.document().path("components").path("schemas");
    }

    Shape shape(String schemaName) {
        return cache.computeIfAbsent(schemaName, this::read);
    }

    /** A value-object schema is a plain object with {@code value} and {@code error} and no entity base. */
    boolean isValueSchema(String schemaName) {
        JsonNode schema = schemas.path(schemaName);
        JsonNode properties = schema.path("properties");
        return !schema.has("allOf") && properties.has("value") && properties.has("error");
    }

    /** JSON type of a value schema's {@code value}: string, number, integer or boolean. */
    String valueType(String valueSchema) {
        return schemas.path(valueSchema).path("properties").path("value").path("type").asText("string");
    }

    /** JSON format of a value schema's {@code value} (date-time, uuid, double, int32, ...), or empty. */
    String valueFormat(String valueSchema) {
        return schemas.path(valueSchema).path("properties").path("value").path("format").asText("");
    }

    private Shape read(String schemaName) {
        JsonNode schema = schemas.get(schemaName);
        if (schema == null) {
            throw new IllegalArgumentException("The contract has no schema named '" + schemaName + "'");
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (JsonNode part : schema.has("allOf") ? schema.get("allOf") : List.of(schema)) {
            part.path("properties").properties().forEach(entry -> {
                if (!SYSTEM_FIELDS.contains(entry.getKey())) {
                    classify(entry.getKey(), entry.getValue()).ifPresent(f -> fields.put(f.name(), f));
                }
            });
        }
        return new Shape(schemaName, Collections.unmodifiableMap(fields));
    }

    private Optional<Field> classify(String name, JsonNode property) {
        if (property.has("$ref")) {
            String target = refName(property.get("$ref").asText());
            return Optional.of(new Field(name, isValueSchema(target) ? Kind.VALUE : Kind.LINKED, target));
        }
        if ("array".equals(property.path("type").asText()) && property.path("items").has("$ref")) {
            return Optional.of(new Field(name, Kind.DETAIL, refName(property.path("items").get("$ref").asText())));
        }
        // Nothing else occurs on entity schemas of this contract; anything new is ignored rather than guessed at.
        return Optional.empty();
    }

    private static String refName(String ref) {
        return ref.startsWith(SCHEMA_REF_PREFIX) ? ref.substring(SCHEMA_REF_PREFIX.length()) : ref;
    }
}
