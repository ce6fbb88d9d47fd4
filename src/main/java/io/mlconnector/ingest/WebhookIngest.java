package io.mlconnector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.config.IngestConfig;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditRecord;
import io.mlconnector.support.LogFields;
import io.mlconnector.sync.DocumentKind;
import io.mlconnector.sync.HandledEventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Authenticates a Chargebee webhook, reads only the event id and type (and, as a hint, the id of the document it
 * names), and enqueues them. Never calls Chargebee or
 * Acumatica, so it answers fast. Bad input gets a 4xx with a reason; only a queue outage answers 503, on purpose, so
 * that Chargebee delivers the event again.
 */
@ApplicationScoped
public class WebhookIngest {
    private static final Logger LOG = Logger.getLogger(WebhookIngest.class);
    /** Chargebee event ids are short printable tokens; anything else is not an event id. */
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");
    /**
     * A document id worth carrying as a hint: printable, no spaces, at most 100 characters. Anything else is left out
     * and the worker reads the event to learn the document.
     */
    private static final Pattern DOCUMENT_ID = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final WebhookAuthenticator authenticator;
    private final EventQueue queue;
    private final AuditLog audit;
    private final IngestConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public WebhookIngest(WebhookAuthenticator authenticator, EventQueue queue, AuditLog audit, IngestConfig config,
                         ObjectMapper json, Clock clock) {
        this.authenticator = authenticator;
        this.queue = queue;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    public WebhookResponse receive(WebhookRequest request) {
        if (!authenticator.isAuthentic(request.authorization(), request.pathToken())) {
            LOG.warn("Webhook refused: missing or wrong credentials");
            return WebhookResponse.of(401, "unauthorized", "missing or wrong webhook credentials");
        }
        if (request.body().length > config.bodyBytesMax()) {
            return WebhookResponse.of(413, "too_large", "body exceeds " + config.bodyBytesMax() + " bytes");
        }
        JsonNode event;
        try {
            event = json.readTree(request.body());
        } catch (IOException e) {
            return WebhookResponse.of(400, "malformed", "body is not JSON");
        }
        if (event == null || !event.isObject()) {
            return WebhookResponse.of(400, "malformed", "body is not a JSON object");
        }
        String eventId = event.path("id").asText("");
        String eventType = event.path("event_type").asText("");
        if (!EVENT_ID.matcher(eventId).matches()) {
            return WebhookResponse.of(400, "malformed", "no valid event id in field 'id'");
        }
        if (eventType.isBlank()) {
            return WebhookResponse.of(400, "malformed", "no event type in field 'event_type'");
        }
        return accept(eventId, eventType, event.path("content"));
    }

    private WebhookResponse accept(String eventId, String eventType, JsonNode content) {
        Instant now = clock.instant();
        try {
            LogFields.put(LogFields.EVENT_ID, eventId);
            LogFields.put(LogFields.EVENT_TYPE, eventType);
            if (!HandledEventTypes.isHandled(eventType)) {
                audit.record(AuditRecord.of(eventId, eventType, "IGNORED", "event type not handled", now));
                LOG.info("Webhook event ignored: type not handled");
                return WebhookResponse.of(200, "ignored", "event type " + eventType + " is not handled");
            }
            Optional<DocumentKind> kind = DocumentKind.ofEventType(eventType);
            String documentId = kind.map(k -> content.path(k.resourceType()).path("id").asText(""))
                    .filter(id -> DOCUMENT_ID.matcher(id).matches()).orElse(null);
            queue.enqueue(QueuedEvent.chargebeeEvent(eventId, eventType, now, QueuedEvent.FROM_WEBHOOK,
                    kind.map(DocumentKind::resourceType).orElse(null), documentId));
            LOG.info("Webhook event queued");
            return WebhookResponse.of(200, "queued", eventId);
        } catch (RuntimeException e) {
            LOG.errorf("Webhook event not queued: %s", e.getClass().getSimpleName());
            return WebhookResponse.of(503, "unavailable", "queue unavailable; Chargebee will deliver again");
        } finally {
            LogFields.clearEvent();
        }
    }
}
