package io.mlconnector.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.acumatica.AcumaticaException;
import io.mlconnector.acumatica.EndpointCheck;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeException;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.EventContent;
import io.mlconnector.config.SyncConfig;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditRecord;
import io.mlconnector.store.ClaimStore;
import io.mlconnector.support.InvocationDeadline;
import io.mlconnector.support.LogFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One SQS batch: claim each event, re-fetch all claimed events from Chargebee in one call, process them one by one
 * (Acumatica's licence, not Lambda, sets the pace), and report which messages must come back.
 */
@ApplicationScoped
public class WorkerBatch {
    private static final Logger LOG = Logger.getLogger(WorkerBatch.class);

    /** One SQS record as the worker sees it. */
    public record Message(String messageId, String body) {}

    private record Claimed(Message message, QueuedEvent event) {}

    private final EndpointCheck endpoint;
    private final AcumaticaClient acumatica;
    private final ClaimStore claims;
    private final ChargebeeClient chargebee;
    private final EventProcessor processor;
    private final EventQueue queue;
    private final AuditLog audit;
    private final SyncConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final InvocationDeadline deadline;

    public WorkerBatch(EndpointCheck endpoint, AcumaticaClient acumatica, ClaimStore claims, ChargebeeClient chargebee,
                       EventProcessor processor, EventQueue queue, AuditLog audit, SyncConfig config, ObjectMapper json,
                       Clock clock, InvocationDeadline deadline) {
        this.endpoint = endpoint;
        this.acumatica = acumatica;
        this.claims = claims;
        this.chargebee = chargebee;
        this.processor = processor;
        this.queue = queue;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.deadline = deadline;
    }

    /**
     * @return ids of the messages to deliver again; all others are done (posted, skipped, duplicate or parked)
     * @param invocationEnds when the Lambda invocation runs out of time: no document lease outlives it, so a worker
     *                       killed at its timeout blocks no other
     */
    public List<String> process(List<Message> messages, Optional<Instant> invocationEnds) {
        invocationEnds.ifPresent(deadline::set);
        try {
            return processUntilDone(messages);
        } finally {
            deadline.clear();
        }
    }

    private List<String> processUntilDone(List<Message> messages) {
        try {
            endpoint.requireConfiguredVersion();
        } catch (EndpointCheck.EndpointNotPublished | AcumaticaException | InvocationDeadline.Reached e) {
            // Nothing may post against the wrong contract: every message comes back (and reaches the DLQ in time).
            LOG.errorf("Worker stopped before posting: %s", e.getMessage());
            return messages.stream().map(Message::messageId).toList();
        }
        List<String> failed = new ArrayList<>();
        Map<String, Claimed> owned = new LinkedHashMap<>();
        for (Message message : messages) {
            claim(message, owned, failed);
        }
        List<Claimed> events = owned.values().stream().filter(c -> !c.event().isBackfilled()).toList();
        List<Claimed> backfilled = owned.values().stream().filter(c -> c.event().isBackfilled()).toList();
        try {
            processEvents(events, failed);
            for (Claimed claimed : backfilled) {
                processBackfilled(claimed, failed);
            }
        } finally {
            acumatica.endSession(); // a cookie session gives its licensed seat back after every batch
        }
        return failed;
    }

    /** Chargebee events: all re-fetched in one list call. */
    private void processEvents(List<Claimed> owned, List<String> failed) {
        if (owned.isEmpty()) {
            return;
        }
        Map<String, ChargebeeEvent> fetched;
        try {
            fetched = chargebee.eventsByIds(owned.stream().map(c -> c.event().eventId()).toList()).stream()
                    .collect(Collectors.toMap(ChargebeeEvent::id, Function.identity(), (a, b) -> a));
        } catch (ChargebeeException e) {
            for (Claimed claimed : owned) {
                finish(claimed, null, classify(e), failed);
            }
            return;
        } catch (InvocationDeadline.Reached e) {
            for (Claimed claimed : owned) {
                finish(claimed, null, new SyncOutcome.RetryLater(e.getMessage()), failed);
            }
            return;
        }
        for (Claimed claimed : owned) {
            ChargebeeEvent event = fetched.get(claimed.event().eventId());
            SyncOutcome outcome = event == null
                    ? new SyncOutcome.Held("Chargebee has no event " + claimed.event().eventId(), null, null)
                    : processSafely(event);
            finish(claimed, event, outcome, failed);
        }
    }

    /** A backfilled record: fetched again by id, then posted like its creation event. */
    private void processBackfilled(Claimed claimed, List<String> failed) {
        QueuedEvent queued = claimed.event();
        ChargebeeEvent event;
        try {
            EventContent content = switch (queued.resourceType()) {
                case "customer" -> new EventContent(chargebee.customer(queued.resourceId()), null, null, null);
                case "invoice" -> new EventContent(null, chargebee.invoice(queued.resourceId()), null, null);
                default -> null;
            };
            if (content == null) {
                finish(claimed, null, new SyncOutcome.Held("cannot backfill a " + queued.resourceType(), null, null),
                        failed);
                return;
            }
            event = new ChargebeeEvent(queued.eventId(), clock.instant(), queued.eventType(), "v2",
                    QueuedEvent.FROM_BACKFILL, content);
        } catch (InvocationDeadline.Reached e) {
            finish(claimed, null, new SyncOutcome.RetryLater(e.getMessage()), failed);
            return;
        } catch (ChargebeeException.NotFound deleted) {
            // Deleted in Chargebee since it was listed: handled as deleted, never held (that 404 never heals). A 404
            // without Chargebee's own code (a proxy, a wrong base URL) is held with its reason instead.
            finish(claimed, null, deleted.recordIsGone() ? goneSafely(queued) : classify(deleted), failed);
            return;
        } catch (ChargebeeException e) {
            finish(claimed, null, classify(e), failed);
            return;
        }
        finish(claimed, event, processSafely(event), failed);
    }

    private SyncOutcome goneSafely(QueuedEvent queued) {
        try {
            return "customer".equals(queued.resourceType()) ? processor.customerGone(queued.resourceId())
                    : processor.invoiceGone(queued.resourceId());
        } catch (RuntimeException unexpected) {
            LOG.errorf("Unexpected %s while handling a deleted record", unexpected.getClass().getSimpleName());
            return new SyncOutcome.RetryLater("unexpected " + unexpected.getClass().getSimpleName());
        }
    }

    private static SyncOutcome classify(ChargebeeException e) {
        return e.retryable() ? new SyncOutcome.RetryLater(e.getMessage()) : new SyncOutcome.Held(e.getMessage(), null, null);
    }

    private void claim(Message message, Map<String, Claimed> owned, List<String> failed) {
        QueuedEvent event = parse(message);
        if (event == null) {
            parkOrRetry(message, "message is not a queued Chargebee event", failed);
            return;
        }
        if (owned.containsKey(event.eventId())) {
            return; // The same event twice in one batch: the first copy does the work, this one is a duplicate.
        }
        ClaimStore.Claim claim;
        try {
            claim = claims.claim(event.eventId(), clock.instant(), config.claimLease());
        } catch (RuntimeException storeDown) {
            LOG.errorf("Could not claim event %s: %s", event.eventId(), storeDown.getClass().getSimpleName());
            failed.add(message.messageId());
            return;
        }
        if (claim instanceof ClaimStore.Claim.Claimed) {
            owned.put(event.eventId(), new Claimed(message, event));
        } else if (claim instanceof ClaimStore.Claim.InProgressElsewhere) {
            failed.add(message.messageId()); // Another delivery holds it; come back after its lease.
        }
        // AlreadyDone: a duplicate delivery; acknowledging it is the whole job.
    }

    private SyncOutcome processSafely(ChargebeeEvent event) {
        try {
            LogFields.put(LogFields.EVENT_ID, event.id());
            LogFields.put(LogFields.EVENT_TYPE, event.eventType());
            return processor.process(event);
        } catch (RuntimeException unexpected) {
            LOG.errorf("Unexpected %s while processing", unexpected.getClass().getSimpleName());
            return new SyncOutcome.RetryLater("unexpected " + unexpected.getClass().getSimpleName());
        } finally {
            LogFields.clearEvent();
        }
    }

    private void finish(Claimed claimed, ChargebeeEvent event, SyncOutcome outcome, List<String> failed) {
        String eventId = claimed.event().eventId();
        try {
            LogFields.put(LogFields.EVENT_ID, eventId);
            LogFields.put(LogFields.EVENT_TYPE, claimed.event().eventType());
            if (outcome instanceof SyncOutcome.Posted posted) {
                claims.complete(eventId, "POSTED " + posted.acumaticaRef(), clock.instant());
            } else if (outcome instanceof SyncOutcome.Skipped) {
                claims.complete(eventId, "SKIPPED", clock.instant());
            } else if (outcome instanceof SyncOutcome.RetryLater) {
                claims.release(eventId, clock.instant());
                failed.add(claimed.message().messageId());
            } else if (outcome instanceof SyncOutcome.Held held) {
                // Park first: if parking fails the message is delivered again instead of being lost.
                queue.park(claimed.message().body(), held.reason());
                claims.hold(eventId, held.reason(), clock.instant());
            }
            audit.record(auditRow(claimed, event, outcome));
            LOG.infof("Event %s: %s", eventId, outcome.name());
        } catch (RuntimeException storeOrQueueDown) {
            // Could not record or park: deliver the message again rather than lose it.
            LOG.errorf("Could not finish event: %s", storeOrQueueDown.getClass().getSimpleName());
            if (!failed.contains(claimed.message().messageId())) {
                failed.add(claimed.message().messageId());
            }
        } finally {
            LogFields.clearEvent();
        }
    }

    private AuditRecord auditRow(Claimed claimed, ChargebeeEvent event, SyncOutcome outcome) {
        String reason = outcome instanceof SyncOutcome.Skipped skipped ? skipped.reason()
                : outcome instanceof SyncOutcome.RetryLater retry ? retry.reason()
                : outcome instanceof SyncOutcome.Held held ? held.reason() : null;
        String sent = outcome instanceof SyncOutcome.Posted posted ? posted.sent()
                : outcome instanceof SyncOutcome.Held held ? held.sent() : null;
        String answer = outcome instanceof SyncOutcome.Posted posted ? posted.answer()
                : outcome instanceof SyncOutcome.Held held ? held.answer() : null;
        String reference = outcome instanceof SyncOutcome.Posted posted ? posted.acumaticaRef() : null;
        return new AuditRecord(claimed.event().eventId(), claimed.event().eventType(), resourceType(event),
                resourceId(event), outcome.name(), reason, claimed.message().body(), toJson(event), sent, answer,
                reference, clock.instant());
    }

    private void parkOrRetry(Message message, String reason, List<String> failed) {
        try {
            queue.park(message.body(), reason);
        } catch (RuntimeException e) {
            failed.add(message.messageId());
        }
    }

    private QueuedEvent parse(Message message) {
        try {
            QueuedEvent event = json.readValue(message.body(), QueuedEvent.class);
            return event == null || event.eventId() == null || event.eventId().isBlank() ? null : event;
        } catch (IOException e) {
            return null;
        }
    }

    private static String resourceType(ChargebeeEvent event) {
        if (event == null) {
            return null;
        }
        var content = event.contentOrEmpty();
        return content.invoice() != null ? "invoice" : content.customer() != null ? "customer" : null;
    }

    private static String resourceId(ChargebeeEvent event) {
        if (event == null) {
            return null;
        }
        var content = event.contentOrEmpty();
        return content.invoice() != null ? content.invoice().id()
                : content.customer() != null ? content.customer().id() : null;
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            return null;
        }
    }
}
