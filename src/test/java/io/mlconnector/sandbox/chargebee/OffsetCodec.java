package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encodes and decodes the opaque {@code offset} / {@code line_items_offset} strings.
 *
 * <p>List offsets are keyset cursors (sort value and id of the last record served), like Chargebee's own offsets,
 * which look like {@code ["1517505107000","230000000007"]}. A keyset cursor keeps paging stable when records are
 * added between pages, and a record whose sort key changes mid-scan moves, exactly as on a real site. Clients must
 * treat the value as opaque: it is base64url so that any attempt to build one by hand fails loudly.
 */
final class OffsetCodec {

    /** Chargebee documents offsets as at most 1000 characters. */
    static final int MAX_OFFSET_CHARS = 1000;

    private final ObjectMapper mapper;

    OffsetCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Where the previous page ended, in a given sort order. */
    record ListCursor(String sortAttribute, boolean descending, JsonNode lastKey, String lastId) {
    }

    String encodeList(ListCursor cursor) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("s", cursor.sortAttribute());
        json.put("d", cursor.descending() ? "desc" : "asc");
        json.set("k", cursor.lastKey() == null ? JsonNodeFactory.instance.nullNode() : cursor.lastKey());
        json.put("id", cursor.lastId());
        return encode(json);
    }

    /** @throws SandboxApiException 400 {@code param_wrong_value} on anything this codec did not produce */
    ListCursor decodeList(String offset) {
        ObjectNode json = decode(offset, "offset");
        JsonNode sort = json.get("s");
        JsonNode direction = json.get("d");
        JsonNode id = json.get("id");
        if (sort == null || !sort.isTextual() || direction == null || id == null || !id.isTextual()
                || !json.has("k")) {
            throw malformed("offset");
        }
        JsonNode key = json.get("k");
        return new ListCursor(sort.asText(), "desc".equals(direction.asText()), key.isNull() ? null : key,
                id.asText());
    }

    String encodeLineItemOffset(int nextIndex) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("li", nextIndex);
        return encode(json);
    }

    int decodeLineItemOffset(String offset) {
        ObjectNode json = decode(offset, "line_items_offset");
        JsonNode index = json.get("li");
        if (index == null || !index.canConvertToInt() || index.intValue() < 0) {
            throw malformed("line_items_offset");
        }
        return index.intValue();
    }

    private String encode(ObjectNode json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(json));
        } catch (IOException impossible) {
            throw new IllegalStateException("Cannot serialise an offset", impossible);
        }
    }

    private ObjectNode decode(String offset, String param) {
        if (offset.length() > MAX_OFFSET_CHARS) {
            throw malformed(param);
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(offset), StandardCharsets.UTF_8);
            JsonNode json = mapper.readTree(text);
            if (json instanceof ObjectNode object) {
                return object;
            }
        } catch (IllegalArgumentException | IOException notOurs) {
            // falls through to the error below
        }
        throw malformed(param);
    }

    private static SandboxApiException malformed(String param) {
        return new SandboxApiException(ChargebeeError.paramWrongValue(param, param + " : invalid value"));
    }
}
