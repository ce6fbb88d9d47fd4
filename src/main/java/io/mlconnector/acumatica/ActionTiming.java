package io.mlconnector.acumatica;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How long this container's long-running actions (releases) take, learnt from the ones before, so the first status
 * poll comes about when the action is done: too early costs a licensed request that answers 202, too late keeps the
 * worker idle. After a poll that found it done at the first try the estimate shrinks a little (probing for faster
 * releases); after one that needed more polls it grows to what that release took. Thread-safe; no clock of its own,
 * the caller measures.
 */
final class ActionTiming {
    /** Nothing learnt yet: the first poll comes after this share of the configured poll interval. */
    private static final int UNKNOWN_DIVISOR = 4;
    /** Never wait less than this share of the poll interval before the first poll. */
    private static final int FLOOR_DIVISOR = 20;
    private static final double SHRINK = 0.9;

    private final AtomicLong expectedNanos = new AtomicLong(-1);

    /** The wait before the first poll, between a twentieth and the whole of the configured poll interval. */
    long firstWaitNanos(long pollIntervalNanos) {
        long expected = expectedNanos.get();
        long wait = expected < 0 ? pollIntervalNanos / UNKNOWN_DIVISOR : expected;
        return Math.max(pollIntervalNanos / FLOOR_DIVISOR, Math.min(wait, pollIntervalNanos));
    }

    /**
     * @param tookNanos  from the action's 202 to the poll that answered 204 (an upper bound of its real duration)
     * @param firstPoll  whether that was the first poll
     */
    void completed(long tookNanos, boolean firstPoll) {
        expectedNanos.updateAndGet(expected -> firstPoll && expected >= 0 ? (long) (expected * SHRINK) : tookNanos);
    }
}
