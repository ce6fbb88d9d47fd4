package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BackfillCheckpoints} does: one checkpoint per request, replaced only on the version read. */
public abstract class BackfillCheckpointsContract {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final String REQUEST = "1577836800-1893456000-customer,invoice";

    private BackfillCheckpoints checkpoints;

    /** Checkpoints on an empty table. */
    protected abstract BackfillCheckpoints store();

    @BeforeEach
    void setUpContract() {
        checkpoints = store();
    }

    @Test
    void read_shouldBeEmpty_whenNoRunStoredOne() {
        assertThat(checkpoints.read(REQUEST)).isEmpty();
    }

    @Test
    void replace_shouldStoreEveryField_andReadItBackWithTheNextVersion() {
        BackfillCheckpoint stopped = new BackfillCheckpoint(REQUEST, "invoice", Instant.parse("2021-02-05T00:00:00Z"),
                Optional.of("[\"1612483200000\",\"INV-9\"]"), 13, Map.of("customer", 300L, "invoice", 42L), false);

        assertThat(checkpoints.replace(0, stopped, NOW)).isTrue();

        assertThat(checkpoints.read(REQUEST)).contains(new BackfillCheckpoints.Stored(stopped, 1));
    }

    @Test
    void replace_shouldStoreACheckpointWithoutOffset_atAWindowStart() {
        BackfillCheckpoint atWindow = new BackfillCheckpoint(REQUEST, "customer", Instant.parse("2020-01-01T00:00:00Z"),
                Optional.empty(), 0, Map.of(), true);

        checkpoints.replace(0, atWindow, NOW);

        assertThat(checkpoints.read(REQUEST)).map(BackfillCheckpoints.Stored::checkpoint).contains(atWindow);
    }

    @Test
    void replace_shouldWriteNothing_whenAnotherRunWroteSinceTheVersionRead() {
        BackfillCheckpoint first = checkpoint(1);
        checkpoints.replace(0, first, NOW);
        checkpoints.replace(1, checkpoint(2), NOW);

        assertThat(checkpoints.replace(1, checkpoint(3), NOW)).isFalse();
        assertThat(checkpoints.replace(0, checkpoint(4), NOW)).isFalse();

        assertThat(checkpoints.read(REQUEST)).contains(new BackfillCheckpoints.Stored(checkpoint(2), 2));
    }

    @Test
    void replace_shouldKeepRequestsApart() {
        checkpoints.replace(0, checkpoint(1), NOW);

        assertThat(checkpoints.read("0-1-customer")).isEmpty();
    }

    private static BackfillCheckpoint checkpoint(int windowsDone) {
        return new BackfillCheckpoint(REQUEST, "customer", Instant.parse("2020-01-01T00:00:00Z").plusSeconds(windowsDone),
                Optional.empty(), windowsDone, Map.of("customer", (long) windowsDone), false);
    }
}
