package io.mlconnector.sync;

import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.SiteCheck;
import io.mlconnector.chargebee.dto.Page;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.config.SyncConfig;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.store.CursorStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The safety net under webhooks: lists Chargebee events since the cursor (minus an overlap window) and enqueues
 * them. Overlap and webhook deliveries produce duplicates on purpose; the worker's claim makes them harmless.
 */
@ApplicationScoped
public class EventPoller {
    static final String CURSOR = "events";
    private static final Logger LOG = Logger.getLogger(EventPoller.class);

    /** What one poll did. */
    public record PollResult(int pages, int enqueued, Instant from, Instant cursor, boolean morePending) {}

    private final ChargebeeClient chargebee;
    private final SiteCheck site;
    private final EventQueue queue;
    private final CursorStore cursors;
    private final SyncConfig config;
    private final Clock clock;

    public EventPoller(ChargebeeClient chargebee, SiteCheck site, EventQueue queue, CursorStore cursors,
                       SyncConfig config, Clock clock) {
        this.chargebee = chargebee;
        this.site = site;
        this.queue = queue;
        this.cursors = cursors;
        this.config = config;
        this.clock = clock;
    }

    public PollResult poll() {
        site.requireProductCatalog2();
        Instant now = clock.instant();
        Instant cursor = cursors.read(CURSOR).orElse(now.minus(config.poller().initialLookback()));
        Instant from = cursor.minus(config.poller().overlap());
        Instant newest = cursor;
        Optional<String> offset = Optional.empty();
        int pages = 0;
        int enqueued = 0;
        do {
            Page<ChargebeeEvent> page = chargebee.eventsSince(from, HandledEventTypes.ALL, offset);
            List<QueuedEvent> batch = new ArrayList<>();
            for (ChargebeeEvent event : page.items()) {
                Optional<DocumentKind> kind = DocumentKind.ofEventType(event.eventType());
                batch.add(QueuedEvent.chargebeeEvent(event.id(), event.eventType(), now, QueuedEvent.FROM_POLLER,
                        kind.map(DocumentKind::resourceType).orElse(null),
                        kind.flatMap(k -> k.in(event.content())).map(ChargebeeRecord::id).orElse(null)));
                if (event.occurredAt() != null && event.occurredAt().isAfter(newest)) {
                    newest = event.occurredAt();
                }
            }
            queue.enqueueAll(batch);
            enqueued += batch.size();
            pages++;
            // Advance after each page is safely queued, so a timeout mid-poll resumes close to where it stopped.
            cursors.advance(CURSOR, newest, now);
            offset = page.nextOffset();
        } while (offset.isPresent() && pages < config.poller().pagesMax());
        LOG.infof("Poll enqueued %d events from %d pages; cursor %s", enqueued, pages, newest);
        return new PollResult(pages, enqueued, from, newest, offset.isPresent());
    }
}
