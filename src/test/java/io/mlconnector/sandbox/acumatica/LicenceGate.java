package io.mlconnector.sandbox.acumatica;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Acumatica's licence limits on API requests ("License Restrictions for API Users"):
 * <ul>
 *   <li>requests are processed by at most N "API processing cores" (a fair semaphore, so waiting requests are served
 *       in arrival order); excess requests wait in a queue;</li>
 *   <li>the per-minute rule of {@link RequestRateWindow} delays requests once half the minute's budget is used (a
 *       delayed request counts as queued while it waits);</li>
 *   <li>a request is declined with 429 when the queue already holds {@value #QUEUE_LIMIT} requests (the doc's worked
 *       example: 50 concurrent requests, 16 cores → 16 run, 20 queue, 14 are declined), or when it has waited longer
 *       than the configured maximum (10 minutes in Acumatica).</li>
 * </ul>
 * Sign-out is never gated; the caller decides which requests pass through here. Delays and queue waits are real
 * time (threads sleep); the per-minute window follows the sandbox clock. Thread-safe.
 */
final class LicenceGate {

    /** The queue holds at most this many waiting requests; one more is declined. */
    static final int QUEUE_LIMIT = 20;

    /** Held while a request is processed; closing it frees the core. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore cores;
    private final Duration maxQueueWait;
    private final RequestRateWindow rateWindow;
    private int running;
    private int queued;
    private long processed;
    private long delayed;
    private long declined;
    private int maxObservedConcurrency;

    LicenceGate(AcumaticaSandboxOptions.LicenceLimits limits, Clock clock) {
        // "Unlimited" is a semaphore too large to run out, so one code path serves both cases.
        this.cores = new Semaphore(limits.concurrentRequests() > 0 ? limits.concurrentRequests() : Integer.MAX_VALUE,
                true);
        this.maxQueueWait = limits.maxQueueWait();
        this.rateWindow = new RequestRateWindow(limits.requestsPerMinute(), clock);
    }

    /**
     * Waits for a core (and out any per-minute delay). Empty means the request is declined and must be answered
     * with 429 without being processed.
     */
    Optional<Permit> admit() throws InterruptedException {
        long arrivedAt = System.nanoTime();
        RequestRateWindow.Reservation reservation = rateWindow.reserve();
        boolean mustWait = !reservation.delay().isZero() || !cores.tryAcquire(0, TimeUnit.SECONDS);
        if (!mustWait) {
            return Optional.of(started());
        }
        if (!enqueue()) {
            rateWindow.cancel(reservation);
            return Optional.empty();
        }
        boolean acquired = false;
        try {
            if (!reservation.delay().isZero()) {
                countDelayed();
                Thread.sleep(reservation.delay().toMillis());
            }
            long waitedNanos = System.nanoTime() - arrivedAt;
            long leftNanos = Math.max(0, maxQueueWait.toNanos() - waitedNanos);
            acquired = cores.tryAcquire(leftNanos, TimeUnit.NANOSECONDS);
        } finally {
            leaveQueue(acquired);
        }
        return acquired ? Optional.of(started()) : Optional.empty();
    }

    synchronized LicenceStatistics statistics() {
        return new LicenceStatistics(processed, delayed, declined, maxObservedConcurrency, running, queued);
    }

    /** Zeroes the counters (requests in flight keep counting as running/queued) and forgets the minute's log. */
    synchronized void resetStatistics() {
        processed = 0;
        delayed = 0;
        declined = 0;
        maxObservedConcurrency = running;
        rateWindow.clear();
    }

    private synchronized boolean enqueue() {
        if (queued >= QUEUE_LIMIT) {
            declined++;
            return false;
        }
        queued++;
        return true;
    }

    private synchronized void countDelayed() {
        delayed++;
    }

    private synchronized void leaveQueue(boolean acquired) {
        queued--;
        if (!acquired) {
            declined++;
        }
    }

    private synchronized Permit started() {
        running++;
        processed++;
        maxObservedConcurrency = Math.max(maxObservedConcurrency, running);
        return new Permit() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (LicenceGate.this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    running--;
                }
                cores.release();
            }
        };
    }
}
