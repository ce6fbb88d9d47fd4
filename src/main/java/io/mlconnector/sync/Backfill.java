package io.mlconnector.sync;

import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeResource;
import io.mlconnector.chargebee.ResourceReader;
import io.mlconnector.chargebee.SiteCheck;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.ingest.QueuedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads customers and invoices created in a date range straight from Chargebee's lists (by creation date, never by
 * {@code updated_at}, which old records lack) and queues each for the worker, which fetches it again and posts it like
 * its creation event. For a first run, or to repair a period on demand; duplicates with event deliveries are harmless
 * because every document is looked up by its natural key before it is created.
 */
@ApplicationScoped
public class Backfill {
    private static final Logger LOG = Logger.getLogger(Backfill.class);
    /** Queue in chunks so a failure part-way loses at most one chunk's progress. */
    private static final int CHUNK = 100;

    /** What to backfill: resources created in {@code [from, to)}, read in windows of {@code window}. */
    public record Request(Instant from, Instant to, Duration window) {}

    /** Counts per resource. */
    public record Result(long customers, long invoices) {}

    private final ChargebeeClient chargebee;
    private final SiteCheck site;
    private final EventQueue queue;
    private final Clock clock;

    public Backfill(ChargebeeClient chargebee, SiteCheck site, EventQueue queue, Clock clock) {
        this.chargebee = chargebee;
        this.site = site;
        this.queue = queue;
        this.clock = clock;
    }

    public Result run(Request request) {
        if (!request.from().isBefore(request.to())) {
            throw new IllegalArgumentException("backfill 'from' must be before 'to'");
        }
        site.requireProductCatalog2();
        ResourceReader reader = new ResourceReader(chargebee);
        Instant now = clock.instant();
        List<QueuedEvent> pending = new ArrayList<>();
        long customers = reader.backfill(ChargebeeResource.CUSTOMERS, request.from(), request.to(), request.window(),
                ChargebeeCustomer::updatedAt, customer -> add(pending, QueuedEvent.backfilled("customer", customer.id(),
                        version(customer.resourceVersion()), "customer_created", now))).records();
        long invoices = reader.backfill(ChargebeeResource.INVOICES, request.from(), request.to(), request.window(),
                ChargebeeInvoice::updatedAt, invoice -> add(pending, QueuedEvent.backfilled("invoice", invoice.id(),
                        version(invoice.resourceVersion()), "invoice_generated", now))).records();
        flush(pending);
        LOG.infof("Backfill %s..%s queued %d customers and %d invoices", request.from(), request.to(), customers, invoices);
        return new Result(customers, invoices);
    }

    private void add(List<QueuedEvent> pending, QueuedEvent event) {
        pending.add(event);
        if (pending.size() >= CHUNK) {
            flush(pending);
        }
    }

    private void flush(List<QueuedEvent> pending) {
        queue.enqueueAll(List.copyOf(pending));
        pending.clear();
    }

    private static long version(Long resourceVersion) {
        return resourceVersion == null ? 0 : resourceVersion;
    }
}
