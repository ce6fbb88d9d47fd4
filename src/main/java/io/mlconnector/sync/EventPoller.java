package io.mlconnector.sync;

import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.SiteCheck;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.chargebee.dto.Page;
import io.mlconnector.config.SyncConfig;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.store.CursorPosition;
import io.mlconnector.store.CursorStore;
import io.mlconnector.store.CursorStore.StoredCursor;
import io.mlconnector.support.InvocationDeadline;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The safety net under webhooks: lists Chargebee events oldest first from the cursor and enqueues them.
 *
 * <p>The cursor is the {@code occurred_at} second and the id of the last event read, and whether the list went on.
 * While more is pending, a poll resumes at that second ({@code occurred_at[after]} = second − 1) and skips the events
 * of that second up to and including that id ({@link AlreadyRead}), so however many events fall in a short time, each
 * poll gets further. Only a poll that starts caught up re-reads {@code sync.poller.overlap} behind the cursor, for
 * events Chargebee committed late. The cursor is stored after every page, with a conditional write on the version this
 * poll read: a poll overlapping another stops rather than overwrite it. A poll reads pages while the invocation has
 * more than {@code sync.poller.time-reserve} left, up to {@code sync.poller.pages-max}. Overlap, resumed seconds and
 * webhooks all produce duplicates on purpose; the worker's claim makes them harmless.
 */
@ApplicationScoped
public class EventPoller {
    static final String CURSOR = "events";
    private static final Logger LOG = Logger.getLogger(EventPoller.class);

    /**
     * What one poll did.
     *
     * @param pages pages listed, those re-read to find the cursor's event included
     * @param from the {@code occurred_at[after]} the listing started from
     * @param cursor the {@code occurred_at} second the cursor stands at now
     * @param morePending the list went on when the poll stopped: the next poll resumes at the cursor
     * @param cursorLag how far the cursor is behind the time the poll ended
     */
    public record PollResult(int pages, int enqueued, Instant from, Instant cursor, boolean morePending,
                             Duration cursorLag) {}

    private final ChargebeeClient chargebee;
    private final SiteCheck site;
    private final EventQueue queue;
    private final CursorStore cursors;
    private final SyncConfig config;
    private final Clock clock;
    private final InvocationDeadline deadline;

    public EventPoller(ChargebeeClient chargebee, SiteCheck site, EventQueue queue, CursorStore cursors,
                       SyncConfig config, Clock clock, InvocationDeadline deadline) {
        this.chargebee = chargebee;
        this.site = site;
        this.queue = queue;
        this.cursors = cursors;
        this.config = config;
        this.clock = clock;
        this.deadline = deadline;
    }

    public PollResult poll() {
        site.requireProductCatalog2();
        Instant now = clock.instant();
        Optional<StoredCursor> stored = cursors.position(CURSOR);
        CursorPosition start = stored.map(StoredCursor::position)
                .orElseGet(() -> CursorPosition.caughtUpAt(now.minus(config.poller().initialLookback())));
        long version = stored.map(StoredCursor::version).orElse(0L);
        Instant from;
        AlreadyRead alreadyRead;
        if (start.morePending()) {
            from = start.occurredAt().minusSeconds(1);
            alreadyRead = AlreadyRead.through(start.occurredAt(), start.lastEventId());
        } else {
            from = start.occurredAt().minus(config.poller().overlap());
            alreadyRead = AlreadyRead.nothing();
        }

        Optional<CursorPosition> written = stored.map(StoredCursor::position);
        CursorPosition position = start;
        Optional<String> offset = Optional.empty();
        int pages = 0;
        int pagesPastCursor = 0;
        int enqueued = 0;
        boolean more = true;
        while (more) {
            Page<ChargebeeEvent> page;
            try {
                page = chargebee.eventsSince(from, HandledEventTypes.ALL, offset);
            } catch (InvocationDeadline.Reached outOfTime) {
                break; // the cursor stands after the last page queued; the next poll resumes there
            }
            pages++;
            if (alreadyRead.passed()) {
                pagesPastCursor++; // pages re-read only to find the cursor's event do not count against the cap
            }
            offset = page.nextOffset();
            List<ChargebeeEvent> fresh = new ArrayList<>(alreadyRead.newIn(page.items()));
            if (offset.isEmpty()) {
                fresh.addAll(alreadyRead.rest());
            }
            queue.enqueueAll(queued(fresh, now));
            enqueued += fresh.size();
            position = next(position, page.items(), alreadyRead.passed(), offset.isPresent());
            if (written.isEmpty() || !written.get().equals(position)) {
                // After the page is safely queued, so a poll cut short resumes close to where it stopped.
                if (!cursors.replace(CURSOR, version, position, clock.instant())) {
                    LOG.warnf("Another poll moved the event cursor while this one read page %d; this one stops", pages);
                    break;
                }
                version++;
                written = Optional.of(position);
            }
            more = offset.isPresent();
            if (more && (pagesPastCursor >= config.poller().pagesMax() || !timeForAnotherPage())) {
                break;
            }
        }
        Instant end = clock.instant();
        Duration lag = Duration.between(position.occurredAt(), end);
        LOG.infof("Poll enqueued %d events from %d pages since %s; cursor %s %s, more pending: %s", enqueued, pages,
                from, position.occurredAt(), position.lastEventId().orElse("(no event)"), more);
        return new PollResult(pages, enqueued, from, position.occurredAt(), more,
                lag.isNegative() ? Duration.ZERO : lag);
    }

    /**
     * The position after a page: its last event, once the poll is past the events the previous one read (until then
     * the cursor has not moved), marked pending while the list goes on.
     */
    private static CursorPosition next(CursorPosition current, List<ChargebeeEvent> page, boolean pastCursor,
                                       boolean listGoesOn) {
        if (!pastCursor) {
            return current;
        }
        for (int i = page.size() - 1; i >= 0; i--) {
            ChargebeeEvent event = page.get(i);
            if (event.occurredAt() != null) {
                return CursorPosition.after(event.occurredAt(), event.id(), listGoesOn);
            }
        }
        return new CursorPosition(current.occurredAt(), current.lastEventId(), listGoesOn);
    }

    private boolean timeForAnotherPage() {
        return deadline.end().map(end -> Duration.between(clock.instant(), end)
                .compareTo(config.poller().timeReserve()) > 0).orElse(true);
    }

    private static List<QueuedEvent> queued(List<ChargebeeEvent> events, Instant now) {
        List<QueuedEvent> batch = new ArrayList<>(events.size());
        for (ChargebeeEvent event : events) {
            Optional<DocumentKind> kind = DocumentKind.ofEventType(event.eventType());
            batch.add(QueuedEvent.chargebeeEvent(event.id(), event.eventType(), now, QueuedEvent.FROM_POLLER,
                    kind.map(DocumentKind::resourceType).orElse(null),
                    kind.flatMap(k -> k.in(event.content())).map(ChargebeeRecord::id).orElse(null)));
        }
        return batch;
    }
}
