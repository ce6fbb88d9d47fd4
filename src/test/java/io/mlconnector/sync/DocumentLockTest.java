package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.store.DocumentLeases;
import io.mlconnector.support.InvocationDeadline;
import io.mlconnector.testing.SyncConfigs;
import io.mlconnector.testing.fakes.InMemoryDocumentLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One writer per document, decided on the in-memory leases and a fixed clock: no Quarkus, no dynalite, milliseconds.
 * "Another container" is a second DocumentLock on the same leases, as a second Lambda container would be.
 */
class DocumentLockTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    private static final String INVOICE = "invoice:INV-1";

    private final DocumentLeases leases = new InMemoryDocumentLeases();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private InvocationDeadline deadline;
    private DocumentLock lock;
    private DocumentLock anotherContainer;

    @BeforeEach
    void setUp() {
        deadline = new InvocationDeadline(clock);
        lock = new DocumentLock(leases, SyncConfigs.leasing(CLAIM_LEASE), deadline, clock);
        anotherContainer = new DocumentLock(leases, SyncConfigs.leasing(CLAIM_LEASE), new InvocationDeadline(clock),
                clock);
    }

    @Test
    void exclusively_shouldRunTheWorkAndGiveTheDocumentBack_whenNobodyHoldsIt() {
        assertThat(lock.exclusively(INVOICE, () -> "posted")).isEqualTo("posted");

        assertThat(anotherContainer.exclusively(INVOICE, () -> "posted too")).isEqualTo("posted too");
    }

    @Test
    void exclusively_shouldTurnAwayAnotherContainer_whileTheWorkRuns() {
        lock.exclusively(INVOICE, () -> {
            assertThatThrownBy(() -> anotherContainer.exclusively(INVOICE, () -> "second invoice"))
                    .isInstanceOf(DocumentBusy.class).hasMessageContaining(INVOICE);
            return null;
        });
    }

    @Test
    void exclusively_shouldTurnAwayAnotherThreadOfTheSameContainer_whileTheWorkRuns() throws Exception {
        Object fromOtherThread = lock.exclusively(INVOICE, () -> CompletableFuture.supplyAsync(() -> {
            try {
                return lock.exclusively(INVOICE, () -> "second invoice");
            } catch (DocumentBusy busy) {
                return busy;
            }
        }).join());

        assertThat(fromOtherThread).isInstanceOf(DocumentBusy.class);
    }

    @Test
    void exclusively_shouldLetItsOwnWorkReEnter_andKeepTheLeaseUntilTheOutermostWorkEnds() {
        lock.exclusively(INVOICE, () -> {
            assertThat(lock.exclusively(INVOICE, () -> "payment posts its invoice")).isEqualTo("payment posts its invoice");
            assertThat(leases.acquire(INVOICE, "someone-else", NOW, NOW.plusSeconds(1)))
                    .as("still held after the inner work ends").isFalse();
            return null;
        });

        assertThat(leases.acquire(INVOICE, "someone-else", NOW, NOW.plusSeconds(1))).isTrue();
    }

    @Test
    void exclusively_shouldGiveTheDocumentBack_whenTheWorkFails() {
        assertThatThrownBy(() -> lock.exclusively(INVOICE, () -> {
            throw new IllegalStateException("Acumatica said no");
        })).hasMessage("Acumatica said no");

        assertThat(anotherContainer.exclusively(INVOICE, () -> "posted")).isEqualTo("posted");
    }

    @Test
    void exclusively_shouldHoldTheDocumentOnlyUntilTheInvocationEnds_whenThatComesBeforeTheClaimLease() {
        deadline.set(NOW.plusSeconds(40));

        lock.exclusively(INVOICE, () -> {
            assertThat(leases.acquire(INVOICE, "someone-else", NOW.plusSeconds(40), NOW.plusSeconds(60))).isFalse();
            assertThat(leases.acquire(INVOICE, "someone-else", NOW.plusSeconds(40).plusMillis(1), NOW.plusSeconds(60)))
                    .as("a worker killed at its timeout blocks nobody after it").isTrue();
            return null;
        });
    }

    @Test
    void exclusively_shouldHoldTheDocumentForTheClaimLease_whenNoInvocationEndIsKnown() {
        lock.exclusively(INVOICE, () -> {
            assertThat(leases.acquire(INVOICE, "someone-else", NOW.plus(CLAIM_LEASE), NOW.plus(CLAIM_LEASE.multipliedBy(2))))
                    .isFalse();
            assertThat(leases.acquire(INVOICE, "someone-else", NOW.plus(CLAIM_LEASE).plusMillis(1),
                    NOW.plus(CLAIM_LEASE.multipliedBy(2)))).isTrue();
            return null;
        });
    }

    @Test
    void exclusively_shouldRunNothing_whenTheInvocationHasNoTimeLeft() {
        deadline.set(NOW);
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> lock.exclusively(INVOICE, () -> ran.getAndSet(true))).isInstanceOf(DocumentBusy.class);

        assertThat(ran).isFalse();
        assertThat(leases.acquire(INVOICE, "someone-else", NOW, NOW.plusSeconds(1))).as("nothing was taken").isTrue();
    }

    @Test
    void exclusively_shouldTakeAnotherDocument_whileHoldingOne() throws Exception {
        String customer = "customer:cust_1";

        String result = lock.exclusively(INVOICE, () -> lock.exclusively(customer, () -> "both"));

        assertThat(result).isEqualTo("both");
        assertThat(CompletableFuture.supplyAsync(() -> anotherContainer.exclusively(customer, () -> "free again"))
                .get(5, TimeUnit.SECONDS)).isEqualTo("free again");
    }
}
