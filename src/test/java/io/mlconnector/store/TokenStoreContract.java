package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.acumatica.auth.AccessToken;
import io.mlconnector.acumatica.auth.TokenStore;
import io.mlconnector.acumatica.auth.TokenStore.Stored;
import io.mlconnector.secrets.Secret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenStore} does: one token chain shared by all containers, replaced only by whoever read the
 * version now stored, so two containers refreshing at once cannot both win (the loser re-reads and uses theirs).
 */
public abstract class TokenStoreContract {
    private static final Instant EXPIRES = Instant.parse("2026-12-03T11:00:00Z");

    private TokenStore tokens;

    /** A token store on an empty table. */
    protected abstract TokenStore store();

    @BeforeEach
    void setUpContract() {
        tokens = store();
    }

    @Test
    void read_shouldBeEmpty_whenNoContainerHasSignedIn() {
        assertThat(tokens.read()).isEmpty();
    }

    @Test
    void replace_shouldStoreTheFirstChainAsVersionOne_whenNoneWasStored() {
        assertThat(tokens.replace(0, token("access-1", "refresh-1"))).isTrue();

        assertThat(tokens.read()).contains(new Stored(token("access-1", "refresh-1"), 1));
    }

    @Test
    void replace_shouldMoveToTheNextVersion_whenTheExpectedOneIsStored() {
        tokens.replace(0, token("access-1", "refresh-1"));

        assertThat(tokens.replace(1, token("access-2", "refresh-2"))).isTrue();
        assertThat(tokens.read()).contains(new Stored(token("access-2", "refresh-2"), 2));
    }

    @Test
    void replace_shouldRefuseAndKeepTheWinnersChain_whenAnotherContainerReplacedItFirst() {
        tokens.replace(0, token("access-1", "refresh-1"));
        long readByBoth = tokens.read().orElseThrow().version();

        assertThat(tokens.replace(readByBoth, token("access-a", "refresh-a"))).isTrue();
        assertThat(tokens.replace(readByBoth, token("access-b", "refresh-b"))).isFalse();
        assertThat(tokens.read()).contains(new Stored(token("access-a", "refresh-a"), 2));
    }

    @Test
    void replace_shouldRefuse_whenExpectingAVersionNeverStored() {
        assertThat(tokens.replace(3, token("access-1", "refresh-1"))).isFalse();
        assertThat(tokens.read()).isEmpty();
    }

    @Test
    void replace_shouldDropTheOldRefreshToken_whenTheNewChainHasNone() {
        tokens.replace(0, token("access-1", "refresh-1"));

        tokens.replace(1, new AccessToken(Secret.of("access-2"), Optional.empty(), EXPIRES));

        assertThat(tokens.read()).get().extracting(stored -> stored.token().refreshToken()).isEqualTo(Optional.empty());
    }

    @Test
    void read_shouldKeepTheExpiryToTheMillisecond_whenGivenAFinerOne() {
        tokens.replace(0, new AccessToken(Secret.of("access-1"), Optional.empty(), EXPIRES.plusNanos(1_234_567)));

        assertThat(tokens.read()).get().extracting(stored -> stored.token().expiresAt())
                .isEqualTo(EXPIRES.plusMillis(1));
    }

    @Test
    void replace_shouldLetExactlyOneOfManyContainersWin_whenAllReadTheSameVersion() throws Exception {
        tokens.replace(0, token("access-0", "refresh-0"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> containers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                AccessToken theirs = token("access-" + i, "refresh-" + i);
                containers.add(() -> tokens.replace(1, theirs));
            }
            long winners = 0;
            for (Future<Boolean> won : pool.invokeAll(containers)) {
                winners += won.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(tokens.read()).get().extracting(Stored::version).isEqualTo(2L);
        } finally {
            pool.shutdownNow();
        }
    }

    private static AccessToken token(String access, String refresh) {
        return new AccessToken(Secret.of(access), Optional.of(Secret.of(refresh)), EXPIRES);
    }
}
