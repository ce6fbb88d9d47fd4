package io.mlconnector.sync;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the worker's messages ended since the handler last drained it, by document type: the counts behind the
 * worker's metrics lines. {@link WorkerBatch} counts each message it finishes; duplicates it only acknowledges are
 * not outcomes.
 */
@ApplicationScoped
public class WorkerOutcomes {
    /** The document type of a message whose document is not known (unreadable event, unknown resource type). */
    public static final String UNKNOWN_TYPE = "unknown";

    /** Finished messages of one document type. */
    public record Counts(long posted, long held, long retried, long skipped) {}

    private enum Outcome { POSTED, HELD, RETRIED, SKIPPED }

    private final Map<String, Map<Outcome, AtomicLong>> counts = new ConcurrentHashMap<>();

    /** One finished message; {@code ref} may be null when no document was named. */
    public void count(DocumentRef ref, SyncOutcome outcome) {
        // Java 17: no pattern switch over the sealed outcome yet.
        Outcome kind = outcome instanceof SyncOutcome.Posted ? Outcome.POSTED
                : outcome instanceof SyncOutcome.Held ? Outcome.HELD
                : outcome instanceof SyncOutcome.RetryLater ? Outcome.RETRIED : Outcome.SKIPPED;
        String type = ref == null ? UNKNOWN_TYPE : ref.kind().resourceType();
        counts.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** The counts per document type since the last drain (types with none left out), and none from now on. */
    public Map<String, Counts> drain() {
        Map<String, Counts> drained = new TreeMap<>();
        for (String type : counts.keySet()) {
            Map<Outcome, AtomicLong> byOutcome = counts.remove(type);
            if (byOutcome != null) {
                drained.put(type, new Counts(take(byOutcome, Outcome.POSTED), take(byOutcome, Outcome.HELD),
                        take(byOutcome, Outcome.RETRIED), take(byOutcome, Outcome.SKIPPED)));
            }
        }
        return drained;
    }

    private static long take(Map<Outcome, AtomicLong> byOutcome, Outcome outcome) {
        AtomicLong count = byOutcome.get(outcome);
        return count == null ? 0 : count.get();
    }
}
