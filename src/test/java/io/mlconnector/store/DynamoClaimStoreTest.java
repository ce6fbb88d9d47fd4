package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.config.StoreConfig;
import io.mlconnector.config.SyncConfig;
import io.mlconnector.store.ClaimStore.Claim;
import io.mlconnector.store.dynamodb.DynamoClaimStore;
import io.mlconnector.testing.Dynalite;
import io.mlconnector.testing.StandIns;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The dedup claim on dynalite: one conditional write decides every race between deliveries of one event. */
class DynamoClaimStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private DynamoDbClient dynamo;
    private ClaimStore claims;

    @BeforeEach
    void setUp() {
        Dynalite dynalite = StandIns.shared().dynamo();
        dynalite.reset();
        dynamo = dynalite.client();
        claims = new DynamoClaimStore(dynamo, () -> Dynalite.TABLE, syncConfig(Duration.ofDays(30)));
    }

    @AfterEach
    void tearDown() {
        dynamo.close();
    }

    @Test
    void claim_shouldSucceed_whenEventIsNew() {
        assertThat(claims.claim("ev_1", NOW, LEASE)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void claim_shouldReportInProgressElsewhere_whenAnotherDeliveryHoldsAValidLease() {
        claims.claim("ev_1", NOW, LEASE);

        Claim second = claims.claim("ev_1", NOW.plusSeconds(10), LEASE);

        assertThat(second).isEqualTo(new Claim.InProgressElsewhere(NOW.plus(LEASE)));
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
    void claim_shouldSucceedAgain_whenReleasedAfterATransientFailure() {
        claims.claim("ev_1", NOW, LEASE);
        claims.release("ev_1", NOW.plusSeconds(1));

        assertThat(claims.claim("ev_1", NOW.plusSeconds(2), LEASE)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void claim_shouldSucceedAgain_whenHeldEventIsReplayed() {
        claims.claim("ev_1", NOW, LEASE);
        claims.hold("ev_1", "account 49999 does not exist", NOW.plusSeconds(1));

        assertThat(claims.claim("ev_1", NOW.plusSeconds(60), LEASE)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void claim_shouldTreatAnExpiredDedupKeyAsNew_evenWhereTtlNeverDeletesIt() {
        ClaimStore shortLived = new DynamoClaimStore(dynamo, () -> Dynalite.TABLE, syncConfig(Duration.ofHours(1)));
        shortLived.claim("ev_1", NOW, LEASE);
        shortLived.complete("ev_1", "POSTED", NOW);

        assertThat(shortLived.claim("ev_1", NOW.plus(Duration.ofHours(2)), LEASE)).isInstanceOf(Claim.Claimed.class);
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

    /** Only the durations the claim store reads; everything else would be a mistake to touch. */
    static SyncConfig syncConfig(Duration dedupRetention) {
        return (SyncConfig) Proxy.newProxyInstance(SyncConfig.class.getClassLoader(), new Class<?>[] {SyncConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "dedupRetention" -> dedupRetention;
                    case "auditRetention" -> Duration.ofDays(400);
                    case "claimLease" -> LEASE;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
