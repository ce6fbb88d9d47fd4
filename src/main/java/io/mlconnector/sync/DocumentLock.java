package io.mlconnector.sync;

import io.mlconnector.config.SyncConfig;
import io.mlconnector.store.DocumentLeases;
import io.mlconnector.support.InvocationDeadline;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One writer per Chargebee document, held from the ledger check to the released document. The owner is this
 * container and thread, so the same worker may re-enter a document it holds while any other worker is turned away
 * with {@link DocumentBusy}. A lease lasts at most until the
 * invocation's deadline (or the claim lease when none is known): a worker that dies holding it blocks nobody longer.
 * The {@link PostingWorklist} takes one document at a time, dependencies first, so two workers can never wait on
 * each other.
 */
@ApplicationScoped
public class DocumentLock {
    private final String container = UUID.randomUUID().toString();
    private final ThreadLocal<Map<String, Integer>> held = ThreadLocal.withInitial(HashMap::new);
    private final DocumentLeases leases;
    private final SyncConfig config;
    private final InvocationDeadline deadline;
    private final Clock clock;

    public DocumentLock(DocumentLeases leases, SyncConfig config, InvocationDeadline deadline, Clock clock) {
        this.leases = leases;
        this.config = config;
        this.deadline = deadline;
        this.clock = clock;
    }

    /**
     * Runs {@code work} as the only writer of {@code document} (e.g. {@code invoice:INV-1}).
     *
     * @throws DocumentBusy when another worker holds it
     */
    public <T> T exclusively(String document, Supplier<T> work) {
        Map<String, Integer> mine = held.get();
        String owner = container + "/" + Thread.currentThread().getId();
        if (!mine.containsKey(document)) {
            Instant now = clock.instant();
            Instant longest = now.plus(config.claimLease());
            Instant until = deadline.end().filter(end -> end.isBefore(longest)).orElse(longest);
            if (!until.isAfter(now) || !leases.acquire(document, owner, now, until)) {
                throw new DocumentBusy(document);
            }
        }
        mine.merge(document, 1, Integer::sum);
        try {
            return work.get();
        } finally {
            if (mine.merge(document, -1, Integer::sum) == 0) {
                mine.remove(document);
                leases.release(document, owner);
            }
        }
    }
}
