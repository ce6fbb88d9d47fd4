package io.mlconnector.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.acumatica.AcumaticaException;
import io.mlconnector.acumatica.EndpointCheck;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeException;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.config.SyncConfig;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditRecord;
import io.mlconnector.store.ClaimStore;
import io.mlconnector.store.HeldDocuments;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One SQS batch: claim each message, learn which document each names (from the message, else from its event, all
 * events in one call), re-read those documents as Chargebee holds them now (one call per kind), post them one by one
 * (Acumatica's licence, not Lambda, sets the pace), and report which messages must come back.
 */
@ApplicationScoped
public class WorkerBatch {
    private static final Logger LOG = Logger.getLogger(WorkerBatch.class);
    /** The held-documents type of an event held before any document it names could be read. */
    public static final String HELD_EVENT = "event";

    /**
     * One SQS record as the worker sees it; the receipt handle (when known) lets it come back sooner, and its receive
     * count says how often it came already.
     *
     * @param parkedFor the held document ({@code <type>:<id>}) this message was parked in the DLQ for, when it is that
     *                  parked message moved back (its {@code document} attribute); null otherwise
     */
    public record Message(String messageId, String body, String receiptHandle, int receiveCount, String parkedFor) {
        public Message(String messageId, String body, String receiptHandle, int receiveCount) {
            this(messageId, body, receiptHandle, receiveCount, null);
        }

        public Message(String messageId, String body) {
            this(messageId, body, null, 1);
        }
    }

    private record Claimed(Message message, QueuedEvent event) {}

    private final EndpointCheck endpoint;
    private final AcumaticaClient acumatica;
    private final ClaimStore claims;
    private final ChargebeeClient chargebee;
    private final CurrentRecords currentRecords;
    private final ReadAhead readAhead;
    private final AcumaticaDocuments documents;
    private final EventProcessor processor;
    private final EventQueue queue;
    private final AuditLog audit;
    private final HeldDocuments heldDocuments;
    private final SyncConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final InvocationDeadline deadline;
    @jakarta.inject.Inject WorkerOutcomes outcomes; // metrics (issue #12): a field, so the constructor stays as it is

    public WorkerBatch(EndpointCheck endpoint, AcumaticaClient acumatica, ClaimStore claims, ChargebeeClient chargebee,
                       CurrentRecords currentRecords, ReadAhead readAhead, AcumaticaDocuments documents,
                       EventProcessor processor, EventQueue queue, AuditLog audit, HeldDocuments heldDocuments,
                       SyncConfig config, ObjectMapper json, Clock clock, InvocationDeadline deadline) {
        this.endpoint = endpoint;
        this.acumatica = acumatica;
        this.claims = claims;
        this.chargebee = chargebee;
        this.currentRecords = currentRecords;
        this.readAhead = readAhead;
        this.documents = documents;
        this.processor = processor;
        this.queue = queue;
        this.audit = audit;
        this.heldDocuments = heldDocuments;
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
            readAhead.clear();
        }
    }

    private List<String> processUntilDone(List<Message> messages) {
        try {
            endpoint.requireConfiguredVersion();
        } catch (EndpointCheck.EndpointNotPublished | AcumaticaException | InvocationDeadline.Reached e) {
            // Nothing may post against the wrong contract: every message comes back (and reaches the DLQ in time).
            LOG.errorf("Worker stopped before posting: %s", e.getMessage());
            if (e instanceof InvocationDeadline.Reached) {
                messages.forEach(message -> comeBackSoon(message, new SyncOutcome.RetryLater(e.getMessage(), true)));
            }
            return messages.stream().map(Message::messageId).toList();
        }
        List<String> failed = new ArrayList<>();
        Map<String, Claimed> owned = new LinkedHashMap<>();
        for (Message message : messages) {
            claim(message, owned, failed);
        }
        try {
            post(named(List.copyOf(owned.values()), failed), failed);
        } finally {
            acumatica.endSession(); // a cookie session gives its licensed seat back after every batch
        }
        return failed;
    }

    /**
     * The document each message names: from the message itself, else from its Chargebee event (the events of all
     * such messages in one call). Messages that name none are finished here.
     */
    private Map<Claimed, DocumentRef> named(List<Claimed> owned, List<String> failed) {
        Map<Claimed, DocumentRef> named = new LinkedHashMap<>();
        List<Claimed> unnamed = owned.stream().filter(c -> !c.event().namesDocument()).toList();
        Map<String, ChargebeeEvent> events = unnamed.isEmpty() ? Map.of() : eventsOf(unnamed, failed);
        for (Claimed claimed : owned) {
            QueuedEvent queued = claimed.event();
            if (queued.namesDocument()) {
                Optional<DocumentKind> kind = DocumentKind.ofResourceType(queued.resourceType());
                if (kind.isPresent()) {
                    named.put(claimed, new DocumentRef(kind.get(), queued.resourceId()));
                } else {
                    finish(claimed, null, null, new SyncOutcome.Held("cannot re-read a " + queued.resourceType(),
                            null, null), failed);
                }
                continue;
            }
            if (events == null) {
                continue; // finished with the events call's failure
            }
            ChargebeeEvent event = events.get(queued.eventId());
            Optional<DocumentKind> kind = event == null ? Optional.empty() : DocumentKind.ofEventType(event.eventType());
            Optional<String> id = kind.flatMap(k -> k.in(event.contentOrEmpty())).map(ChargebeeRecord::id);
            if (event == null) {
                finish(claimed, null, null, new SyncOutcome.Held("Chargebee has no event " + queued.eventId(), null,
                        null), failed);
            } else if (kind.isEmpty()) {
                finish(claimed, null, event, new SyncOutcome.Skipped("event type " + event.eventType()
                        + " is not handled"), failed);
            } else if (id.isEmpty()) {
                finish(claimed, null, event, new SyncOutcome.Held("event carries no "
                        + kind.get().resourceType().replace('_', ' '), null, null), failed);
            } else {
                named.put(claimed, new DocumentRef(kind.get(), id.get()));
            }
        }
        return named;
    }

    /** The events by id in one call; null (and every message finished) when the call fails. */
    private Map<String, ChargebeeEvent> eventsOf(List<Claimed> unnamed, List<String> failed) {
        try {
            return chargebee.eventsByIds(unnamed.stream().map(c -> c.event().eventId()).toList()).stream()
                    .collect(Collectors.toMap(ChargebeeEvent::id, Function.identity(), (a, b) -> a));
        } catch (ChargebeeException | InvocationDeadline.Reached e) {
            unnamed.forEach(claimed -> finish(claimed, null, null, classify(e), failed));
            return null;
        }
    }

    /** Re-reads every named document (one call per kind, their unknown customers in one more), then posts each. */
    private void post(Map<Claimed, DocumentRef> named, List<String> failed) {
        if (named.isEmpty()) {
            return;
        }
        CurrentRecords.Read current = currentRecords.read(named.values());
        current.records().values().stream().filter(ChargebeeCustomer.class::isInstance)
                .map(ChargebeeCustomer.class::cast).forEach(readAhead::remember);
        currentRecords.customersOf(current.records().values(), id -> !readAhead.has(id) && isUnknownCustomer(id))
                .forEach(readAhead::remember);
        for (Map.Entry<Claimed, DocumentRef> entry : named.entrySet()) {
            Claimed claimed = entry.getKey();
            DocumentRef ref = entry.getValue();
            Optional<RuntimeException> failure = current.failure(ref.kind());
            if (failure.isPresent()) {
                finish(claimed, ref, null, classify(failure.get()), failed);
                continue;
            }
            Optional<ChargebeeRecord> record;
            try {
                // Not in the list: read it by id; only Chargebee's own "no such record" makes it gone.
                record = current.record(ref).isPresent() ? current.record(ref) : currentRecords.retrieve(ref);
            } catch (ChargebeeException | InvocationDeadline.Reached e) {
                finish(claimed, ref, null, classify(e), failed);
                continue;
            }
            SyncOutcome outcome = safely(claimed, () -> record.isPresent()
                    ? processor.process(record.get(), claimed.event().eventType())
                    : processor.gone(ref.kind(), ref.id()));
            finish(claimed, ref, record.orElse(null), outcome, failed);
        }
    }

    /** Whether Acumatica lacks this customer as far as the ledger knows; a ledger that cannot answer says so. */
    private boolean isUnknownCustomer(String chargebeeCustomerId) {
        try {
            return documents.knownCustomerId(chargebeeCustomerId).isEmpty();
        } catch (RuntimeException ledgerDown) {
            return true; // read ahead anyway; posting meets the outage and the message comes back
        }
    }

    private static SyncOutcome classify(RuntimeException e) {
        if (e instanceof ChargebeeException chargebeeFailure) {
            return classify(chargebeeFailure);
        }
        // Out of time: nothing is wrong with the message, so it comes back soon rather than after the visibility timeout.
        return new SyncOutcome.RetryLater(e.getMessage(), e instanceof InvocationDeadline.Reached);
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
        if (owned.containsKey(event.dedupKey())) {
            return; // The same event twice in one batch: the first copy does the work, this one is a duplicate.
        }
        ClaimStore.Claim claim;
        try {
            claim = claims.claim(event.dedupKey(), clock.instant(), config.claimLease());
        } catch (RuntimeException storeDown) {
            LOG.errorf("Could not claim event %s: %s", event.eventId(), storeDown.getClass().getSimpleName());
            failed.add(message.messageId());
            return;
        }
        if (claim instanceof ClaimStore.Claim.Claimed) {
            owned.put(event.dedupKey(), new Claimed(message, event));
        } else if (claim instanceof ClaimStore.Claim.InProgressElsewhere) {
            failed.add(message.messageId()); // Another delivery holds it; come back after its lease.
        }
        // AlreadyDone: a duplicate delivery; acknowledging it is the whole job.
    }

    /**
     * The outcome of {@code work}; an exception no layer below classified is a defect, not a data problem: logged
     * loudly with where it was thrown, and the message comes back (and, failing every time, reaches the DLQ with the
     * exception's class in its audit row). Never recorded as held.
     */
    private SyncOutcome safely(Claimed claimed, Supplier<SyncOutcome> work) {
        try {
            LogFields.put(LogFields.EVENT_ID, claimed.event().eventId());
            LogFields.put(LogFields.EVENT_TYPE, claimed.event().eventType());
            return work.get();
        } catch (RuntimeException unexpected) {
            String where = unexpected.getStackTrace().length == 0 ? "" : " at " + unexpected.getStackTrace()[0];
            LOG.errorf("Defect: unexpected %s%s", unexpected.getClass().getName(), where);
            return new SyncOutcome.RetryLater("unexpected " + unexpected.getClass().getName() + where);
        } finally {
            LogFields.clearEvent();
        }
    }

    /**
     * @param ref    the document the message names, when known
     * @param source what it was posted from (the current record, or the event), kept in the audit row
     */
    private void finish(Claimed claimed, DocumentRef ref, Object source, SyncOutcome outcome, List<String> failed) {
        String eventId = claimed.event().eventId();
        String dedupKey = claimed.event().dedupKey();
        try {
            LogFields.put(LogFields.EVENT_ID, eventId);
            LogFields.put(LogFields.EVENT_TYPE, claimed.event().eventType());
            // The audit row is written before the claim is marked done or held: a worker that dies in between leaves
            // the claim in progress, so the delivery is redone (idempotently) and never done without its row.
            if (outcome instanceof SyncOutcome.Held held) {
                // Park first: if parking fails the message is delivered again instead of being lost.
                park(claimed, ref, held);
            }
            audit.record(auditRow(claimed, ref, source, outcome));
            if (ref != null && (outcome instanceof SyncOutcome.Posted || outcome instanceof SyncOutcome.Skipped)) {
                // Posted (or settled without posting): no longer held. Before the claim is done, so a failure here
                // brings the message back and the removal is tried again.
                heldDocuments.resolved(ref.kind().resourceType(), ref.id());
            }
            if (outcome instanceof SyncOutcome.Posted posted) {
                claims.complete(dedupKey, "POSTED " + posted.acumaticaRef(), clock.instant());
            } else if (outcome instanceof SyncOutcome.Skipped) {
                claims.complete(dedupKey, "SKIPPED", clock.instant());
            } else if (outcome instanceof SyncOutcome.RetryLater retry) {
                claims.release(dedupKey, clock.instant());
                failed.add(claimed.message().messageId());
                comeBackSoon(claimed.message(), retry);
            } else if (outcome instanceof SyncOutcome.Held held) {
                claims.hold(dedupKey, held.reason(), clock.instant());
            }
            LOG.infof("Event %s: %s", eventId, outcome.name());
            outcomes.count(ref, outcome);
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

    /**
     * Records the document as held and parks the message only when the document newly became held: one DLQ message per
     * held document, however many events name it and however often each is delivered (a held claim stays claimable so
     * that a retry can post). An event that names no readable document is held under its own id.
     */
    private void park(Claimed claimed, DocumentRef ref, SyncOutcome.Held held) {
        String eventId = claimed.event().eventId();
        String type = ref == null ? HELD_EVENT : ref.kind().resourceType();
        String id = ref == null ? eventId : ref.id();
        boolean newlyHeld = heldDocuments.hold(type, id, eventId, held.reason(), clock.instant());
        // This message may be the document's parked one, moved back by a whole-DLQ redrive: parked again, it stays the
        // one. Otherwise a document held already has its DLQ message.
        if (!newlyHeld && !(type + ":" + id).equals(claimed.message().parkedFor())) {
            return;
        }
        try {
            queue.park(claimed.message().body(), held.reason(), type + ":" + id);
        } catch (RuntimeException queueDown) {
            // Not parked: mark it sent back, so the redelivery that follows counts as newly held and parks it then.
            try {
                heldDocuments.retrying(type, id, clock.instant());
            } catch (RuntimeException storeDownToo) {
                // Still listed as held; a retry finds no DLQ message and enqueues one naming the document.
            }
            throw queueDown;
        }
    }

    /**
     * A message turned away by a busy document, or one this invocation had no time left for, comes back after the
     * busy-retry delay the first time (the other worker is usually posting it right now; the next invocation has its
     * whole timeout), and after the claim lease (longer than any document lease) when it was turned away before: a
     * document held by a worker that died is free by then, and the message spends few of its receives
     * (QueueMaxReceiveCount) waiting.
     */
    private void comeBackSoon(Message message, SyncOutcome.RetryLater retry) {
        if (!retry.soon() || message.receiptHandle() == null) {
            return;
        }
        try {
            queue.comeBackAfter(message.receiptHandle(), message.receiveCount() <= 1 ? config.busyRetryDelay()
                    : config.claimLease());
        } catch (RuntimeException e) {
            // It still comes back, after the visibility timeout.
            LOG.warnf("Could not shorten the message's visibility: %s", e.getClass().getSimpleName());
        }
    }

    private AuditRecord auditRow(Claimed claimed, DocumentRef ref, Object source, SyncOutcome outcome) {
        String reason = outcome instanceof SyncOutcome.Skipped skipped ? skipped.reason()
                : outcome instanceof SyncOutcome.RetryLater retry ? retry.reason()
                : outcome instanceof SyncOutcome.Held held ? held.reason() : null;
        String sent = outcome instanceof SyncOutcome.Posted posted ? posted.sent()
                : outcome instanceof SyncOutcome.Held held ? held.sent() : null;
        String answer = outcome instanceof SyncOutcome.Posted posted ? posted.answer()
                : outcome instanceof SyncOutcome.Held held ? held.answer() : null;
        String reference = outcome instanceof SyncOutcome.Posted posted ? posted.acumaticaRef() : null;
        return new AuditRecord(claimed.event().eventId(), claimed.event().eventType(),
                ref == null ? null : ref.kind().resourceType(), ref == null ? null : ref.id(), outcome.name(), reason,
                claimed.message().body(), toJson(source), sent, answer, reference, clock.instant());
    }

    private void parkOrRetry(Message message, String reason, List<String> failed) {
        try {
            queue.park(message.body(), reason, null);
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
