package io.mlconnector.sync;

import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeException;
import io.mlconnector.chargebee.ChargebeeResource;
import io.mlconnector.chargebee.ListQuery;
import io.mlconnector.chargebee.SiteCheck;
import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.chargebee.dto.Page;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.store.BackfillCheckpoint;
import io.mlconnector.store.BackfillCheckpoints;
import io.mlconnector.support.InvocationDeadline;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reads every document created in a date range straight from Chargebee's lists — customers, then invoices, then credit
 * notes, then transactions (payments and refunds), so each document's customer and invoices are queued before it — by
 * creation windows ({@code created_at} / {@code date}, never {@code updated_at}, which old records lack), and queues
 * each for the worker, which fetches it again and posts it like its creation event. For a first run, or to repair a
 * period on demand; duplicates with event deliveries are harmless because every document is looked up by its natural
 * key before it is created, and a backfilled message is deduplicated by document and version.
 *
 * <p>Resumable: after every list page it stores where it stopped ({@link BackfillCheckpoints}, one conditional write),
 * and it stops at a page boundary when the invocation has less than {@link #TIME_RESERVE} left. The next run of the
 * same request (same range and resource types) goes on from there; a run after a complete one starts over.
 */
@ApplicationScoped
public class Backfill {
    private static final Logger LOG = Logger.getLogger(Backfill.class);
    /** What is left of the invocation when no new page is started: a page read, its queueing and the checkpoint. */
    static final Duration TIME_RESERVE = Duration.ofSeconds(30);

    /**
     * What to backfill: documents of {@code kinds} created in {@code [from, to)}, read in windows of {@code window}.
     * They are always read in dependency order, whatever order they were asked in.
     */
    public record Request(Instant from, Instant to, Duration window, Set<DocumentKind> kinds) {
        public Request {
            if (from == null || to == null || !from.isBefore(to)) {
                throw new IllegalArgumentException("backfill 'from' must be before 'to'");
            }
            if (window == null || window.toSeconds() < 1) {
                throw new IllegalArgumentException("backfill windows must last at least a second");
            }
            kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(DocumentKind.class) : EnumSet.copyOf(kinds);
        }

        /** Every kind of document. */
        public Request(Instant from, Instant to, Duration window) {
            this(from, to, window, EnumSet.allOf(DocumentKind.class));
        }

        /** The kinds in dependency order (the enum's): customers, invoices, credit notes, transactions. */
        List<DocumentKind> inOrder() {
            return List.copyOf(kinds);
        }

        /** What makes two requests the same one: range (whole seconds) and kinds. */
        String key() {
            return from.getEpochSecond() + "-" + to.getEpochSecond() + "-"
                    + inOrder().stream().map(DocumentKind::resourceType).collect(Collectors.joining(","));
        }

        int windowsPerKind() {
            return windowsFrom(from, this);
        }
    }

    /**
     * How far the request got, over all its runs.
     *
     * @param windowsDone creation windows read to the end, of {@code windowsTotal} (per kind, the range in windows)
     * @param queued documents queued per resource type ("customer", "invoice", "credit_note", "transaction")
     * @param resumed whether this run went on from where an earlier one stopped
     * @param stoppedBecause why an incomplete run stopped (time, a Chargebee failure, another run of the request)
     */
    public record Result(boolean complete, boolean resumed, int windowsDone, int windowsTotal, Map<String, Long> queued,
                         Optional<String> stoppedBecause) {

        public long queued(DocumentKind kind) {
            return queued.getOrDefault(kind.resourceType(), 0L);
        }

        public long customers() {
            return queued(DocumentKind.CUSTOMER);
        }

        public long invoices() {
            return queued(DocumentKind.INVOICE);
        }
    }

    private final ChargebeeClient chargebee;
    private final SiteCheck site;
    private final EventQueue queue;
    private final BackfillCheckpoints checkpoints;
    private final InvocationDeadline deadline;
    private final Clock clock;

    public Backfill(ChargebeeClient chargebee, SiteCheck site, EventQueue queue, BackfillCheckpoints checkpoints,
                    InvocationDeadline deadline, Clock clock) {
        this.chargebee = chargebee;
        this.site = site;
        this.queue = queue;
        this.checkpoints = checkpoints;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** The whole request, without a time limit. */
    public Result run(Request request) {
        return run(request, Optional.empty());
    }

    /** As much of the request as the invocation ending at {@code invocationEnds} has time for. */
    public Result run(Request request, Optional<Instant> invocationEnds) {
        invocationEnds.ifPresent(deadline::set);
        try {
            site.requireProductCatalog2();
            return resume(request);
        } finally {
            deadline.clear();
        }
    }

    private Result resume(Request request) {
        List<DocumentKind> kinds = request.inOrder();
        int windowsTotal = kinds.size() * request.windowsPerKind();
        Optional<BackfillCheckpoints.Stored> stored = checkpoints.read(request.key());
        long version = stored.map(BackfillCheckpoints.Stored::version).orElse(0L);
        Optional<BackfillCheckpoint> unfinished = stored.map(BackfillCheckpoints.Stored::checkpoint)
                .filter(checkpoint -> !checkpoint.complete());
        Position at = unfinished.map(checkpoint -> Position.of(checkpoint, kinds))
                .orElseGet(() -> Position.start(request, kinds));
        if (unfinished.isPresent()) {
            LOG.infof("Backfill %s resumes at %s windows %s, offset %s: %d of %d windows done, queued so far %s",
                    request.key(), at.kind().resourceType(), at.windowStart(), at.offset().isPresent() ? "kept" : "none",
                    at.windowsDone(), windowsTotal, at.queued());
        }
        Instant now = clock.instant();
        String stopped = null;
        while (!at.complete()) {
            if (!timeForAnotherPage()) {
                stopped = "the invocation's time ran out; run the same request again to go on";
                break;
            }
            Page<? extends ChargebeeRecord> page;
            try {
                page = read(at, request);
            } catch (InvocationDeadline.Reached | ChargebeeException e) {
                stopped = e.getMessage();
                break;
            }
            DocumentKind kind = at.kind();
            List<QueuedEvent> events = page.items().stream().map(record -> QueuedEvent.backfilled(kind.resourceType(),
                    record.id(), record.resourceVersion() == null ? 0 : record.resourceVersion(), creationEvent(kind),
                    now)).toList();
            if (!events.isEmpty()) {
                queue.enqueueAll(events);
            }
            Position next = at.after(page, events.size(), request, kinds);
            if (!checkpoints.replace(version, next.checkpoint(request), clock.instant())) {
                stopped = "another run of the same backfill moved its checkpoint; it goes on from there";
                at = next;
                break;
            }
            version++;
            if (next.windowsDone() > at.windowsDone()) {
                LOG.debugf("Backfill %s: %d of %d windows done", request.key(), next.windowsDone(), windowsTotal);
            }
            at = next;
        }
        Result result = new Result(at.complete(), unfinished.isPresent(), at.windowsDone(), windowsTotal,
                ordered(at.queued(), kinds), Optional.ofNullable(stopped));
        LOG.infof("Backfill %s..%s %s: %d of %d windows done, queued %s%s", request.from(), request.to(),
                result.complete() ? "complete" : "stopped", result.windowsDone(), result.windowsTotal(),
                result.queued(), stopped == null ? "" : " (" + stopped + ")");
        return result;
    }

    private Page<? extends ChargebeeRecord> read(Position at, Request request) {
        ChargebeeResource<? extends ChargebeeRecord> resource = at.kind().resource();
        Instant end = min(at.windowStart().plus(request.window()), request.to()).minusSeconds(1); // between: inclusive
        ListQuery query = ListQuery.all().between(resource.creationAttribute(), at.windowStart(), end)
                .sortAscending(resource.creationAttribute());
        return chargebee.list(resource, resource.supportsIncludeDeleted() ? query.includeDeleted() : query,
                at.offset());
    }

    private boolean timeForAnotherPage() {
        return deadline.end().map(end -> Duration.between(clock.instant(), end).compareTo(TIME_RESERVE) >= 0)
                .orElse(true);
    }

    static String creationEvent(DocumentKind kind) {
        return switch (kind) {
            case CUSTOMER -> "customer_created";
            case INVOICE -> "invoice_generated";
            case CREDIT_NOTE -> "credit_note_created";
            case TRANSACTION -> "transaction_created";
        };
    }

    private static Map<String, Long> ordered(Map<String, Long> queued, Collection<DocumentKind> kinds) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        kinds.forEach(kind -> ordered.put(kind.resourceType(), queued.getOrDefault(kind.resourceType(), 0L)));
        return ordered;
    }

    private static int windowsFrom(Instant start, Request request) {
        long seconds = Duration.between(start, request.to()).toSeconds();
        long window = request.window().toSeconds();
        return (int) Math.max(0, (seconds + window - 1) / window);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The next page to read: kind, window and offset, with the progress so far. */
    private record Position(int kindIndex, DocumentKind kind, Instant windowStart, Optional<String> offset,
                            int windowsDone, Map<String, Long> queued, boolean complete) {

        static Position start(Request request, List<DocumentKind> kinds) {
            return new Position(0, kinds.get(0), request.from(), Optional.empty(), 0, ordered(Map.of(), kinds), false);
        }

        static Position of(BackfillCheckpoint checkpoint, List<DocumentKind> kinds) {
            DocumentKind kind = DocumentKind.ofResourceType(checkpoint.resourceType())
                    .filter(kinds::contains).orElseThrow(() -> new IllegalStateException(
                            "backfill checkpoint names " + checkpoint.resourceType() + ", not one of its kinds"));
            return new Position(kinds.indexOf(kind), kind, checkpoint.windowStart(), checkpoint.offset(),
                    checkpoint.windowsDone(), ordered(checkpoint.queued(), kinds), false);
        }

        /** Where to go on after {@code page}, which queued {@code count} documents. */
        Position after(Page<?> page, int count, Request request, List<DocumentKind> kinds) {
            Map<String, Long> counts = new LinkedHashMap<>(queued);
            counts.merge(kind.resourceType(), (long) count, Long::sum);
            if (page.nextOffset().isPresent()) {
                return new Position(kindIndex, kind, windowStart, page.nextOffset(), windowsDone, counts, false);
            }
            Instant nextWindow = windowStart.plus(request.window());
            if (nextWindow.isBefore(request.to())) {
                return new Position(kindIndex, kind, nextWindow, Optional.empty(), windowsDone + 1, counts, false);
            }
            if (kindIndex + 1 < kinds.size()) {
                return new Position(kindIndex + 1, kinds.get(kindIndex + 1), request.from(), Optional.empty(),
                        windowsDone + 1, counts, false);
            }
            return new Position(kindIndex, kind, windowStart, Optional.empty(), windowsDone + 1, counts, true);
        }

        BackfillCheckpoint checkpoint(Request request) {
            return new BackfillCheckpoint(request.key(), kind.resourceType(), windowStart, offset, windowsDone, queued,
                    complete);
        }
    }
}
