package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Truncates invoice and credit-note line items the way Chargebee's "Enterprise-scale Invoicing" does.
 *
 * <p>A document with more than {@link #truncateAt()} line items is served with the first page of {@code line_items}
 * (and only the {@code line_item_*} rows that belong to that page: discounts, taxes, tiers, credits, addresses) plus
 * {@code line_items_next_offset}: in list responses, in the documents an event's {@code content} carries (events API
 * and webhooks alike), and in a retrieve without {@code line_items_limit}.
 * {@code GET /invoices/{id}?line_items_limit=N&line_items_offset=X} serves the next page; its rows are meant to be
 * appended to the first page, as hotglue's tap does.
 *
 * <p>The threshold, {@value #DEFAULT_TRUNCATE_AT}: Chargebee's API reference documents {@code line_items_limit} on
 * retrieve as "default=100, min=1, max=300" (applicable when Enterprise-scale Invoicing is enabled), so a retrieve
 * without it serves at most 100 lines. For lists and event content Chargebee publishes no threshold; the sandbox
 * ASSUMES the same 100, low enough that the demo cycle's 130-line invoice always exercises a client's line-item
 * paging. Public taps complete truncated documents with {@code line_items_limit=300}, the documented maximum.
 */
final class LineItemPager {

    static final int DEFAULT_TRUNCATE_AT = 100;
    static final int MAX_LINE_ITEMS_LIMIT = 300;

    private final OffsetCodec offsets;
    private volatile int truncateAt = DEFAULT_TRUNCATE_AT;
    private volatile boolean listsOmitTruncatedLineItems;

    LineItemPager(OffsetCodec offsets) {
        this.offsets = offsets;
    }

    int truncateAt() {
        return truncateAt;
    }

    void setTruncateAt(int truncateAt) {
        if (truncateAt < 1) {
            throw new IllegalArgumentException("truncateAt must be at least 1, was " + truncateAt);
        }
        this.truncateAt = truncateAt;
    }

    /**
     * When set, list responses carry an empty {@code line_items} for truncated documents (observed on real sites and
     * handled by public taps); when clear, they carry the first page.
     */
    void setListsOmitTruncatedLineItems(boolean omit) {
        this.listsOmitTruncatedLineItems = omit;
    }

    /** Shapes a document (a private copy) for a list response. */
    ObjectNode forList(ObjectNode document) {
        int total = lineItemCount(document);
        if (total <= truncateAt) {
            return document;
        }
        ObjectNode paged = page(document, 0, truncateAt);
        if (listsOmitTruncatedLineItems) {
            paged.set("line_items", JsonNodeFactory.instance.arrayNode());
            stripLineItemRows(paged, Set.of());
            paged.put("line_items_next_offset", offsets.encodeLineItemOffset(0));
        }
        return paged;
    }

    /**
     * Shapes an event (a private copy) for the events API or a webhook: the invoice and credit note its
     * {@code content} carries are truncated as in a list.
     */
    ObjectNode forEvent(ObjectNode event) {
        if (event.get("content") instanceof ObjectNode content) {
            for (String document : List.of("invoice", "credit_note")) {
                if (content.get(document) instanceof ObjectNode carried) {
                    content.set(document, forList(carried));
                }
            }
        }
        return event;
    }

    /**
     * Shapes a document (a private copy) for a retrieve, honouring {@code line_items_limit/offset}; without
     * {@code line_items_limit} at most {@link #truncateAt()} lines, Chargebee's documented default of 100.
     */
    ObjectNode forRetrieve(ObjectNode document, Map<String, List<String>> params) {
        String rawLimit = QueryString.first(params, "line_items_limit");
        String rawOffset = QueryString.first(params, "line_items_offset");
        int limit = rawLimit == null ? truncateAt : parseLimit(rawLimit);
        int start = rawOffset == null || rawOffset.isEmpty() ? 0 : offsets.decodeLineItemOffset(rawOffset);
        if (rawLimit == null && start == 0 && lineItemCount(document) <= truncateAt) {
            return document;
        }
        return page(document, start, limit);
    }

    private static int parseLimit(String raw) {
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LINE_ITEMS_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new SandboxApiException(ChargebeeError.paramWrongValue("line_items_limit",
                "line_items_limit : The value must be between 1 and " + MAX_LINE_ITEMS_LIMIT));
    }

    private static int lineItemCount(ObjectNode document) {
        JsonNode lines = document.get("line_items");
        return lines != null && lines.isArray() ? lines.size() : 0;
    }

    private ObjectNode page(ObjectNode document, int start, int limit) {
        JsonNode lines = document.get("line_items");
        if (lines == null || !lines.isArray()) {
            return document;
        }
        int total = lines.size();
        int from = Math.min(start, total);
        int to = (int) Math.min((long) from + limit, total);
        ArrayNode pageLines = JsonNodeFactory.instance.arrayNode();
        Set<String> pageIds = new HashSet<>();
        for (int i = from; i < to; i++) {
            pageLines.add(lines.get(i));
            pageIds.add(lines.get(i).path("id").asText());
        }
        document.set("line_items", pageLines);
        stripLineItemRows(document, pageIds);
        if (to < total) {
            document.put("line_items_next_offset", offsets.encodeLineItemOffset(to));
        } else {
            document.remove("line_items_next_offset");
        }
        return document;
    }

    /** Keeps only the {@code line_item_*} rows whose {@code line_item_id} is on the page. */
    private static void stripLineItemRows(ObjectNode document, Set<String> pageIds) {
        for (Map.Entry<String, JsonNode> field : document.properties()) {
            if (!field.getKey().startsWith("line_item_") || !field.getValue().isArray()) {
                continue;
            }
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (JsonNode row : field.getValue()) {
                if (pageIds.contains(row.path("line_item_id").asText(null))) {
                    kept.add(row);
                }
            }
            field.setValue(kept);
        }
    }
}
