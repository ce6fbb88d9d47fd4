package io.mlconnector.store;

import java.time.Instant;
import java.util.Optional;

/** Port: how far the poller has read. */
public interface CursorStore {

    Optional<Instant> read(String name);

    /** Moves the cursor forward; a value behind the stored one (a slower, overlapping poll) is ignored. */
    void advance(String name, Instant value, Instant now);
}
