package io.mlconnector.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: summary-period checkpoints, one per period. Every write is one conditional write of one item (no
 * transactions): {@link #replace} names the version it read, so two runs of a period cannot both move it.
 */
public interface SummaryCheckpoints {

    /** A stored checkpoint and its version (the number of writes so far). */
    record Stored(SummaryCheckpoint checkpoint, long version) {}

    Optional<Stored> read(String period);

    /**
     * Stores {@code next} (for its period) if the stored one is still at {@code expectedVersion} (0 when none is
     * stored yet).
     *
     * @return false, with nothing written, when another run wrote it since that version was read
     */
    boolean replace(long expectedVersion, SummaryCheckpoint next, Instant now);
}
