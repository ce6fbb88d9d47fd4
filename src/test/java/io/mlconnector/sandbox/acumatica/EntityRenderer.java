package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;

/**
 * Renders stored records the way the contract-based API returns them.
 *
 * <p>Layout follows the official examples: {@code id}, {@code rowNumber}, {@code note}, the fields (value objects,
 * alphabetical), then {@code custom: {}} and, on top-level records, {@code _links} ({@code self}, {@code files:put}).
 * {@code rowNumber} is positional: 1-based in a list and within each detail array. Fields without a value are left
 * out (real Acumatica may emit them as {@code {}}; UNVERIFIED). Linked and detail entities appear only if expanded.
 */
final class EntityRenderer {

    /** Links of a top-level record; nested entities have none. */
    record Links(String self, String filesPut) {
    }

    private final ContractShapes shapes;

    EntityRenderer(ContractShapes shapes) {
        this.shapes = shapes;
    }

    ObjectNode render(String schema, ObjectNode stored, QueryOptions query, int rowNumber, Links links) {
        ObjectNode out = ValueObjects.NODES.objectNode();
        if (stored.hasNonNull("id")) {
            out.put("id", stored.get("id").asText());
        }
        out.put("rowNumber", rowNumber);
        out.set("note", stored.has("note") ? stored.get("note").deepCopy() : ValueObjects.wrap(""));
        List<ContractShapes.Field> fields = shapes.shape(schema).fields().values().stream()
                .sorted(Comparator.comparing(ContractShapes.Field::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        for (ContractShapes.Field field : fields) {
            JsonNode value = stored.get(field.name());
            if (value == null || !query.selects(field.name())) {
                continue;
            }
            switch (field.kind()) {
                case VALUE -> out.set(field.name(), value.deepCopy());
                case LINKED -> {
                    if (query.expands(field.name()) && value.isObject()) {
                        out.set(field.name(), render(field.schema(), (ObjectNode) value,
                                query.nested(field.name()), 1, null));
                    }
                }
                case DETAIL -> {
                    if (query.expands(field.name()) && value.isArray()) {
                        ArrayNode lines = out.putArray(field.name());
                        QueryOptions nested = query.nested(field.name());
                        for (int i = 0; i < value.size(); i++) {
                            lines.add(render(field.schema(), (ObjectNode) value.get(i), nested, i + 1, null));
                        }
                    }
                }
            }
        }
        if (stored.hasNonNull("error")) {
            out.put("error", stored.get("error").asText());
        }
        out.putObject("custom");
        if (links != null) {
            ObjectNode linkNode = out.putObject("_links");
            linkNode.put("self", links.self());
            linkNode.put("files:put", links.filesPut());
        }
        return out;
    }
}
