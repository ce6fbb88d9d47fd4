package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Applies a parsed PUT body onto a record, with the contract-based API's update rules.
 *
 * <ul>
 *   <li>Value fields in the body replace stored values; fields not in the body keep theirs.</li>
 *   <li>Linked entities merge field by field.</li>
 *   <li>Detail lines are matched by {@code id}, else by the line's key field (e.g. {@code LineNbr} of an invoice
 *       or batch line, {@code TaxID} of a tax line, the adjusted document's {@code ReferenceNbr} of an
 *       application); {@code "delete": true} removes the matched line; unmatched lines are
 *       appended. A line {@code id} that does not exist answers 500 "No entity satisfies the condition".</li>
 * </ul>
 *
 * New lines get their {@code id} written back onto the patch as well, so callers can tell which stored line a patch
 * line became.
 */
final class EntityMerger {

    /** Detail schema → the field that identifies a line when no id is sent. */
    private static final Map<String, String> LINE_KEYS = Map.of(
            "SalesInvoiceDetail", "LineNbr",
            "SalesInvoiceTaxDetail", "TaxID",
            "SalesInvoiceApplicationCreditMemo", "ReferenceNbr",
            "PaymentDetail", "ReferenceNbr",
            "JournalTransactionDetail", "LineNbr");

    private final ContractShapes shapes;
    private final Ids ids;

    EntityMerger(ContractShapes shapes, Ids ids) {
        this.shapes = shapes;
        this.ids = ids;
    }

    void merge(String schema, ObjectNode target, ObjectNode patch) {
        ContractShapes.Shape shape = shapes.shape(schema);
        Iterator<Map.Entry<String, JsonNode>> members = patch.properties().iterator();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (name.equals("note") || name.equals("custom")) {
                target.set(name, value.deepCopy());
                continue;
            }
            shape.field(name).ifPresent(field -> {
                switch (field.kind()) {
                    case VALUE -> target.set(name, value.deepCopy());
                    case LINKED -> {
                        JsonNode existing = target.get(name);
                        if (existing instanceof ObjectNode linked) {
                            merge(field.schema(), linked, (ObjectNode) value);
                        } else {
                            ObjectNode created = ValueObjects.NODES.objectNode();
                            created.put("id", ids.newGuid());
                            merge(field.schema(), created, (ObjectNode) value);
                            target.set(name, created);
                        }
                    }
                    case DETAIL -> {
                        JsonNode existing = target.get(name);
                        ArrayNode lines = existing instanceof ArrayNode array ? array : target.putArray(name);
                        mergeLines(field.schema(), lines, (ArrayNode) value);
                    }
                }
            });
        }
    }

    private void mergeLines(String lineSchema, ArrayNode lines, ArrayNode patchLines) {
        String keyField = LINE_KEYS.get(lineSchema);
        for (JsonNode patchNode : patchLines) {
            ObjectNode patch = (ObjectNode) patchNode;
            int index = indexOf(lines, patch, keyField);
            boolean delete = patch.path("delete").asBoolean(false);
            if (index < 0 && patch.hasNonNull("id")) {
                throw new ApiFailure(HttpErrors.noEntitySatisfiesTheCondition());
            }
            if (index >= 0 && delete) {
                lines.remove(index);
            } else if (index >= 0) {
                patch.put("id", lines.get(index).get("id").asText());
                merge(lineSchema, (ObjectNode) lines.get(index), patch);
            } else if (!delete) {
                ObjectNode line = ValueObjects.NODES.objectNode();
                String id = ids.newGuid();
                line.put("id", id);
                patch.put("id", id);
                merge(lineSchema, line, patch);
                lines.add(line);
            }
        }
    }

    private static int indexOf(ArrayNode lines, ObjectNode patch, String keyField) {
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            if (patch.hasNonNull("id")) {
                if (patch.get("id").asText().equalsIgnoreCase(line.path("id").asText())) {
                    return i;
                }
            } else if (keyField != null) {
                var patchKey = ValueObjects.value(patch, keyField);
                var lineKey = ValueObjects.value(line, keyField);
                if (patchKey.isPresent() && lineKey.isPresent()
                        && patchKey.get().asText().equalsIgnoreCase(lineKey.get().asText())) {
                    return i;
                }
            }
        }
        return -1;
    }
}
