package io.mlconnector.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Turns an Acumatica HTTP answer into JSON or one of the typed {@link AcumaticaException}s: the one status switch. */
final class AcumaticaResponses {
    private final ObjectMapper json;
    private final String endpointPath;

    AcumaticaResponses(ObjectMapper json, String endpointPath) {
        this.json = json;
        this.endpointPath = endpointPath;
    }

    JsonNode parse(String operation, int status, String body) {
        try {
            return body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new AcumaticaException.Transient(operation, status, "answer was not JSON");
        }
    }

    AcumaticaException failure(String operation, int status, String body) {
        JsonNode error = parseQuietly(body);
        String message = firstText(error, "exceptionMessage", "message", "error");
        return switch (status) {
            case 401 -> new AcumaticaException.AuthFailed(operation, status, "not signed in or token expired");
            case 404 -> new AcumaticaException.NotFound(operation, status, (message.isEmpty() ? "not found" : message)
                    + "; if every call answers 404, the instance may not publish endpoint " + endpointPath);
            case 412 -> new AcumaticaException.PreconditionFailed(operation, status,
                    message.isEmpty() ? "precondition failed" : message);
            case 400, 422 -> new AcumaticaException.Rejected(operation, status,
                    message.isEmpty() ? "Acumatica rejected the document" : message, fieldErrors(error));
            case 429 -> new AcumaticaException.Transient(operation, status, "licence request queue is full");
            default -> status >= 500
                    ? new AcumaticaException.Transient(operation, status, message.isEmpty() ? "server error" : message)
                    : new AcumaticaException.Rejected(operation, status, message, List.of());
        };
    }

    /** Every {@code error} Acumatica attached anywhere in the returned entity, detail lines included, with its path. */
    static List<AcumaticaException.FieldError> fieldErrors(JsonNode entity) {
        List<AcumaticaException.FieldError> errors = new ArrayList<>();
        collect(entity, "", errors);
        return errors;
    }

    private static void collect(JsonNode node, String path, List<AcumaticaException.FieldError> errors) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", errors);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if ("error".equals(field.getKey()) && field.getValue().isTextual() && !path.isEmpty()) {
                errors.add(new AcumaticaException.FieldError(path, field.getValue().asText()));
            } else if (!"error".equals(field.getKey())) {
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), errors);
            }
        }
    }

    private JsonNode parseQuietly(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return "";
    }
}
