package io.mlconnector.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: backfill checkpoints, one per request. Every write is one conditional write of one item (no transactions):
 * {@link #replace} names the version it read, so two runs of the same request cannot both move it.
 */
public interface BackfillCheckpoints {

    /** A stored checkpoint and its version (the number of writes so far). */
    record Stored(BackfillCheckpoint checkpoint, long version) {}

    Optional<Stored> read(String request);

    /**
     * Stores {@code next} (for its request) if the stored one is still at {@code expectedVersion} (0 when none is
     * stored yet).
     *
     * @return false, with nothing written, when another run wrote it since that version was read
     */
    boolean replace(long expectedVersion, BackfillCheckpoint next, Instant now);
}
