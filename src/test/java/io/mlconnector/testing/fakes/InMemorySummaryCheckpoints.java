package io.mlconnector.testing.fakes;

import io.mlconnector.store.SummaryCheckpoint;
import io.mlconnector.store.SummaryCheckpoints;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link SummaryCheckpoints} in memory, as DynamoSummaryCheckpoints keeps them: replaced only on the version read. */
public final class InMemorySummaryCheckpoints implements SummaryCheckpoints {
    private final ConcurrentMap<String, Stored> checkpoints = new ConcurrentHashMap<>();

    @Override
    public Optional<Stored> read(String period) {
        return Optional.ofNullable(checkpoints.get(period));
    }

    @Override
    public boolean replace(long expectedVersion, SummaryCheckpoint next, Instant now) {
        Stored[] written = new Stored[1];
        checkpoints.compute(next.period(), (period, stored) -> {
            long version = stored == null ? 0 : stored.version();
            if (version != expectedVersion) {
                return stored;
            }
            written[0] = new Stored(next, expectedVersion + 1);
            return written[0];
        });
        return written[0] != null;
    }
}
