package io.mlconnector.sandbox.chargebee;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the sandbox received.
 *
 * @param method      HTTP method
 * @param path        decoded path, e.g. {@code /api/v2/invoices}
 * @param queryString raw query string, or {@code ""}
 * @param queryParams decoded query parameters in arrival order (repeated keys keep every value)
 * @param at          arrival time on the real system clock (for timing checks such as honouring Retry-After)
 * @param status      response status, or {@link #NO_RESPONSE} when the sandbox dropped the connection before or
 *                    during the response
 */
public record RecordedRequest(String method, String path, String queryString, Map<String, List<String>> queryParams,
        Instant at, int status) {

    /** Status recorded for a request whose connection the sandbox dropped on purpose. */
    public static final int NO_RESPONSE = 0;

    public RecordedRequest {
        queryParams = Map.copyOf(queryParams);
    }

    /** The first value of a query parameter, or {@code null}. */
    public String param(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
