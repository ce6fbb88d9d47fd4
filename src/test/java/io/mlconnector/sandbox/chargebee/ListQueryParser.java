package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns list query parameters into a {@link ListQuery}, answering bad input the way Chargebee does (HTTP 400). */
final class ListQueryParser {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    /** {@code attr[op]}; nested filters such as {@code einvoice[status][is]} are deliberately not matched. */
    private static final Pattern FILTER_KEY = Pattern.compile("([a-z][a-z0-9_]*)\\[([a-z_]+)]");
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9_]*");

    private final ObjectMapper mapper;
    private final OffsetCodec offsets;

    ListQueryParser(ObjectMapper mapper, OffsetCodec offsets) {
        this.mapper = mapper;
        this.offsets = offsets;
    }

    ListQuery parse(ResourceType type, Map<String, List<String>> params) {
        int limit = parseLimit(QueryString.first(params, "limit"));
        String sortAttribute = type.defaultSortAttribute();
        boolean descending = false;
        String asc = QueryString.first(params, "sort_by[asc]");
        String desc = QueryString.first(params, "sort_by[desc]");
        if (asc != null && desc != null) {
            throw wrong("sort_by", "sort_by : only one of asc or desc can be given");
        }
        if (asc != null || desc != null) {
            sortAttribute = asc != null ? asc : desc;
            descending = desc != null;
            if (!ATTRIBUTE.matcher(sortAttribute).matches()) {
                throw wrong("sort_by", "sort_by : invalid value " + sortAttribute);
            }
        }
        OffsetCodec.ListCursor after = null;
        String offset = QueryString.first(params, "offset");
        if (offset != null && !offset.isEmpty()) {
            after = offsets.decodeList(offset);
            if (!after.sortAttribute().equals(sortAttribute) || after.descending() != descending) {
                // An offset is only meaningful in the order that produced it.
                throw wrong("offset", "offset : invalid value for the requested sort order");
            }
        }
        boolean includeDeleted = type.supportsIncludeDeleted()
                && "true".equalsIgnoreCase(QueryString.first(params, "include_deleted"));
        return new ListQuery(limit, after, parseFilters(params), sortAttribute, descending, includeDeleted);
    }

    private static int parseLimit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw wrong("limit", "limit : The value must be between 1 and " + MAX_LIMIT);
    }

    private List<FilterCondition> parseFilters(Map<String, List<String>> params) {
        List<FilterCondition> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : params.entrySet()) {
            Matcher key = FILTER_KEY.matcher(entry.getKey());
            if (!key.matches() || key.group(1).equals("sort_by")) {
                continue;
            }
            String param = entry.getKey();
            FilterOperator operator = FilterOperator.byWireName(key.group(2))
                    .orElseThrow(() -> wrong(param, param + " : unsupported operator"));
            for (String raw : entry.getValue()) {
                filters.add(new FilterCondition(key.group(1), operator, operands(param, operator, raw)));
            }
        }
        return filters;
    }

    private List<String> operands(String param, FilterOperator operator, String raw) {
        List<String> operands = operator.takesList() ? parseList(param, raw) : List.of(raw);
        if (operator == FilterOperator.BETWEEN && operands.size() != 2) {
            throw wrong(param, param + " : expected [from,to]");
        }
        if (operator == FilterOperator.IS_PRESENT && !raw.equals("true") && !raw.equals("false")) {
            throw wrong(param, param + " : expected true or false");
        }
        if (operator.takesNumbers() && operands.stream().anyMatch(o -> JsonValues.parseNumber(o) == null)) {
            throw wrong(param, param + " : invalid value " + raw);
        }
        return operands;
    }

    /** Accepts {@code [a,b,c]} as documented and {@code ["a","b"]} as the official Java SDK sends it. */
    private List<String> parseList(String param, String raw) {
        String text = raw.trim();
        if (!text.startsWith("[") || !text.endsWith("]")) {
            throw wrong(param, param + " : expected a list such as [a,b]");
        }
        try {
            JsonNode json = mapper.readTree(text);
            if (json.isArray() && json.size() > 0) {
                List<String> values = new ArrayList<>();
                json.forEach(element -> values.add(element.asText()));
                return values;
            }
        } catch (IOException notJson) {
            // the documented unquoted form, handled below
        }
        String inner = text.substring(1, text.length() - 1).trim();
        if (inner.isEmpty()) {
            throw wrong(param, param + " : the list is empty");
        }
        List<String> values = new ArrayList<>();
        for (String part : inner.split(",")) {
            String value = part.trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            values.add(value);
        }
        return values;
    }

    private static SandboxApiException wrong(String param, String message) {
        return new SandboxApiException(ChargebeeError.paramWrongValue(param, message));
    }
}
