package io.mlconnector.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.chargebee.dto.Page;
import io.mlconnector.chargebee.dto.SiteConfiguration;
import io.mlconnector.config.ChargebeeConfig;
import io.mlconnector.support.CallMeter;
import io.mlconnector.support.InvocationDeadline;
import io.mlconnector.support.RequestBudget;
import io.mlconnector.secrets.CredentialStore;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/**
 * Adapter: Chargebee API v2 through the Quarkus REST client. Every public call retries transient failures, waiting
 * what a 429's Retry-After asks; every HTTP request first takes a permit from the site's client-side rate limit, so
 * a long backfill never gets the site's GET requests blocked.
 */
@ApplicationScoped
@Retry(maxRetries = 6, delay = 500, jitter = 0, maxDuration = 5, durationUnit = ChronoUnit.MINUTES,
        retryOn = ChargebeeException.Transient.class)
@CustomBackoff(RetryAfterBackoff.class)
public class ChargebeeRestClient implements ChargebeeClient {
    /** Chargebee's largest page. */
    static final int PAGE_LIMIT = 100;

    private final ChargebeeApi api;
    private final CredentialStore credentials;
    private final ObjectMapper json;
    private final ChargebeeResponses responses;
    private final RequestBudget budget;
    private final int lineItemsPageSize;
    private final InvocationDeadline deadline;
    private final CallMeter meter;

    /** Counts its requests nowhere: for tests that build a client by hand. */
    public ChargebeeRestClient(ChargebeeConfig config, CredentialStore credentials, ObjectMapper json,
                               InvocationDeadline deadline) {
        this(config, credentials, json, deadline, new CallMeter());
    }

    @Inject
    public ChargebeeRestClient(ChargebeeConfig config, CredentialStore credentials, ObjectMapper json,
                               InvocationDeadline deadline, CallMeter meter) {
        URI base = URI.create(config.apiBaseUrl());
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(base)
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS)
                .disableDefaultMapper(true) // Statuses are classified in ChargebeeResponses, not thrown.
                .build(ChargebeeApi.class);
        this.credentials = credentials;
        this.json = json;
        this.responses = new ChargebeeResponses(json, config.retryAfterCap(),
                "site '" + config.site() + "' at " + base.getHost());
        this.budget = new RequestBudget(config.rateLimit().requests(), config.rateLimit().window(),
                RequestBudget.Ticker.SYSTEM);
        this.lineItemsPageSize = config.lineItemsPageSize();
        this.deadline = deadline;
        this.meter = meter;
    }

    @Override
    public List<ChargebeeEvent> eventsByIds(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        if (eventIds.size() > PAGE_LIMIT) {
            throw new IllegalArgumentException("At most " + PAGE_LIMIT + " event ids per call, got " + eventIds.size());
        }
        return listPage(ChargebeeResource.EVENTS, ListQuery.all().in("id", eventIds), Optional.empty()).items();
    }

    @Override
    public Page<ChargebeeEvent> eventsSince(Instant after, Set<String> eventTypes, Optional<String> offset) {
        ListQuery query = ListQuery.all().after("occurred_at", after).sortAscending("occurred_at");
        if (!eventTypes.isEmpty()) {
            query = query.in("event_type", eventTypes.stream().sorted().toList());
        }
        return listPage(ChargebeeResource.EVENTS, query, offset);
    }

    @Override
    public ChargebeeEvent event(String eventId) {
        return retrieve(ChargebeeResource.EVENTS, eventId, Map.of());
    }

    @Override
    public <T> Page<T> list(ChargebeeResource<T> resource, ListQuery query, Optional<String> offset) {
        return listPage(resource, query, offset);
    }

    @Override
    public ChargebeeCustomer customer(String customerId) {
        return retrieve(ChargebeeResource.CUSTOMERS, customerId, Map.of());
    }

    @Override
    public ChargebeeInvoice invoice(String invoiceId) {
        ChargebeeInvoice invoice = retrieve(ChargebeeResource.INVOICES, invoiceId, Map.of());
        // Large invoices come truncated: page through the rest of the lines (bounded by Chargebee's own cursor).
        while (invoice.lineItemsNextOffset() != null && !invoice.lineItemsNextOffset().isBlank()) {
            ChargebeeInvoice next = retrieve(ChargebeeResource.INVOICES, invoiceId, Map.of(
                    "line_items_limit", Integer.toString(lineItemsPageSize),
                    "line_items_offset", invoice.lineItemsNextOffset()));
            invoice = invoice.plusLinesOf(next);
        }
        return invoice;
    }

    @Override
    public ChargebeeCreditNote creditNote(String creditNoteId) {
        ChargebeeCreditNote note = retrieve(ChargebeeResource.CREDIT_NOTES, creditNoteId, Map.of());
        while (note.isTruncated()) { // as for invoices
            ChargebeeCreditNote next = retrieve(ChargebeeResource.CREDIT_NOTES, creditNoteId, Map.of(
                    "line_items_limit", Integer.toString(lineItemsPageSize),
                    "line_items_offset", note.lineItemsNextOffset()));
            note = note.plusLinesOf(next);
        }
        return note;
    }

    @Override
    public ChargebeeTransaction transaction(String transactionId) {
        return retrieve(ChargebeeResource.TRANSACTIONS, transactionId, Map.of());
    }

    @Override
    public List<SiteConfiguration> configurations() {
        JsonNode body = call("read site configuration", () -> api.list("configurations", Map.of(), authorization()));
        List<SiteConfiguration> configurations = new ArrayList<>();
        for (JsonNode entry : body.path("configurations")) {
            configurations.add(convert(entry, SiteConfiguration.class));
        }
        return configurations;
    }

    private <T> Page<T> listPage(ChargebeeResource<T> resource, ListQuery query, Optional<String> offset) {
        Map<String, String> parameters = new LinkedHashMap<>(query.parameters());
        parameters.put("limit", Integer.toString(PAGE_LIMIT));
        offset.ifPresent(value -> parameters.put("offset", value));
        JsonNode page = call("list " + resource.path(), () -> api.list(resource.path(), parameters, authorization()));
        List<T> items = new ArrayList<>();
        for (JsonNode entry : page.path("list")) {
            items.add(convert(entry.path(resource.key()), resource.type()));
        }
        Optional<String> next = Optional.ofNullable(page.path("next_offset").asText(null)).filter(s -> !s.isBlank());
        return new Page<>(items, next);
    }

    private <T> T retrieve(ChargebeeResource<T> resource, String id, Map<String, String> parameters) {
        JsonNode body = call("retrieve " + resource.key(), () -> api.retrieve(resource.path(), id, parameters,
                authorization()));
        return convert(body.path(resource.key()), resource.type());
    }

    private JsonNode call(String operation, Supplier<Response> request) {
        deadline.requireTimeFor(operation); // also before each retry: @Retry calls the method again
        try {
            Response response;
            try {
                response = withinRateLimit(request);
            } catch (ProcessingException e) {
                throw new ChargebeeException.Transient(operation, 0, "", "network failure (" + rootCause(e) + ")",
                        null);
            }
            return responses.read(operation, response);
        } catch (ChargebeeException.Transient retryable) {
            // No retry whose wait (Retry-After, else the longest backoff) the invocation's remaining time cannot
            // cover: the message comes back instead of the function being killed while it sleeps.
            deadline.requireTimeFor("a retry of " + operation, retryable.retryAfter()
                    .orElse(Duration.ofMillis(RetryAfterBackoff.EXPONENTIAL_CAP_MILLIS)));
            throw retryable;
        }
    }

    /** Waits for the site's request budget rather than failing the call. */
    private Response withinRateLimit(Supplier<Response> request) {
        RequestBudget.Permit permit;
        try {
            permit = budget.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChargebeeException.Transient("wait for rate limit", 0, "", "interrupted", null);
        }
        int status = 0;
        try {
            Response response = request.get();
            status = response.getStatus();
            return response;
        } finally {
            permit.release();
            meter.chargebee(status); // every request sent, the ones that got no answer too
        }
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
