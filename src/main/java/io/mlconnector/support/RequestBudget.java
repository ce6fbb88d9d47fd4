package io.mlconnector.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A blocking rolling-window budget: at most {@code requests} requests in any window of {@code window}; a caller over
 * budget waits for the oldest to leave the window. A request leaves the window measured from when its answer came
 * back, not from when it was sent: the site counts arrivals, which lie somewhere in between, so measuring from the
 * answer keeps the site's count within budget whatever the network's latency. SmallRye's {@code RateLimit} is the wrong tool here: it
 * rejects instead of waiting, and its rolling window counts rejected attempts too, so retrying it in a loop starves
 * (measured: 50 requests against a 20-per-2-s budget took 100 s instead of about 4 s).
 */
public final class RequestBudget {
    /** Time source and sleep, in nanoseconds, so tests can drive the budget without waiting. */
    public interface Ticker {
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
    /** One slot per request in the window: its completion time, or {@link Long#MAX_VALUE} while in flight. */
    private final Deque<long[]> slots = new ArrayDeque<>();

    public RequestBudget(int requests, Duration window, Ticker ticker) {
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A budget needs at least one request per positive window");
        }
        this.requests = requests;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
    }

    /** Blocks until a request may start within the budget; call {@link Permit#release()} when its answer is back. */
    public Permit acquire() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = ticker.nanos();
                slots.removeIf(slot -> slot[0] != Long.MAX_VALUE && now - slot[0] >= windowNanos);
                if (slots.size() < requests) {
                    long[] slot = {Long.MAX_VALUE};
                    slots.addLast(slot);
                    return new Permit(slot);
                }
                long oldestDone = slots.stream().mapToLong(slot -> slot[0]).min().orElse(now);
                // All in flight: look again shortly; otherwise wait for the earliest answer to leave the window.
                wait = oldestDone == Long.MAX_VALUE ? windowNanos / Math.max(1, requests) : windowNanos - (now - oldestDone);
            }
            ticker.sleep(Math.max(1, wait));
        }
    }

    /** A request's place in the window. */
    public final class Permit {
        private final long[] slot;

        private Permit(long[] slot) {
            this.slot = slot;
        }

        /** The answer is back (or the request failed): from now the slot ages out of the window. */
        public void release() {
            synchronized (RequestBudget.this) {
                slot[0] = ticker.nanos();
            }
        }
    }
}
