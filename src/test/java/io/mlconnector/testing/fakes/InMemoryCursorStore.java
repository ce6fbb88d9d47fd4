package io.mlconnector.testing.fakes;

import io.mlconnector.store.CursorStore;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link CursorStore} in memory, as DynamoCursorStore keeps it: whole epoch seconds, moved only to a later second.
 */
public final class InMemoryCursorStore implements CursorStore {
    private final ConcurrentMap<String, Long> positions = new ConcurrentHashMap<>();

    @Override
    public Optional<Instant> read(String name) {
        return Optional.ofNullable(positions.get(name)).map(Instant::ofEpochSecond);
    }

    @Override
    public void advance(String name, Instant value, Instant now) {
        positions.merge(name, value.getEpochSecond(), Math::max);
    }
}
