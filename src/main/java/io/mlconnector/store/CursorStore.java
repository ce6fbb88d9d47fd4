package io.mlconnector.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: how far the poller has read. Every write is one conditional write of one item (no transactions): a
 * {@link #replace} names the version it read, so a poll that overlaps another cannot overwrite what that one stored.
 */
public interface CursorStore {

    /** A stored position and its version (the number of writes so far; 0: stored before cursors had versions). */
    record StoredCursor(CursorPosition position, long version) {}

    /** The second the cursor stands at. */
    Optional<Instant> read(String name);

    /** The whole stored position, with the version that {@link #replace} must name. */
    Optional<StoredCursor> position(String name);

    /**
     * Stores {@code next} if the cursor is still at {@code expectedVersion} (0 when none is stored yet, or one without
     * a version); the position
     * may go back (a poll re-reading its overlap), which is why the version, not the time, decides.
     *
     * @return false, with nothing written, when another writer changed the cursor since that version was read
     */
    boolean replace(String name, long expectedVersion, CursorPosition next, Instant now);

    /**
     * Puts a caught-up cursor (no event id) at {@code value}'s second if that is later than the stored one, and
     * ignores it otherwise (a slower, overlapping poll); for operators and tests that start the poller somewhere.
     */
    void advance(String name, Instant value, Instant now);
}
