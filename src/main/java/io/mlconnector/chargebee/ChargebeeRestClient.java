package io.mlconnector.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.EventPage;
import io.mlconnector.config.ChargebeeConfig;
import io.mlconnector.secrets.CredentialStore;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;

/** Adapter: Chargebee API v2 through the Quarkus REST client, with Retry-After-aware retries on transient failures. */
@ApplicationScoped
public class ChargebeeRestClient implements ChargebeeClient {
    /** Chargebee's largest page. */
    static final int PAGE_LIMIT = 100;

    private final ChargebeeApi api;
    private final CredentialStore credentials;
    private final ObjectMapper json;
    private final ChargebeeResponses responses;

    public ChargebeeRestClient(ChargebeeConfig config, CredentialStore credentials, ObjectMapper json) {
        URI base = URI.create(config.apiBaseUrl());
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(base)
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS)
                .disableDefaultMapper(true) // Statuses are classified in ChargebeeResponses, not thrown.
                .build(ChargebeeApi.class);
        this.credentials = credentials;
        this.json = json;
        this.responses = new ChargebeeResponses(json, config.retryAfterCap(),
                "site '" + config.site() + "' at " + base.getHost());
    }

    @Override
    @Retry(maxRetries = 6, delay = 500, jitter = 0, maxDuration = 5, durationUnit = ChronoUnit.MINUTES,
            retryOn = ChargebeeException.Transient.class)
    @CustomBackoff(RetryAfterBackoff.class)
    public List<ChargebeeEvent> eventsByIds(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        if (eventIds.size() > PAGE_LIMIT) {
            throw new IllegalArgumentException("At most " + PAGE_LIMIT + " event ids per call, got " + eventIds.size());
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("id[in]", "[" + String.join(",", eventIds) + "]");
        query.put("limit", String.valueOf(PAGE_LIMIT));
        JsonNode page = call("list events by id", () -> api.list("events", query, authorization()));
        return events(page);
    }

    @Override
    @Retry(maxRetries = 6, delay = 500, jitter = 0, maxDuration = 5, durationUnit = ChronoUnit.MINUTES,
            retryOn = ChargebeeException.Transient.class)
    @CustomBackoff(RetryAfterBackoff.class)
    public EventPage eventsSince(Instant after, Set<String> eventTypes, Optional<String> offset) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("occurred_at[after]", String.valueOf(after.getEpochSecond()));
        query.put("sort_by[asc]", "occurred_at");
        query.put("limit", String.valueOf(PAGE_LIMIT));
        if (!eventTypes.isEmpty()) {
            query.put("event_type[in]", "[" + String.join(",", eventTypes.stream().sorted().toList()) + "]");
        }
        offset.ifPresent(value -> query.put("offset", value));
        JsonNode page = call("list events", () -> api.list("events", query, authorization()));
        Optional<String> next = Optional.ofNullable(page.path("next_offset").asText(null)).filter(s -> !s.isBlank());
        return new EventPage(events(page), next);
    }

    @Override
    @Retry(maxRetries = 6, delay = 500, jitter = 0, maxDuration = 5, durationUnit = ChronoUnit.MINUTES,
            retryOn = ChargebeeException.Transient.class)
    @CustomBackoff(RetryAfterBackoff.class)
    public ChargebeeCustomer customer(String customerId) {
        JsonNode body = call("retrieve customer", () -> api.retrieve("customers", customerId, Map.of(), authorization()));
        return convert(body.path("customer"), ChargebeeCustomer.class);
    }

    @Override
    @Retry(maxRetries = 6, delay = 500, jitter = 0, maxDuration = 5, durationUnit = ChronoUnit.MINUTES,
            retryOn = ChargebeeException.Transient.class)
    @CustomBackoff(RetryAfterBackoff.class)
    public ChargebeeInvoice invoice(String invoiceId) {
        JsonNode body = call("retrieve invoice", () -> api.retrieve("invoices", invoiceId, Map.of(), authorization()));
        return convert(body.path("invoice"), ChargebeeInvoice.class);
    }

    private JsonNode call(String operation, Supplier<Response> request) {
        Response response;
        try {
            response = request.get();
        } catch (ProcessingException e) {
            throw new ChargebeeException.Transient(operation, 0, "", "network failure (" + rootCause(e) + ")", null);
        }
        return responses.read(operation, response);
    }

    private List<ChargebeeEvent> events(JsonNode page) {
        List<ChargebeeEvent> events = new ArrayList<>();
        for (JsonNode entry : page.path("list")) {
            events.add(convert(entry.path("event"), ChargebeeEvent.class));
        }
        return events;
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (IOException e) {
            throw new ChargebeeException.Rejected("parse " + type.getSimpleName(), 200, "",
                    "unexpected shape (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** HTTP Basic with the API key as user name and an empty password. */
    private String authorization() {
        String key = credentials.chargebee().apiKey().reveal() + ":";
        return "Basic " + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
