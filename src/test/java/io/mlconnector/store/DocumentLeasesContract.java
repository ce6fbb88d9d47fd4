package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DocumentLeases} does: one owner per document at a time, re-entry for that owner, a lease that
 * lapses by itself on the caller's clock, and a release that only the current owner can make.
 */
public abstract class DocumentLeasesContract {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private DocumentLeases leases;

    /** Leases on an empty table. */
    protected abstract DocumentLeases store();

    @BeforeEach
    void setUpContract() {
        leases = store();
    }

    @Test
    void lease_shouldTurnAwayAnotherOwner_reEnterForItsOwn_andLapseByItself() {
        assertThat(leases.acquire("invoice:INV-L", "worker-a", NOW, NOW.plusSeconds(30))).isTrue();
        assertThat(leases.acquire("invoice:INV-L", "worker-b", NOW, NOW.plusSeconds(30))).isFalse();
        assertThat(leases.acquire("invoice:INV-L", "worker-a", NOW, NOW.plusSeconds(60))).as("its own").isTrue();
        assertThat(leases.acquire("invoice:INV-L", "worker-b", NOW.plusSeconds(61), NOW.plusSeconds(90)))
                .as("lapsed").isTrue();
        leases.release("invoice:INV-L", "worker-a");
        assertThat(leases.acquire("invoice:INV-L", "worker-c", NOW.plusSeconds(62), NOW.plusSeconds(90)))
                .as("a lapsed owner's release leaves the new owner's lease alone").isFalse();
        leases.release("invoice:INV-L", "worker-b");
        assertThat(leases.acquire("invoice:INV-L", "worker-c", NOW.plusSeconds(62), NOW.plusSeconds(90))).isTrue();
    }

    @Test
    void acquire_shouldTurnAwayAnotherOwner_whenTheLeaseEndsThisVeryMillisecond() {
        leases.acquire("invoice:INV-1", "worker-a", NOW, NOW.plusSeconds(30));

        assertThat(leases.acquire("invoice:INV-1", "worker-b", NOW.plusSeconds(30), NOW.plusSeconds(60))).isFalse();
        assertThat(leases.acquire("invoice:INV-1", "worker-b", NOW.plusSeconds(30).plusMillis(1), NOW.plusSeconds(60)))
                .isTrue();
    }

    @Test
    void acquire_shouldSucceedAtOnce_whenTheOwnerReleasedItsLease() {
        leases.acquire("invoice:INV-1", "worker-a", NOW, NOW.plusSeconds(30));

        leases.release("invoice:INV-1", "worker-a");

        assertThat(leases.acquire("invoice:INV-1", "worker-b", NOW.plusSeconds(1), NOW.plusSeconds(30))).isTrue();
    }

    @Test
    void release_shouldDoNothing_whenTheDocumentWasNeverLeased() {
        leases.release("invoice:INV-1", "worker-a");

        assertThat(leases.acquire("invoice:INV-1", "worker-b", NOW, NOW.plusSeconds(30))).isTrue();
    }

    @Test
    void acquire_shouldKeepDocumentsApart_whenOneIsHeld() {
        leases.acquire("invoice:INV-1", "worker-a", NOW, NOW.plusSeconds(30));

        assertThat(leases.acquire("invoice:INV-2", "worker-b", NOW, NOW.plusSeconds(30))).isTrue();
        assertThat(leases.acquire("customer:INV-1", "worker-b", NOW, NOW.plusSeconds(30))).isTrue();
    }

    @Test
    void acquire_shouldGrantExactlyOneOfManyConcurrentOwners() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> workers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String owner = "worker-" + i;
                workers.add(() -> leases.acquire("invoice:INV-RACE", owner, NOW, NOW.plusSeconds(30)));
            }
            long winners = 0;
            for (Future<Boolean> won : pool.invokeAll(workers)) {
                winners += won.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
