package io.mlconnector.sandbox.acumatica;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OData-style query parameters of the contract-based API: {@code $filter}, {@code $select}, {@code $expand},
 * {@code $top}, {@code $skip} ({@code $custom} is accepted and ignored: no custom fields are simulated).
 *
 * <p>Contract version 4 rules apply: linked and detail entities are returned only if listed in {@code $expand}, at
 * every level ({@code MainContact/Address} to get the address of the main contact).
 *
 * @param filter null when absent
 * @param select null means every field; otherwise the listed names (paths like {@code Details/Amount} allowed)
 * @param expand listed linked/detail names and paths
 * @param top    null when absent
 */
record QueryOptions(ODataFilter.Expression filter, List<String> select, List<String> expand, Integer top, int skip) {

    /** Cap on {@code $top} and on unpaged lists: a limit keeps a runaway client loop from building huge bodies. */
    static final int MAX_PAGE = 10_000;

    static QueryOptions none() {
        return new QueryOptions(null, null, List.of(), null, 0);
    }

    static QueryOptions parse(Map<String, String> params) {
        String filterText = params.get("$filter");
        ODataFilter.Expression filter = filterText == null || filterText.isBlank() ? null
                : ODataFilter.parse(filterText);
        List<String> select = params.containsKey("$select") ? split(params.get("$select")) : null;
        Integer skip = integer(params, "$skip");
        return new QueryOptions(filter, select, split(params.getOrDefault("$expand", "")),
                integer(params, "$top"), skip == null ? 0 : skip);
    }

    /** A copy with every linked and detail entity expanded, for the sandbox's own read-only views. */
    static QueryOptions expandAll() {
        return new QueryOptions(null, null, List.of("*"), null, 0);
    }

    boolean selects(String field) {
        if (select == null) {
            return true;
        }
        String lower = field.toLowerCase(Locale.ROOT);
        return select.stream().map(s -> s.toLowerCase(Locale.ROOT))
                .anyMatch(s -> s.equals(lower) || s.startsWith(lower + "/"));
    }

    boolean expands(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return expand.stream().map(s -> s.toLowerCase(Locale.ROOT))
                .anyMatch(s -> s.equals("*") || s.equals(lower) || s.startsWith(lower + "/"));
    }

    /** The options that apply inside the linked or detail entity {@code name}. */
    QueryOptions nested(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + "/";
        List<String> nestedSelect = null;
        if (select != null) {
            List<String> inner = stripPrefix(select, prefix);
            // "$select=Details" (no sub-path) selects the whole line.
            nestedSelect = inner.isEmpty() ? null : inner;
        }
        List<String> nestedExpand = expand.contains("*") ? List.of("*") : stripPrefix(expand, prefix);
        return new QueryOptions(null, nestedSelect, nestedExpand, null, 0);
    }

    private static List<String> stripPrefix(List<String> entries, String prefix) {
        List<String> out = new ArrayList<>();
        for (String entry : entries) {
            if (entry.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                out.add(entry.substring(prefix.length()));
            }
        }
        return out;
    }

    private static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return List.copyOf(out);
    }

    private static Integer integer(Map<String, String> params, String name) {
        String text = params.get(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Math.min(value, MAX_PAGE);
        } catch (NumberFormatException e) {
            throw new ApiFailure(HttpErrors.badRequest("The query parameter " + name + " must be a non-negative "
                    + "integer, but was '" + text + "'."));
        }
    }
}
