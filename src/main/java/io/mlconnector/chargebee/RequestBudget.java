package io.mlconnector.chargebee;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A blocking rolling-window budget: at most {@code requests} starts in any window of {@code window}; a caller over
 * budget waits for the oldest start to leave the window. SmallRye's {@code RateLimit} is the wrong tool here: it
 * rejects instead of waiting, and its rolling window counts rejected attempts too, so retrying it in a loop starves
 * (measured: 50 requests against a 20-per-2-s budget took 100 s instead of about 4 s).
 */
final class RequestBudget {
    /** Time source and sleep, in nanoseconds, so tests can drive the budget without waiting. */
    interface Ticker {
        long nanos();

        void sleep(long nanos) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }

    private final int requests;
    private final long windowNanos;
    private final Ticker ticker;
    private final Deque<Long> starts = new ArrayDeque<>();

    RequestBudget(int requests, Duration window, Ticker ticker) {
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A budget needs at least one request per positive window");
        }
        this.requests = requests;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
    }

    /** Blocks until a request may start within the budget, and records that it started. */
    synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = ticker.nanos();
            while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
                starts.removeFirst();
            }
            if (starts.size() < requests) {
                starts.addLast(now);
                return;
            }
            ticker.sleep(windowNanos - (now - starts.peekFirst()));
        }
    }
}
