package io.mlconnector.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.ingest.DeadLetters;
import io.mlconnector.ingest.DeadLetters.ParkedMessage;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditRecord;
import io.mlconnector.store.HeldDocument;
import io.mlconnector.store.HeldDocuments;
import io.mlconnector.store.LedgerEntry;
import io.mlconnector.store.LedgerStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The operator's commands on held documents: list them, retry one or all with a reason, skip one. A held document has
 * one DLQ message (the worker parks it once); a retry moves that message back to the queue, or, when the DLQ has none
 * (retention ran out), enqueues a fresh message naming the document. A skip makes the ledger's tombstone, so the
 * document never posts, and leaves it listed as skipped with the reason for reconciliation.
 */
@ApplicationScoped
public class HeldDocumentCommands {
    /** How long a scanned DLQ message stays hidden from other readers while the scan runs. */
    static final Duration SCAN_HIDE = Duration.ofSeconds(60);
    /** Receives per scan: ten messages each, far more than the held documents there should be. */
    static final int SCAN_RECEIVES_MAX = 100;
    /** SQS samples its servers, so one empty receive does not mean an empty queue; two in a row do, nearly. */
    static final int EMPTY_RECEIVES_TO_STOP = 2;

    /** Which held documents to list; a null field matches all. */
    public record HeldFilter(String reasonContains, String resourceType) {
        public static final HeldFilter ALL = new HeldFilter(null, null);

        boolean matches(HeldDocument document) {
            return (resourceType == null || resourceType.equals(document.resourceType()))
                    && (reasonContains == null || contains(document.reason(), reasonContains)
                    || contains(document.skipReason(), reasonContains));
        }
    }

    /**
     * One held document as the operator sees it.
     *
     * @param age          since it was first held
     * @param eventCount   the distinct events that were held for it
     * @param acumaticaRef what the ledger knows it as in Acumatica (a partly posted document), or null
     */
    public record HeldRow(String resourceType, String resourceId, HeldDocument.Status status, String reason,
                          Duration age, Instant firstHeldAt, Instant lastHeldAt, int eventCount, String acumaticaRef,
                          String skipReason, String skippedBy) {}

    /** What a retry did for one document. */
    public record RetryResult(String resourceType, String resourceId, Retried outcome, int dlqMessagesMoved) {}

    public enum Retried {
        /** Its DLQ message went back to the queue. */
        MOVED,
        /** The DLQ had no message for it: a fresh message naming it was queued. */
        ENQUEUED,
        /** Not listed as held (posted since, or never held): nothing to do. */
        NOT_HELD,
        /** Skipped by an operator: it never posts, so it is not retried. */
        SKIPPED,
        /** An event held before any document could be read, with no DLQ message left: deliver that event again. */
        NOT_FOUND
    }

    /** What a retry of every held document with a reason did. */
    public record RetryAllResult(String reasonContains, List<RetryResult> documents) {
        public long count(Retried outcome) {
            return documents.stream().filter(document -> document.outcome() == outcome).count();
        }
    }

    /** What a skip did. */
    public record SkipResult(String resourceType, String resourceId, Skipped outcome, String words,
                             int dlqMessagesDeleted) {}

    public enum Skipped {
        SKIPPED,
        ALREADY_SKIPPED,
        /** The ledger says it is in Acumatica: reverse it there instead. */
        REFUSED_IN_ACUMATICA,
        /** Not a document that can be skipped (a customer, an unknown type), or no reason or name given. */
        REFUSED_INVALID,
        /** A worker is posting it right now: try again in a minute. */
        REFUSED_BUSY
    }

    private final HeldDocuments held;
    private final DeadLetters deadLetters;
    private final EventQueue queue;
    private final LedgerStore ledger;
    private final AcumaticaDocuments documents;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public HeldDocumentCommands(HeldDocuments held, DeadLetters deadLetters, EventQueue queue, LedgerStore ledger,
                                AcumaticaDocuments documents, AuditLog audit, ObjectMapper json, Clock clock) {
        this.held = held;
        this.deadLetters = deadLetters;
        this.queue = queue;
        this.ledger = ledger;
        this.documents = documents;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Held, retrying and skipped documents matching {@code filter}, by type and id. */
    public List<HeldRow> list(HeldFilter filter) {
        Instant now = clock.instant();
        return held.list().stream().filter(filter::matches).map(document -> row(document, now)).toList();
    }

    /** Sends one held document back to the queue. */
    public RetryResult retry(String resourceType, String resourceId) {
        Optional<HeldDocument> document = held.find(resourceType, resourceId);
        if (document.isEmpty()) {
            return new RetryResult(resourceType, resourceId, Retried.NOT_HELD, 0);
        }
        if (document.get().status() == HeldDocument.Status.SKIPPED) {
            return new RetryResult(resourceType, resourceId, Retried.SKIPPED, 0);
        }
        return retry(List.of(document.get())).get(0);
    }

    /** Sends every held document whose reason contains {@code reasonContains} back to the queue, in one DLQ scan. */
    public RetryAllResult retryAll(String reasonContains) {
        if (reasonContains == null || reasonContains.isBlank()) {
            throw new IllegalArgumentException("give the reason (or part of it) of the documents to retry");
        }
        List<HeldDocument> matching = held.list().stream()
                .filter(document -> document.status() == HeldDocument.Status.HELD)
                .filter(new HeldFilter(reasonContains, null)::matches).toList();
        return new RetryAllResult(reasonContains, matching.isEmpty() ? List.of() : retry(matching));
    }

    /**
     * Decides that a document never posts: the ledger's tombstone first (refused when the ledger says it is in
     * Acumatica), then the held list (skipped, with the reason and who), an audit row, and its DLQ messages deleted.
     * Repeating a skip finishes one that stopped half-way.
     */
    public SkipResult skip(String resourceType, String resourceId, String reason, String by) {
        Optional<DocumentKind> kind = DocumentKind.ofResourceType(resourceType);
        if (kind.isEmpty() || kind.get() == DocumentKind.CUSTOMER || resourceId == null || resourceId.isBlank()) {
            return new SkipResult(resourceType, resourceId, Skipped.REFUSED_INVALID, "only an invoice, credit_note or"
                    + " transaction can be skipped; a customer is created whenever a document needs one", 0);
        }
        if (reason == null || reason.isBlank() || by == null || by.isBlank()) {
            return new SkipResult(resourceType, resourceId, Skipped.REFUSED_INVALID,
                    "say why it is skipped and who skips it: both go in the audit trail", 0);
        }
        AcumaticaDocuments.SkipAnswer answer;
        try {
            answer = documents.skip(resourceType, resourceId);
        } catch (DocumentBusy busy) {
            return new SkipResult(resourceType, resourceId, Skipped.REFUSED_BUSY,
                    "a worker is posting it right now; try again in a minute", 0);
        }
        if (answer == AcumaticaDocuments.SkipAnswer.IN_ACUMATICA) {
            return new SkipResult(resourceType, resourceId, Skipped.REFUSED_IN_ACUMATICA, "it is in Acumatica"
                    + acumaticaRef(resourceType, resourceId).map(ref -> " as " + ref).orElse("")
                    + ": reverse it there instead", 0);
        }
        Instant now = clock.instant();
        held.skip(resourceType, resourceId, reason, by, now);
        String words = "skipped by " + by + ": " + reason;
        audit.record(new AuditRecord("skip:" + resourceType + ":" + resourceId, "operator_skip", resourceType,
                resourceId, "SKIPPED", words, null, null, null, null, null, now));
        int deleted = scan(List.of(held.find(resourceType, resourceId).orElseThrow()),
                (message, document) -> deadLetters.delete(message)).values().stream().mapToInt(Integer::intValue).sum();
        return new SkipResult(resourceType, resourceId, answer == AcumaticaDocuments.SkipAnswer.SKIPPED
                ? Skipped.SKIPPED : Skipped.ALREADY_SKIPPED, words, deleted);
    }

    /**
     * Marks each retrying before its message moves (a worker that holds it again then parks it again), moves the
     * messages found in one scan, and queues a fresh message for each document without one.
     */
    private List<RetryResult> retry(List<HeldDocument> retried) {
        Instant now = clock.instant();
        retried.forEach(document -> held.retrying(document.resourceType(), document.resourceId(), now));
        Map<String, Integer> moved = scan(retried, (message, document) -> deadLetters.moveToQueue(message));
        List<RetryResult> results = new ArrayList<>();
        for (HeldDocument document : retried) {
            int count = moved.getOrDefault(key(document), 0);
            Optional<DocumentKind> kind = DocumentKind.ofResourceType(document.resourceType());
            if (count > 0) {
                results.add(new RetryResult(document.resourceType(), document.resourceId(), Retried.MOVED, count));
            } else if (kind.isPresent()) {
                queue.enqueue(QueuedEvent.retried(document.resourceType(), document.resourceId(),
                        Backfill.creationEvent(kind.get()), now));
                results.add(new RetryResult(document.resourceType(), document.resourceId(), Retried.ENQUEUED, 0));
            } else {
                results.add(new RetryResult(document.resourceType(), document.resourceId(), Retried.NOT_FOUND, 0));
            }
        }
        return results;
    }

    /** What to do with a DLQ message found for a document. */
    @FunctionalInterface
    private interface Found {
        void accept(ParkedMessage message, HeldDocument document);
    }

    /**
     * Reads the DLQ until it stays empty (or the receive cap), hands each message parked for one of {@code wanted} to
     * {@code found}, and makes every other message visible again.
     *
     * @return messages found per document key
     */
    private Map<String, Integer> scan(List<HeldDocument> wanted, Found found) {
        Map<String, Integer> counts = new HashMap<>();
        List<ParkedMessage> others = new ArrayList<>();
        int empty = 0;
        for (int receives = 0; receives < SCAN_RECEIVES_MAX && empty < EMPTY_RECEIVES_TO_STOP; receives++) {
            List<ParkedMessage> messages = deadLetters.receive(10, SCAN_HIDE);
            empty = messages.isEmpty() ? empty + 1 : 0;
            for (ParkedMessage message : messages) {
                Optional<HeldDocument> document = wanted.stream().filter(w -> isFor(message, w)).findFirst();
                if (document.isPresent()) {
                    found.accept(message, document.get());
                    counts.merge(key(document.get()), 1, Integer::sum);
                } else {
                    others.add(message);
                }
            }
        }
        others.forEach(releaseQuietly());
        return counts;
    }

    private Consumer<ParkedMessage> releaseQuietly() {
        return message -> {
            try {
                deadLetters.release(message);
            } catch (RuntimeException e) {
                // it becomes visible again when its scan hide ends
            }
        };
    }

    /**
     * Whether a DLQ message was parked for this document: by its {@code document} attribute, else (a message parked
     * before documents were named) by the document or the event its body names.
     */
    private boolean isFor(ParkedMessage message, HeldDocument document) {
        if (message.document() != null) {
            return message.document().equals(key(document));
        }
        QueuedEvent event;
        try {
            event = json.readValue(message.body(), QueuedEvent.class);
        } catch (IOException | RuntimeException notAnEvent) {
            return false;
        }
        if (event == null) {
            return false;
        }
        if (event.namesDocument()) {
            return event.resourceType().equals(document.resourceType()) && event.resourceId().equals(document.resourceId());
        }
        return document.eventIds().contains(event.eventId());
    }

    private HeldRow row(HeldDocument document, Instant now) {
        return new HeldRow(document.resourceType(), document.resourceId(), document.status(), document.reason(),
                Duration.between(document.firstHeldAt(), now), document.firstHeldAt(), document.lastHeldAt(),
                document.eventIds().size(), acumaticaRef(document.resourceType(), document.resourceId()).orElse(null),
                document.skipReason(), document.skippedBy());
    }

    /** The Acumatica key the ledger holds (a document created but not released, a customer), or empty. */
    private Optional<String> acumaticaRef(String resourceType, String resourceId) {
        if (DocumentKind.ofResourceType(resourceType).isEmpty()) {
            return Optional.empty();
        }
        return ledger.find(resourceType, resourceId).filter(entry -> !entry.status().isTombstone())
                .map(LedgerEntry::acumaticaKey).filter(key -> !key.isBlank() && !AcumaticaDocuments.NO_KEY_YET.equals(key));
    }

    private static String key(HeldDocument document) {
        return document.resourceType() + ":" + document.resourceId();
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
