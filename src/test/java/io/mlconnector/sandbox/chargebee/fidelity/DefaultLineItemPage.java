package io.mlconnector.sandbox.chargebee.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.chargebee.org.json.JSONObject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The data file's invoice or credit note as a default read serves it (a list entry, an event's content, a retrieve
 * without {@code line_items_limit}): its first {@value #LINES_SERVED_BY_DEFAULT} line items, Chargebee's documented
 * default {@code line_items_limit}, with only the {@code line_item_*} rows of those lines, and
 * {@code line_items_next_offset} exactly when lines were left out. Written from the documentation, not from the
 * sandbox's pager, so it checks the pager.
 */
final class DefaultLineItemPage {

    static final int LINES_SERVED_BY_DEFAULT = 100;

    private DefaultLineItemPage() {
    }

    /** The expected served document; fails when {@code line_items_next_offset} is present or absent wrongly. */
    static JsonNode expected(JsonNode fileDocument, JSONObject served, String where) {
        int lines = fileDocument.path("line_items").size();
        boolean truncated = lines > LINES_SERVED_BY_DEFAULT;
        assertEquals(truncated, served.optString("line_items_next_offset", null) != null,
                where + ": line_items_next_offset with " + lines + " lines in the file");
        if (!truncated) {
            return fileDocument;
        }
        ObjectNode page = fileDocument.deepCopy();
        ArrayNode firstLines = page.putArray("line_items");
        Set<String> lineIds = new HashSet<>();
        for (int i = 0; i < LINES_SERVED_BY_DEFAULT; i++) {
            JsonNode line = fileDocument.path("line_items").get(i);
            firstLines.add(line);
            lineIds.add(line.path("id").asText());
        }
        for (Map.Entry<String, JsonNode> field : fileDocument.properties()) {
            if (field.getKey().startsWith("line_item_") && field.getValue().isArray()) {
                ArrayNode rows = page.putArray(field.getKey());
                field.getValue().forEach(row -> {
                    if (lineIds.contains(row.path("line_item_id").asText())) {
                        rows.add(row);
                    }
                });
            }
        }
        return page;
    }
}
