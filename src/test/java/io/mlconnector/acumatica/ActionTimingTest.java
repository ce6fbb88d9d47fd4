package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionTimingTest {
    private static final long INTERVAL = 500_000_000L;

    @Test
    void firstWait_shouldBeAQuarterOfTheInterval_whenNothingIsLearntYet() {
        assertThat(new ActionTiming().firstWaitNanos(INTERVAL)).isEqualTo(125_000_000L);
    }

    @Test
    void firstWait_shouldBeWhatTheLastReleaseTook_whenItNeededMoreThanOnePoll() {
        ActionTiming timing = new ActionTiming();

        timing.completed(300_000_000L, false);

        assertThat(timing.firstWaitNanos(INTERVAL)).isEqualTo(300_000_000L);
    }

    @Test
    void firstWait_shouldShrinkByATenth_whenTheFirstPollFoundItDone_andNeverGoBelowATwentiethOrAboveTheInterval() {
        ActionTiming timing = new ActionTiming();
        timing.completed(300_000_000L, false);

        timing.completed(300_000_000L, true);
        assertThat(timing.firstWaitNanos(INTERVAL)).isEqualTo(270_000_000L);

        for (int i = 0; i < 100; i++) {
            timing.completed(1, true);
        }
        assertThat(timing.firstWaitNanos(INTERVAL)).isEqualTo(INTERVAL / 20);
        timing.completed(5_000_000_000L, false);
        assertThat(timing.firstWaitNanos(INTERVAL)).isEqualTo(INTERVAL);
    }
}
