package io.mlconnector.chargebee;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters and sort of a Chargebee list call, in Chargebee's {@code attr[op]=value} syntax. Immutable: each method
 * returns a new query. Paging ({@code limit}, {@code offset}) is the client's business.
 */
public record ListQuery(Map<String, String> parameters) {

    public ListQuery {
        parameters = Map.copyOf(parameters);
    }

    public static ListQuery all() {
        return new ListQuery(Map.of());
    }

    public ListQuery with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(name, value);
        return new ListQuery(copy);
    }

    public ListQuery after(String timestampAttribute, Instant instant) {
        return with(timestampAttribute + "[after]", Long.toString(instant.getEpochSecond()));
    }

    /** Inclusive at both ends, as Chargebee's {@code between}. */
    public ListQuery between(String timestampAttribute, Instant from, Instant to) {
        return with(timestampAttribute + "[between]", "[" + from.getEpochSecond() + "," + to.getEpochSecond() + "]");
    }

    public ListQuery in(String attribute, Collection<String> values) {
        return with(attribute + "[in]", "[" + String.join(",", values) + "]");
    }

    public ListQuery sortAscending(String attribute) {
        return with("sort_by[asc]", attribute);
    }

    /** Deleted records come back with {@code deleted: true} instead of vanishing. */
    public ListQuery includeDeleted() {
        return with("include_deleted", "true");
    }
}
