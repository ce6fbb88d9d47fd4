package io.mlconnector.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.auth.ApiSession;
import io.mlconnector.acumatica.auth.CookieSession;
import io.mlconnector.acumatica.auth.TokenProvider;
import io.mlconnector.acumatica.auth.TokenStore;
import io.mlconnector.config.AcumaticaConfig;
import io.mlconnector.secrets.CredentialStore;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import io.mlconnector.support.CallMeter;
import io.mlconnector.support.InvocationDeadline;
import io.mlconnector.support.RequestBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Adapter: Acumatica's contract-based REST API through the Quarkus REST client. Retries live one level up, in the
 * pipeline, because a create must be preceded by a fresh lookup on every attempt.
 */
@ApplicationScoped
public class AcumaticaRestClient implements AcumaticaClient {
    private final AcumaticaApi api;
    private final AcumaticaConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApiSession tokens;
    private final AcumaticaValueCodec codec = new AcumaticaValueCodec();
    private final AcumaticaResponses responses;
    private final URI base;
    private final Optional<RequestBudget> budget;
    private final InvocationDeadline deadline;
    private final ActionTiming timing = new ActionTiming();

    private final CallMeter meter;

    public AcumaticaRestClient(AcumaticaConfig config, CredentialStore credentials, TokenStore tokenStore,
                               ObjectMapper json, Clock clock, InvocationDeadline deadline, CallMeter meter) {
        this.deadline = deadline;
        this.meter = meter;
        String baseUrl = config.baseUrl().endsWith("/") ? config.baseUrl() : config.baseUrl() + "/";
        this.base = URI.create(baseUrl);
        AcumaticaApi[] built = new AcumaticaApi[1];
        CookieSession cookies = new CookieSession(() -> built[0], credentials, config.tenant(), config.branch(), json);
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder().baseUri(base)
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(120, TimeUnit.SECONDS)
                .disableDefaultMapper(true); // Statuses are classified in AcumaticaResponses, not thrown.
        boolean cookieLogin = "cookie".equals(config.auth());
        if (cookieLogin) {
            builder.register(cookies);
        }
        this.api = builder.build(AcumaticaApi.class);
        built[0] = api;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.tokens = cookieLogin ? cookies : new TokenProvider(api, credentials, config, tokenStore, json, clock);
        this.responses = new AcumaticaResponses(json, config.endpointPath());
        this.budget = config.licence().requestsPerMinute().stream()
                .mapToObj(perMinute -> new RequestBudget(perMinute, Duration.ofMinutes(1), RequestBudget.Ticker.SYSTEM))
                .findFirst();
    }

    @Override
    public List<String> publishedVersions(String endpointName) {
        JsonNode body = send("list published endpoints", api::endpoints, 200);
        List<String> versions = new ArrayList<>();
        for (JsonNode endpoint : body.path("endpoints")) {
            if (endpointName.equals(endpoint.path("name").asText())) {
                versions.add(endpoint.path("version").asText());
            }
        }
        return versions;
    }

    @Override
    public <T extends Record> Optional<T> findFirst(String entity, String filter, Class<T> view) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("$filter", filter);
        query.put("$select", codec.selectFor(view));
        query.putAll(expandFor(view));
        query.put("$top", "1");
        JsonNode body = send("find " + entity, auth -> api.list(config.endpointName(), config.endpointVersion(),
                entity, query, auth), 200);
        return body.isArray() && body.size() > 0 ? Optional.of(codec.decode(body.get(0), view)) : Optional.empty();
    }

    @Override
    public <T extends Record> List<T> findAll(String entity, String filter, Class<T> view, int pageSize) {
        List<T> all = new ArrayList<>();
        for (int skip = 0; ; skip += pageSize) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("$filter", filter);
            query.put("$select", codec.selectFor(view));
            query.putAll(expandFor(view));
            query.put("$top", Integer.toString(pageSize));
            query.put("$skip", Integer.toString(skip));
            JsonNode page = send("list " + entity, auth -> api.list(config.endpointName(), config.endpointVersion(),
                    entity, query, auth), 200);
            page.forEach(record -> all.add(codec.decode(record, view)));
            if (page.size() < pageSize) {
                return all; // a short page is the last one
            }
        }
    }

    @Override
    public <T extends Record> T create(String entity, Record body, Class<T> view) {
        String payload = codec.encode(body).toString();
        JsonNode created = send("create " + entity, auth -> api.put(config.endpointName(), config.endpointVersion(),
                entity, expandFor(body), "*", null, auth, payload), 200);
        return codec.decode(created, view);
    }

    @Override
    public <T extends Record> T update(String entity, Record body, Class<T> view) {
        String payload = codec.encode(body).toString();
        JsonNode updated = send("update " + entity, auth -> api.put(config.endpointName(), config.endpointVersion(),
                entity, expandFor(body), null, "*", auth, payload), 200);
        return codec.decode(updated, view);
    }

    @Override
    public void endSession() {
        tokens.end();
    }

    @Override
    public void invoke(String entity, String action, Record entityKeys) {
        ObjectNode payload = codec.encodeAction(entityKeys);
        String operation = action + " " + entity;
        Response started = call(operation, auth -> api.action(config.endpointName(), config.endpointVersion(),
                entity, action, auth, payload.toString()));
        awaitCompletion(operation, started);
    }

    /**
     * 202 + Location means "still running": poll the Location until 204, within the configured time limit. Every
     * poll is a licensed request, so the first one waits about as long as this container's releases have taken
     * (learnt from the ones before, see {@link ActionTiming}), and later ones back off, doubling up to the configured
     * poll interval. A 204 (or 200) straight from the action needs no poll at all.
     */
    private void awaitCompletion(String operation, Response answer) {
        Instant deadline = clock.instant().plus(config.actionTimeout());
        long acceptedAt = System.nanoTime();
        long wait = timing.firstWaitNanos(config.actionPollInterval().toNanos());
        int polls = 0;
        Response current = answer;
        while (true) {
            int status = current.getStatus();
            String location = current.getHeaderString("Location");
            String body = current.hasEntity() ? current.readEntity(String.class) : "";
            current.close();
            if (status == 204 || status == 200) {
                if (polls > 0) {
                    timing.completed(System.nanoTime() - acceptedAt, polls == 1);
                }
                return;
            }
            if (status != 202) {
                throw responses.failure(operation, status, body);
            }
            if (location == null || location.isBlank()) {
                throw new AcumaticaException.Transient(operation, status, "202 without a Location to poll");
            }
            if (clock.instant().isAfter(deadline)) {
                throw new AcumaticaException.Transient(operation, status,
                        "still running after " + config.actionTimeout().toSeconds() + " s");
            }
            pause(wait);
            wait = Math.min(wait * 2, config.actionPollInterval().toNanos());
            polls++;
            String relative = relativeToBase(location);
            current = call(operation, auth -> api.follow(relative, auth));
        }
    }

    private JsonNode send(String operation, Function<String, Response> request, int expectedStatus) {
        Response response = call(operation, request);
        try (response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatus() != expectedStatus) {
                throw responses.failure(operation, response.getStatus(), body);
            }
            return responses.parse(operation, response.getStatus(), body);
        }
    }

    /** Sends with a bearer token; on 401 renews the token once and sends again. */
    private Response call(String operation, Function<String, Response> request) {
        Response response = attempt(operation, request);
        if (response.getStatus() == 401) {
            response.close();
            tokens.invalidate();
            response = attempt(operation, request);
        }
        return response;
    }

    private Response attempt(String operation, Function<String, Response> request) {
        deadline.requireTimeFor(operation); // also before each retry and each poll of a long-running action
        String authorization = tokens.authorization();
        Optional<RequestBudget.Permit> permit = budget.map(b -> acquire(b, operation));
        int status = 0;
        try {
            Response response = request.apply(authorization);
            status = response.getStatus();
            return response;
        } catch (ProcessingException e) {
            // Includes a connection dropped after Acumatica committed: the caller re-reads before any new create.
            throw new AcumaticaException.Transient(operation, 0, "network failure, outcome unknown");
        } finally {
            permit.ifPresent(RequestBudget.Permit::release);
            meter.acumatica(status); // every request sent, the ones that got no answer too
        }
    }

    private static RequestBudget.Permit acquire(RequestBudget budget, String operation) {
        try {
            return budget.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcumaticaException.Transient(operation, 0, "interrupted waiting for the licence budget");
        }
    }

    private String relativeToBase(String location) {
        URI resolved = base.resolve(location);
        String path = resolved.getRawPath();
        String basePath = base.getRawPath();
        String relative = path.startsWith(basePath) ? path.substring(basePath.length()) : path.replaceFirst("^/", "");
        return resolved.getRawQuery() == null ? relative : relative + "?" + resolved.getRawQuery();
    }

    /** Contract version 4 returns detail lists only when expanded. */
    private static Map<String, String> expandFor(Record body) {
        return expandFor(body.getClass());
    }

    private static Map<String, String> expandFor(Class<? extends Record> type) {
        List<String> details = AcumaticaValueCodec.detailsOf(type);
        return details.isEmpty() ? Map.of() : Map.of("$expand", String.join(",", details));
    }

    private static void pause(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcumaticaException.Transient("wait for action", 0, "interrupted");
        }
    }
}
