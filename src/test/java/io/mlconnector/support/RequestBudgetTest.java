package io.mlconnector.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {
    /** A clock that only moves when the budget sleeps. */
    private static final class FakeTicker implements RequestBudget.Ticker {
        long now;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void acquire_shouldLetTheBudgetThroughAtOnce_thenWaitForTheOldestToLeaveTheWindow() throws Exception {
        FakeTicker ticker = new FakeTicker();
        RequestBudget budget = new RequestBudget(3, Duration.ofSeconds(60), ticker);

        budget.acquire().release();
        ticker.now += Duration.ofSeconds(10).toNanos();
        budget.acquire().release();
        budget.acquire().release();
        budget.acquire().release();

        assertThat(ticker.sleeps).containsExactly(Duration.ofSeconds(50).toNanos());
        assertThat(ticker.now).isEqualTo(Duration.ofSeconds(60).toNanos());
    }

    @Test
    void acquire_shouldCountTheWindowFromTheAnswer_soSlowRequestsCannotCrowdTheSite() throws Exception {
        FakeTicker ticker = new FakeTicker();
        RequestBudget budget = new RequestBudget(1, Duration.ofSeconds(10), ticker);

        RequestBudget.Permit slow = budget.acquire();
        ticker.now += Duration.ofSeconds(4).toNanos();
        slow.release();
        budget.acquire();

        assertThat(Duration.ofNanos(ticker.now)).isEqualTo(Duration.ofSeconds(14));
    }

    @Test
    void acquire_shouldNeverAllowMoreThanTheBudgetInAnyWindow_overALongRun() throws Exception {
        FakeTicker ticker = new FakeTicker();
        RequestBudget budget = new RequestBudget(150, Duration.ofMinutes(1), ticker);
        List<Long> starts = new ArrayList<>();

        for (int i = 0; i < 1_000; i++) {
            RequestBudget.Permit permit = budget.acquire();
            starts.add(ticker.now);
            ticker.now += Duration.ofMillis(5).toNanos(); // the request's latency
            permit.release();
        }

        long window = Duration.ofMinutes(1).toNanos();
        for (int i = 150; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 150)).isGreaterThanOrEqualTo(window);
        }
        assertThat(Duration.ofNanos(ticker.now).toMinutes()).as("1,000 requests at 150/min take about 6 minutes")
                .isBetween(6L, 7L);
    }
}
