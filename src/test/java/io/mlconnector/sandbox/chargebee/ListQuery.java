package io.mlconnector.sandbox.chargebee;

import java.util.List;

/**
 * A validated list request.
 *
 * @param limit          page size, 1..100
 * @param after          where the previous page ended, or {@code null} for the first page
 * @param filters        every {@code attr[op]} filter; a record must match all of them
 * @param sortAttribute  attribute to order by (ties broken by {@code id})
 * @param descending     {@code true} for {@code sort_by[desc]}
 * @param includeDeleted {@code true} to include records marked {@code deleted: true}
 */
record ListQuery(int limit, OffsetCodec.ListCursor after, List<FilterCondition> filters, String sortAttribute,
        boolean descending, boolean includeDeleted) {

    ListQuery {
        filters = List.copyOf(filters);
    }
}
