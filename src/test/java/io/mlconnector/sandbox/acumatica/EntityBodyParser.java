package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a request body into a clean record of the contract's shape, enforcing what Acumatica enforces.
 *
 * <ul>
 *   <li>Every general field must be a value object. A bare value ({@code "CustomerID": "C1"}) is answered with 400
 *       naming the field (third parties report 400; the exact body is UNVERIFIED).</li>
 *   <li>The value inside must convert to the field's type (DecimalValue takes numbers or numeric strings, ...),
 *       else 400 naming the field.</li>
 *   <li>Fields the contract does not declare are dropped and reported back (the sandbox adds an
 *       {@code X-Sandbox-Ignored-Fields} header) because the contract-based API ignores unknown members; custom
 *       fields belong under {@code custom}.</li>
 *   <li>{@code {"value": null}} and {@code {}} mean "not specified" and leave the stored value alone.</li>
 * </ul>
 */
final class EntityBodyParser {

    /** The parse result: a clean record, and the JSON paths of members that were ignored. */
    record ParsedBody(ObjectNode entity, List<String> ignoredFields) {
    }

    private final ContractShapes shapes;
    private final Supplier<ZoneId> userTimeZone;

    /** @param userTimeZone the API user's time zone, in which a date-time without an offset is read */
    EntityBodyParser(ContractShapes shapes, Supplier<ZoneId> userTimeZone) {
        this.shapes = shapes;
        this.userTimeZone = userTimeZone;
    }

    ParsedBody parse(String schema, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiFailure(HttpErrors.invalidField("", "The request body must be a JSON object of the entity '"
                    + schema + "'."));
        }
        List<String> ignored = new ArrayList<>();
        ObjectNode entity = parseEntity(schema, (ObjectNode) body, "", false, ignored);
        return new ParsedBody(entity, List.copyOf(ignored));
    }

    private ObjectNode parseEntity(String schema, ObjectNode in, String path, boolean detailLine,
                                   List<String> ignored) {
        ContractShapes.Shape shape = shapes.shape(schema);
        ObjectNode out = ValueObjects.NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> members = in.properties().iterator();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            switch (name) {
                case "id" -> out.put("id", parseGuid(value, fieldPath));
                case "rowNumber", "error", "files", "_links" -> {
                    // Read-only system members: accepted and ignored, as when a client echoes a GET back.
                }
                case "note" -> parseValue("StringValue", value, fieldPath, "note", out);
                case "custom" -> {
                    if (!value.isObject()) {
                        throw new ApiFailure(HttpErrors.invalidField(fieldPath,
                                "'custom' must be an object of views, e.g. {\"Document\": {\"Field\": {...}}}."));
                    }
                    out.set("custom", value.deepCopy());
                }
                case "delete" -> {
                    if (!detailLine || !value.isBoolean()) {
                        throw new ApiFailure(HttpErrors.invalidField(fieldPath,
                                "'delete' is only allowed as a boolean on a detail line."));
                    }
                    out.put("delete", value.booleanValue());
                }
                default -> shape.field(name).ifPresentOrElse(
                        field -> parseField(field, value, fieldPath, out, ignored),
                        () -> ignored.add(fieldPath));
            }
        }
        return out;
    }

    private void parseField(ContractShapes.Field field, JsonNode value, String path, ObjectNode out,
                            List<String> ignored) {
        switch (field.kind()) {
            case VALUE -> parseValue(field.schema(), value, path, field.name(), out);
            case LINKED -> {
                if (value.isNull()) {
                    return;
                }
                if (!value.isObject()) {
                    throw new ApiFailure(HttpErrors.invalidField(path, "'" + field.name()
                            + "' is a linked entity (" + field.schema() + ") and must be a JSON object."));
                }
                out.set(field.name(), parseEntity(field.schema(), (ObjectNode) value, path, false, ignored));
            }
            case DETAIL -> {
                if (value.isNull()) {
                    return;
                }
                if (!value.isArray()) {
                    throw new ApiFailure(HttpErrors.invalidField(path, "'" + field.name()
                            + "' is a detail entity (" + field.schema() + ") and must be a JSON array of objects."));
                }
                ArrayNode lines = out.putArray(field.name());
                for (int i = 0; i < value.size(); i++) {
                    JsonNode line = value.get(i);
                    String linePath = path + "[" + i + "]";
                    if (!line.isObject()) {
                        throw new ApiFailure(HttpErrors.invalidField(linePath, "Each line of '" + field.name()
                                + "' must be a JSON object."));
                    }
                    lines.add(parseEntity(field.schema(), (ObjectNode) line, linePath, true, ignored));
                }
            }
        }
    }

    private void parseValue(String valueSchema, JsonNode envelope, String path, String name, ObjectNode out) {
        if (envelope.isNull()) {
            return;
        }
        if (!envelope.isObject()) {
            throw new ApiFailure(HttpErrors.invalidField(path, "The field '" + name + "' must be a value object such "
                    + "as {\"value\": ...}, but a bare " + describe(envelope) + " was sent."));
        }
        JsonNode value = envelope.get("value");
        if (value == null || value.isNull()) {
            return;
        }
        out.set(name, ValueObjects.wrap(coerce(valueSchema, value, path, name)));
    }

    private JsonNode coerce(String valueSchema, JsonNode value, String path, String name) {
        if (value.isContainerNode()) {
            throw typeError(path, name, valueSchema, value);
        }
        String type = shapes.valueType(valueSchema);
        String format = shapes.valueFormat(valueSchema);
        switch (type) {
            case "number" -> {
                if (value.isNumber()) {
                    return ValueObjects.NODES.numberNode(value.decimalValue());
                }
                try {
                    return ValueObjects.NODES.numberNode(new BigDecimal(value.asText().trim()));
                } catch (NumberFormatException e) {
                    throw typeError(path, name, valueSchema, value);
                }
            }
            case "integer" -> {
                try {
                    BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
                    return ValueObjects.NODES.numberNode(number.longValueExact());
                } catch (NumberFormatException | ArithmeticException e) {
                    throw typeError(path, name, valueSchema, value);
                }
            }
            case "boolean" -> {
                if (value.isBoolean()) {
                    return value;
                }
                String text = value.asText().trim().toLowerCase(Locale.ROOT);
                if (text.equals("true") || text.equals("false")) {
                    return ValueObjects.NODES.booleanNode(Boolean.parseBoolean(text));
                }
                throw typeError(path, name, valueSchema, value);
            }
            default -> {
                String text = value.asText();
                if (format.equals("date-time")) {
                    return ValueObjects.NODES.textNode(ValueObjects.parseDateTime(text, userTimeZone.get())
                            .map(ValueObjects::formatDateTime)
                            .orElseThrow(() -> typeError(path, name, valueSchema, value)));
                }
                if (format.equals("uuid")) {
                    return ValueObjects.NODES.textNode(parseGuid(value, path));
                }
                return ValueObjects.NODES.textNode(text);
            }
        }
    }

    private static String parseGuid(JsonNode value, String path) {
        try {
            return UUID.fromString(value.asText()).toString();
        } catch (IllegalArgumentException e) {
            throw new ApiFailure(HttpErrors.invalidField(path, "'" + value.asText() + "' is not a valid GUID."));
        }
    }

    private static ApiFailure typeError(String path, String name, String valueSchema, JsonNode value) {
        return new ApiFailure(HttpErrors.invalidField(path, "The value " + value + " of the field '" + name
                + "' cannot be converted to the type of " + valueSchema + "."));
    }

    private static String describe(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
