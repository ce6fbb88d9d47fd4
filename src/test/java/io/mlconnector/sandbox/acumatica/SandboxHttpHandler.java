package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;

/**
 * The only class that touches {@code com.sun.net.httpserver}: reads the exchange into a {@link SandboxRequest},
 * passes it through the {@link LicenceGate} (every API request but sign-out), applies armed {@link Faults}, routes,
 * records the request and writes the response.
 *
 * <p>Faults act while the request holds its processing core: a delay fault is a slow request, and it keeps the
 * core busy, which is what makes the licence's concurrency limit observable.
 *
 * <p>A dropped response is produced by closing the exchange before any header is sent: the JDK server then closes
 * the socket, and the client sees the connection end with no status line.
 */
final class SandboxHttpHandler implements HttpHandler {

    /** Larger bodies are refused with 413: a limit keeps a buggy client from filling memory. */
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final AcumaticaRouter router;
    private final Faults faults;
    private final RequestLog log;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final String instancePath;
    private final LicenceGate licence;

    SandboxHttpHandler(AcumaticaRouter router, Faults faults, RequestLog log, Clock clock, ObjectMapper mapper,
                       String instancePath, LicenceGate licence) {
        this.licence = licence;
        this.router = router;
        this.faults = faults;
        this.log = log;
        this.clock = clock;
        this.mapper = mapper;
        this.instancePath = instancePath;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Arrival at = new Arrival(clock.instant(), System.nanoTime());
            byte[] body = readBody(exchange.getRequestBody());
            SandboxRequest request = SandboxRequest.of(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body == null ? "" : new String(body, StandardCharsets.UTF_8),
                    instancePath);
            RequestTarget target = RequestTarget.of(request);
            if (body == null) {
                respond(exchange, request, target, at, HttpErrors.payloadTooLarge(MAX_BODY_BYTES));
                return;
            }
            if (!target.isQueuedByLicence()) {
                process(exchange, request, target, at);
                return;
            }
            Optional<LicenceGate.Permit> permit;
            try {
                permit = licence.admit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the sandbox is stopping: no answer, like a server going down
            }
            if (permit.isEmpty()) {
                respond(exchange, request, target, at, HttpErrors.licenceDeclined());
                return;
            }
            try {
                process(exchange, request, target, at);
            } finally {
                permit.get().close();
            }
        }
    }

    private void process(HttpExchange exchange, SandboxRequest request, RequestTarget target, Arrival at)
            throws IOException {
        Faults.Decision fault = faults.decide(request.method(), target);
        pause(fault.delay());
        SandboxResponse response = fault.failStatus() > 0 ? HttpErrors.injected(fault.failStatus())
                : routeSafely(request);
        if (fault.failAfterCommitStatus() > 0) {
            response = HttpErrors.injected(fault.failAfterCommitStatus()); // the work above is done and kept
        }
        if (fault.dropResponse()) {
            log.record(request, target, at.time(), at.elapsed(), RecordedRequest.NO_RESPONSE);
            return; // closing without sending headers drops the connection
        }
        respond(exchange, request, target, at, response);
    }

    private SandboxResponse routeSafely(SandboxRequest request) {
        try {
            return router.route(request);
        } catch (ApiFailure failure) {
            return failure.response();
        } catch (RuntimeException bug) {
            // A defect in the simulator, not in the client: make it loud in the test output.
            bug.printStackTrace();
            return HttpErrors.sandboxBug(bug);
        }
    }

    private void respond(HttpExchange exchange, SandboxRequest request, RequestTarget target, Arrival at,
                         SandboxResponse response) throws IOException {
        byte[] payload = response.json() != null ? mapper.writeValueAsBytes(response.json()) : response.raw();
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
        // Recorded before the response leaves, so a test that has its answer always finds the request logged.
        log.record(request, target, at.time(), at.elapsed(), response.status());
        if (payload == null || payload.length == 0 || response.status() == 204) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(payload);
        }
    }

    /**
     * When a request arrived: {@code time} on the sandbox clock (which tests may stop or move), {@code nanos} on the
     * monotonic clock for its duration.
     */
    private record Arrival(Instant time, long nanos) {
        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - nanos);
        }
    }

    /** Reads the body, or returns null if it is larger than allowed. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
