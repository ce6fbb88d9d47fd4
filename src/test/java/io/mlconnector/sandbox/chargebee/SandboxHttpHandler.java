package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The HTTP edge: logs every request, authenticates, applies faults, then asks {@link ApiRoutes} for the body.
 * Faults apply only after authentication succeeds, so a wrong key is always a plain 401.
 */
final class SandboxHttpHandler implements HttpHandler {

    private static final String JSON = "application/json;charset=utf-8";

    private final ApiRoutes routes;
    private final ChargebeeFaults faults;
    private final RequestLog log;
    private final ObjectMapper mapper;
    private final String apiKey;
    private final Clock wallClock;

    SandboxHttpHandler(ApiRoutes routes, ChargebeeFaults faults, RequestLog log, ObjectMapper mapper, String apiKey,
            Clock wallClock) {
        this.routes = routes;
        this.faults = faults;
        this.log = log;
        this.mapper = mapper;
        this.apiKey = apiKey;
        this.wallClock = wallClock;
    }

    /** The request being answered on this thread (JDK exchange attributes are shared per context, not per request). */
    private final ThreadLocal<RecordedRequest> pending = new ThreadLocal<>();

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> params = QueryString.parse(rawQuery);
        pending.set(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                rawQuery == null ? "" : rawQuery, params, wallClock.instant(), RecordedRequest.NO_RESPONSE));
        try {
            drain(exchange.getRequestBody());
            respond(exchange, params);
        } finally {
            exchange.close();
            record(RecordedRequest.NO_RESPONSE);
        }
    }

    /**
     * Records the request once, before its answer leaves: a client that has its answer can already see its request
     * in the log. Requests the sandbox drops on purpose are recorded with status 0 before the socket closes; any other
     * request that ends without an answer, when the exchange closes.
     */
    private void record(int status) {
        RecordedRequest request = pending.get();
        if (request == null) {
            return;
        }
        pending.remove();
        log.record(new RecordedRequest(request.method(), request.path(), request.queryString(), request.queryParams(),
                request.at(), status), Duration.between(request.at(), wallClock.instant()));
    }

    private int respond(HttpExchange exchange, Map<String, List<String>> params) throws IOException {
        if (!BasicAuth.accepts(exchange.getRequestHeaders().getFirst("Authorization"), apiKey)) {
            return sendError(exchange, ChargebeeError.authenticationFailed());
        }
        ChargebeeFaults.Decision fault = faults.next();
        pause(fault);
        switch (fault.kind()) {
            case DROP_CONNECTION -> {
                // Recorded first: once the socket closes, the client may already look at the log.
                record(RecordedRequest.NO_RESPONSE);
                // Closing before sendResponseHeaders makes the JDK server close the socket: the client reads EOF.
                exchange.close();
                return RecordedRequest.NO_RESPONSE;
            }
            case RATE_LIMIT -> {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                return sendError(exchange, ChargebeeError.rateLimited());
            }
            case SERVICE_UNAVAILABLE -> {
                return sendError(exchange, ChargebeeError.siteNotReady());
            }
            case NONE, TRUNCATE_RESPONSE -> {
                // answered below
            }
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            return sendError(exchange, ChargebeeError.methodNotAllowed(exchange.getRequestMethod()));
        }
        try {
            ObjectNode body = routes.get(exchange.getRequestURI().getPath(), params);
            if (fault.kind() == ChargebeeFaults.Decision.Kind.TRUNCATE_RESPONSE) {
                record(RecordedRequest.NO_RESPONSE);
                sendHalfAndClose(exchange, body);
                return RecordedRequest.NO_RESPONSE;
            }
            return send(exchange, 200, body);
        } catch (SandboxApiException e) {
            return sendError(exchange, e.error());
        } catch (RuntimeException e) {
            return sendError(exchange, new ChargebeeError(500, "Sandbox failure: " + e.getClass().getSimpleName(),
                    null, "internal_error", null));
        }
    }

    private static void pause(ChargebeeFaults.Decision fault) {
        if (fault.delay().isZero()) {
            return;
        }
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int sendError(HttpExchange exchange, ChargebeeError error) throws IOException {
        return send(exchange, error.httpStatus(), error.toJson());
    }

    private int send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", JSON);
        record(status);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    /**
     * Promises the full length, writes half, then closes: the JDK server then closes the socket because the promised
     * bytes never came, and the client hits end-of-stream mid-body.
     */
    private void sendHalfAndClose(HttpExchange exchange, ObjectNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        try {
            exchange.close();
        } catch (RuntimeException expectedShortWrite) {
            // the server reports the short write; the socket is closed, which is the point
        }
    }

    private static void drain(InputStream body) throws IOException {
        try (body) {
            body.transferTo(OutputStream.nullOutputStream());
        }
    }
}
