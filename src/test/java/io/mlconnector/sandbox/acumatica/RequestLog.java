package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mlconnector.sandbox.RequestLogFile;
import io.mlconnector.sandbox.RequestLogLine;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requests the sandbox received, oldest first, with credentials removed: the token endpoint's secrets and the
 * password of a cookie sign-in are masked, the Authorization header keeps only its scheme, cookies are not kept.
 * Capped (oldest dropped) so a long demo cannot exhaust memory. Thread-safe.
 *
 * <p>Each request is also appended to the request-log file when one was configured, without headers or body (so
 * without any credential) and with the entity and action it addressed. The file is append-only: {@link #clear()}
 * and the cap apply to memory only.
 */
final class RequestLog implements AutoCloseable {

    private static final int CAPACITY = 10_000;
    private static final List<String> KEPT_HEADERS = List.of("Accept", "Content-Type", "If-Match", "If-None-Match",
            "PX-CbApiBusinessDate", "PX-CbApiBranch");
    private static final Set<String> SECRET_FORM_FIELDS = Set.of("password", "client_secret", "refresh_token",
            "client_assertion", "code");

    private final Deque<RecordedRequest> entries = new ArrayDeque<>();
    private final ObjectMapper mapper;
    private final RequestLogFile file;

    RequestLog(ObjectMapper mapper, RequestLogFile file) {
        this.mapper = mapper;
        this.file = file;
    }

    void record(SandboxRequest request, RequestTarget target, Instant at, Duration took, int status) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            request.header(name).ifPresent(value -> headers.put(name, value));
        }
        request.header("Authorization").ifPresent(value -> headers.put("Authorization", scheme(value)));
        String body = switch (target.kind()) {
            case TOKEN_ENDPOINT -> maskForm(request.body());
            case SIGN_IN -> maskSignIn(request.body());
            default -> request.body();
        };
        String query = URLDecoder.decode(request.rawQuery().replace("+", "%2B"), StandardCharsets.UTF_8);
        RecordedRequest entry = new RecordedRequest(request.method(), request.path(), query, headers, body, at,
                status);
        synchronized (this) {
            if (entries.size() >= CAPACITY) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
        file.write(new RequestLogLine("acumatica", at, request.method(), request.path(),
                RequestLogFile.safeQuery(request.rawQuery(), false), status,
                took.toMillis(), target.entity(), target.action()));
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }

    @Override
    public void close() {
        file.close();
    }

    private static String scheme(String authorization) {
        int space = authorization.indexOf(' ');
        return (space > 0 ? authorization.substring(0, space) : "?") + " ***";
    }

    /** A sign-in body is JSON ({@code {"name", "password", ...}}) or a form; the password never reaches the log. */
    private String maskSignIn(String body) {
        if (!body.trim().startsWith("{")) {
            return maskForm(body);
        }
        try {
            JsonNode json = mapper.readTree(body);
            if (json instanceof ObjectNode object && object.has("password")) {
                object.put("password", "***");
            }
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            return "<unparsable sign-in body, not logged>";
        }
    }

    private static String maskForm(String body) {
        StringBuilder out = new StringBuilder();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(SECRET_FORM_FIELDS.contains(decodedName) ? name + "=***" : pair);
        }
        return out.toString();
    }
}
