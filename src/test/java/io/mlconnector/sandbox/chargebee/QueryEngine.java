package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;

/** Filters, orders and pages records for a list request. Pure: no I/O, no shared state. */
final class QueryEngine {

    private final OffsetCodec offsets;

    QueryEngine(OffsetCodec offsets) {
        this.offsets = offsets;
    }

    /** One page, with the offset of the next page or {@code null} when nothing remains. */
    record ListPage(List<ObjectNode> records, String nextOffset) {
    }

    ListPage run(List<ObjectNode> records, ListQuery query) {
        Comparator<SortKey> order = sortOrder(query.descending());
        List<ObjectNode> matching = records.stream()
                .filter(r -> query.includeDeleted() || !r.path("deleted").asBoolean(false))
                .filter(r -> query.filters().stream().allMatch(f -> f.matches(r)))
                .sorted(Comparator.comparing(r -> SortKey.of(r, query.sortAttribute()), order))
                .toList();
        int start = 0;
        if (query.after() != null) {
            SortKey last = new SortKey(query.after().lastKey(), query.after().lastId());
            while (start < matching.size()
                    && order.compare(SortKey.of(matching.get(start), query.sortAttribute()), last) <= 0) {
                start++;
            }
        }
        int end = Math.min(start + query.limit(), matching.size());
        List<ObjectNode> page = matching.subList(start, end);
        String next = null;
        if (end < matching.size()) {
            SortKey lastServed = SortKey.of(page.get(page.size() - 1), query.sortAttribute());
            next = offsets.encodeList(new OffsetCodec.ListCursor(query.sortAttribute(), query.descending(),
                    lastServed.value(), lastServed.id()));
        }
        return new ListPage(List.copyOf(page), next);
    }

    private static Comparator<SortKey> sortOrder(boolean descending) {
        Comparator<SortKey> ascending = Comparator.comparing(SortKey::value, JsonValues.SCALAR_ORDER)
                .thenComparing(SortKey::id);
        return descending ? ascending.reversed() : ascending;
    }

    /** The sort attribute's value (null when absent) and the id that breaks ties. */
    private record SortKey(JsonNode value, String id) {
        static SortKey of(ObjectNode record, String attribute) {
            return new SortKey(JsonValues.attribute(record, attribute), record.path("id").asText(""));
        }
    }
}
