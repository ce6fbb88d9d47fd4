package io.mlconnector.sandbox.acumatica;

import java.time.Instant;
import java.util.Map;

/**
 * One request the sandbox received, for assertions such as "exactly two PUTs reached Acumatica".
 *
 * @param method  HTTP method
 * @param path    request path as received, including the instance path
 * @param query   decoded query string ({@code $filter=ExternalRef eq 'x'}), or empty
 * @param headers a subset of request headers (Accept, Content-Type, If-Match, If-None-Match, PX-CbApi*); the
 *                Authorization header keeps only its scheme ({@code Bearer}), never the credential
 * @param body    request body; for the token endpoint, passwords, client secrets and tokens are masked
 * @param at      when it arrived, on the sandbox clock
 * @param status  the status answered, or {@link #NO_RESPONSE} if the connection was dropped
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body,
                              Instant at, int status) {

    /** Status recorded when a fault dropped the connection instead of answering. */
    public static final int NO_RESPONSE = 0;

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** True if this is {@code method} on a path ending with {@code pathSuffix}, e.g. {@code ("PUT", "/SalesInvoice")}. */
    public boolean isTo(String method, String pathSuffix) {
        return this.method.equalsIgnoreCase(method) && path.endsWith(pathSuffix);
    }
}
