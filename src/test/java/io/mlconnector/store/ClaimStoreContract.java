package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.store.ClaimStore.Claim;
import java.time.Duration;
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
 * What every {@link ClaimStore} does, the fake and the DynamoDB adapter alike: one claim decides every race between
 * deliveries of one event; leases lapse on the caller's clock; dedup keys expire even where TTL never deletes them.
 */
public abstract class ClaimStoreContract {
    protected static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration RETENTION = Duration.ofDays(30);

    private ClaimStore claims;

    /** A store on an empty table (each call may share that table) keeping dedup keys for {@code dedupRetention}. */
    protected abstract ClaimStore store(Duration dedupRetention);

    @BeforeEach
    void setUpContract() {
        claims = store(RETENTION);
    }

    @Test
    void claim_shouldSucceedAsTheFirstAttempt_whenEventIsNew() {
        assertThat(claims.claim("ev_1", NOW, LEASE)).isEqualTo(new Claim.Claimed(1, NOW.plus(LEASE)));
    }

    @Test
    void claim_shouldReportInProgressElsewhere_whenAnotherDeliveryHoldsAValidLease() {
        claims.claim("ev_1", NOW, LEASE);

        Claim second = claims.claim("ev_1", NOW.plusSeconds(10), LEASE);

        assertThat(second).isEqualTo(new Claim.InProgressElsewhere(NOW.plus(LEASE)));
    }

    @Test
    void claim_shouldReportInProgressElsewhere_whenTheLeaseEndsThisVeryMillisecond() {
        claims.claim("ev_1", NOW, LEASE);

        assertThat(claims.claim("ev_1", NOW.plus(LEASE), LEASE))
                .isEqualTo(new Claim.InProgressElsewhere(NOW.plus(LEASE)));
    }

    @Test
    void claim_shouldTakeOver_whenTheLeaseExpired_asAfterACrashMidBatch() {
        claims.claim("ev_1", NOW, LEASE);

        Claim takeover = claims.claim("ev_1", NOW.plus(LEASE).plusMillis(1), LEASE);

        assertThat(takeover).isInstanceOfSatisfying(Claim.Claimed.class, c -> assertThat(c.attempt()).isEqualTo(2));
    }

    @Test
    void claim_shouldReportAlreadyDone_whenTheEventCompleted() {
        claims.claim("ev_1", NOW, LEASE);
        claims.complete("ev_1", "POSTED SalesInvoice Invoice/INV000001", NOW.plusSeconds(1));

        assertThat(claims.claim("ev_1", NOW.plus(Duration.ofDays(3)), LEASE))
                .isEqualTo(new Claim.AlreadyDone("POSTED SalesInvoice Invoice/INV000001"));
    }

    @Test
    void claim_shouldReportAlreadyDone_whenCompletedWithoutAClaim() {
        claims.complete("ev_1", "DUPLICATE", NOW);

        assertThat(claims.claim("ev_1", NOW.plusSeconds(1), LEASE)).isEqualTo(new Claim.AlreadyDone("DUPLICATE"));
    }

    @Test
    void claim_shouldSucceedAgain_whenReleasedAfterATransientFailure() {
        claims.claim("ev_1", NOW, LEASE);
        claims.release("ev_1", NOW.plusSeconds(1));

        assertThat(claims.claim("ev_1", NOW.plusSeconds(2), LEASE))
                .isEqualTo(new Claim.Claimed(2, NOW.plusSeconds(2).plus(LEASE)));
    }

    @Test
    void claim_shouldCountEveryAttempt_whenReleasedAgainAndAgain() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            Instant at = NOW.plusSeconds(attempt);
            assertThat(claims.claim("ev_1", at, LEASE)).isEqualTo(new Claim.Claimed(attempt, at.plus(LEASE)));
            claims.release("ev_1", at);
        }
    }

    @Test
    void claim_shouldSucceedAgain_whenHeldEventIsReplayed() {
        claims.claim("ev_1", NOW, LEASE);
        claims.hold("ev_1", "account 49999 does not exist", NOW.plusSeconds(1));

        assertThat(claims.claim("ev_1", NOW.plusSeconds(60), LEASE)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void claim_shouldTreatAnExpiredDedupKeyAsNew_evenWhereTtlNeverDeletesIt() {
        ClaimStore shortLived = store(Duration.ofHours(1));
        shortLived.claim("ev_1", NOW, LEASE);
        shortLived.complete("ev_1", "POSTED", NOW);

        assertThat(shortLived.claim("ev_1", NOW.plus(Duration.ofHours(2)), LEASE)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void claim_shouldReportAlreadyDone_whenTheDedupKeyExpiresThisVerySecond() {
        ClaimStore shortLived = store(Duration.ofHours(1));
        shortLived.claim("ev_1", NOW, LEASE);
        shortLived.complete("ev_1", "POSTED", NOW);

        assertThat(shortLived.claim("ev_1", NOW.plus(Duration.ofHours(1)).plusMillis(999), LEASE))
                .isEqualTo(new Claim.AlreadyDone("POSTED"));
    }

    @Test
    void claim_shouldKeepEventsApart_whenAnotherEventIsClaimed() {
        claims.claim("ev_1", NOW, LEASE);

        assertThat(claims.claim("ev_2", NOW, LEASE)).isEqualTo(new Claim.Claimed(1, NOW.plus(LEASE)));
    }

    @Test
    void claim_shouldGrantExactlyOneOfManyConcurrentDeliveries() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Claim>> deliveries = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                deliveries.add(() -> claims.claim("ev_race", NOW, LEASE));
            }
            long winners = 0;
            for (Future<Claim> result : pool.invokeAll(deliveries)) {
                winners += result.get() instanceof Claim.Claimed ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
