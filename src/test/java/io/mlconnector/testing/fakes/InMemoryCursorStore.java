package io.mlconnector.testing.fakes;

import io.mlconnector.store.CursorPosition;
import io.mlconnector.store.CursorStore;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link CursorStore} in memory, as DynamoCursorStore keeps it: whole epoch seconds, each write conditional on the
 * version it names (replace) or on a later second (advance), atomic per cursor.
 */
public final class InMemoryCursorStore implements CursorStore {
    private final ConcurrentMap<String, StoredCursor> cursors = new ConcurrentHashMap<>();

    @Override
    public Optional<Instant> read(String name) {
        return position(name).map(stored -> stored.position().occurredAt());
    }

    @Override
    public Optional<StoredCursor> position(String name) {
        return Optional.ofNullable(cursors.get(name));
    }

    @Override
    public boolean replace(String name, long expectedVersion, CursorPosition next, Instant now) {
        boolean[] written = {false};
        cursors.compute(name, (key, stored) -> {
            long version = stored == null ? 0 : stored.version();
            if (version != expectedVersion) {
                return stored;
            }
            written[0] = true;
            return new StoredCursor(next, version + 1);
        });
        return written[0];
    }

    @Override
    public void advance(String name, Instant value, Instant now) {
        CursorPosition next = CursorPosition.caughtUpAt(value);
        cursors.compute(name, (key, stored) -> stored == null ? new StoredCursor(next, 1)
                : stored.position().occurredAt().isBefore(next.occurredAt())
                        ? new StoredCursor(next, stored.version() + 1) : stored);
    }
}
