package io.mlconnector.sandbox.acumatica;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The per-minute rule of Acumatica's licence, on a sliding one-minute log: once the requests processed in the last
 * minute reach 50 % of the limit, each new request is delayed by (time left in the window) ÷ (requests left in the
 * budget). The window is the minute that began with the oldest request still in the log.
 *
 * <p>A request takes its place in the log when it is admitted, at the instant it will be processed (now + its
 * delay), so requests arriving together see each other and get growing delays instead of all waking at once.
 * Times come from the sandbox clock, so a test can age the window by advancing it. Thread-safe.
 */
final class RequestRateWindow {

    static final Duration WINDOW = Duration.ofMinutes(1);

    /** A place in the log, handed back if the request is declined after all. */
    record Reservation(Instant at, Duration delay) {
    }

    private final int limitPerMinute;
    private final Clock clock;
    private final Deque<Instant> log = new ArrayDeque<>();

    /** @param limitPerMinute 0 for no limit */
    RequestRateWindow(int limitPerMinute, Clock clock) {
        this.limitPerMinute = limitPerMinute;
        this.clock = clock;
    }

    synchronized Reservation reserve() {
        Instant now = clock.instant();
        if (limitPerMinute == 0) {
            return new Reservation(now, Duration.ZERO);
        }
        while (!log.isEmpty() && !log.peekFirst().isAfter(now.minus(WINDOW))) {
            log.removeFirst();
        }
        int inWindow = log.size();
        Duration delay = Duration.ZERO;
        if (inWindow * 2 >= limitPerMinute) {
            Duration timeLeft = Duration.between(now, log.peekFirst().plus(WINDOW));
            int requestsLeft = Math.max(1, limitPerMinute - inWindow);
            delay = timeLeft.isNegative() ? Duration.ZERO : timeLeft.dividedBy(requestsLeft);
        }
        Instant at = now.plus(delay);
        log.addLast(at);
        return new Reservation(at, delay);
    }

    synchronized void cancel(Reservation reservation) {
        log.removeLastOccurrence(reservation.at());
    }

    synchronized void clear() {
        log.clear();
    }
}
