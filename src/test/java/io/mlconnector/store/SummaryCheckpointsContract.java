package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SummaryCheckpoints} does: one checkpoint per period, exact sums, replaced only on the version read. */
public abstract class SummaryCheckpointsContract {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final String PERIOD = "2026-05";

    private SummaryCheckpoints checkpoints;

    /** Checkpoints on an empty table. */
    protected abstract SummaryCheckpoints store();

    @BeforeEach
    void setUpContract() {
        checkpoints = store();
    }

    @Test
    void read_shouldBeEmpty_whenNoRunStoredOne() {
        assertThat(checkpoints.read(PERIOD)).isEmpty();
    }

    @Test
    void replace_shouldStoreEveryFieldAndEveryDigitOfTheSums_andReadItBackWithTheNextVersion() {
        SummaryCheckpoint stopped = new SummaryCheckpoint(PERIOD, "3f2a9c0d11e4b7a8", "credit_note",
                Optional.of("[\"1779000000\",\"CN-7\"]"), false, Map.of("invoice", 20_512L, "credit_note", 100L),
                Map.of("USD", Map.of("ar", new BigDecimal("123456789012345678901234567.89"),
                                "cash:10200", new BigDecimal("-0.01"), "credit:40000", new BigDecimal("1000")),
                        "JPY", Map.of("ar", new BigDecimal("1200"))),
                Map.of(), Optional.empty());

        assertThat(checkpoints.replace(0, stopped, NOW)).isTrue();

        SummaryCheckpoints.Stored stored = checkpoints.read(PERIOD).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.checkpoint()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(stopped);
    }

    @Test
    void replace_shouldStoreAPostedCheckpoint_withItsJournalsAndWhen() {
        SummaryCheckpoint posted = new SummaryCheckpoint(PERIOD, "3f2a9c0d11e4b7a8", "transaction", Optional.empty(),
                true, Map.of("invoice", 3L), Map.of(), Map.of("USD", "GL/000042", "USD adjustment 1", "GL/000051"),
                Optional.of(NOW));

        checkpoints.replace(0, posted, NOW);

        assertThat(checkpoints.read(PERIOD)).map(SummaryCheckpoints.Stored::checkpoint).contains(posted);
    }

    @Test
    void replace_shouldWriteNothing_whenAnotherRunWroteSinceTheVersionRead() {
        checkpoints.replace(0, checkpoint(1), NOW);
        checkpoints.replace(1, checkpoint(2), NOW);

        assertThat(checkpoints.replace(1, checkpoint(3), NOW)).isFalse();
        assertThat(checkpoints.replace(0, checkpoint(4), NOW)).isFalse();

        assertThat(checkpoints.read(PERIOD)).contains(new SummaryCheckpoints.Stored(checkpoint(2), 2));
    }

    @Test
    void replace_shouldKeepPeriodsApart() {
        checkpoints.replace(0, checkpoint(1), NOW);

        assertThat(checkpoints.read("2026-06")).isEmpty();
    }

    private static SummaryCheckpoint checkpoint(long invoicesRead) {
        return new SummaryCheckpoint(PERIOD, "m", "invoice", Optional.of("offset-" + invoicesRead), false,
                Map.of("invoice", invoicesRead), Map.of(), Map.of(), Optional.empty());
    }
}
