package io.mlconnector.testing.fakes;

import io.mlconnector.store.BackfillCheckpoint;
import io.mlconnector.store.BackfillCheckpoints;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link BackfillCheckpoints} in memory, as DynamoBackfillCheckpoints keeps them: replaced only on the version read. */
public final class InMemoryBackfillCheckpoints implements BackfillCheckpoints {
    private final ConcurrentMap<String, Stored> checkpoints = new ConcurrentHashMap<>();

    @Override
    public Optional<Stored> read(String request) {
        return Optional.ofNullable(checkpoints.get(request));
    }

    @Override
    public boolean replace(long expectedVersion, BackfillCheckpoint next, Instant now) {
        Stored[] written = new Stored[1];
        checkpoints.compute(next.request(), (request, stored) -> {
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
