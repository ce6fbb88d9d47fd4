package io.mlconnector.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One answered (or dropped) request, as a sandbox writes it to its request-log file. Holds no headers and no body,
 * so it has no place for a credential.
 *
 * @param sandbox    {@code chargebee} or {@code acumatica}
 * @param time       when the request arrived
 * @param method     HTTP method
 * @param path       request path, e.g. {@code /api/v2/invoices}
 * @param query      decoded query string, or {@code ""}
 * @param status     the status answered, or 0 when the sandbox dropped the connection on purpose
 * @param durationMs milliseconds from arrival to the answer
 * @param entity     for Acumatica's contract API, the entity (e.g. {@code SalesInvoice}); otherwise null
 * @param action     for an Acumatica action ({@code POST .../SalesInvoice/ReleaseSalesInvoice}), its name; else null
 */
public record RequestLogLine(String sandbox, Instant time, String method, String path, String query, int status,
        long durationMs, String entity, String action) {

    public RequestLogLine {
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
    }
}
