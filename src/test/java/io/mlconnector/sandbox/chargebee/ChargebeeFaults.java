package io.mlconnector.sandbox.chargebee;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Faults the sandbox injects into authenticated API requests, under test control.
 *
 * <p>Each request first waits out a pending {@link #delayNext delay}, then takes at most one failure, in this order:
 * dropped connection, truncated response, counted 429, time-window 429, counted 503, seeded random failure. Counted faults are consumed
 * one per request, so {@code rateLimitNext(2, 1)} fails exactly the next two requests. Windows use the real system
 * clock (not the sandbox's event clock): {@code Retry-After} is real seconds to a real client.
 *
 * <p>All methods are thread-safe and return {@code this} for chaining.
 */
public final class ChargebeeFaults {

    /** What to do with one request. {@code delay} is {@link Duration#ZERO} when none. */
    record Decision(Duration delay, Kind kind, int retryAfterSeconds) {
        enum Kind { NONE, DROP_CONNECTION, TRUNCATE_RESPONSE, RATE_LIMIT, SERVICE_UNAVAILABLE }
    }

    private final Clock wallClock;
    private int delayRemaining;
    private Duration delay = Duration.ZERO;
    private int dropRemaining;
    private int truncateRemaining;
    private int rateLimitRemaining;
    private int rateLimitRetryAfter;
    private Instant rateLimitUntil = Instant.MIN;
    private int windowRetryAfter;
    private int unavailableRemaining;
    private Random random;
    private double randomProbability;
    private int randomRetryAfter;

    ChargebeeFaults(Clock wallClock) {
        this.wallClock = wallClock;
    }

    /** The next {@code n} requests get 429 {@code api_request_limit_exceeded} with {@code Retry-After}. */
    public synchronized ChargebeeFaults rateLimitNext(int n, int retryAfterSeconds) {
        requireCount(n);
        requireRetryAfter(retryAfterSeconds);
        rateLimitRemaining = n;
        rateLimitRetryAfter = retryAfterSeconds;
        return this;
    }

    /** Every request for {@code window} from now gets 429 with {@code Retry-After}, like a blocked test site. */
    public synchronized ChargebeeFaults rateLimitFor(Duration window, int retryAfterSeconds) {
        requireRetryAfter(retryAfterSeconds);
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative");
        }
        rateLimitUntil = wallClock.instant().plus(window);
        windowRetryAfter = retryAfterSeconds;
        return this;
    }

    /** The next {@code n} requests get 503 {@code site_not_ready}. */
    public synchronized ChargebeeFaults serviceUnavailableNext(int n) {
        requireCount(n);
        unavailableRemaining = n;
        return this;
    }

    /** The next {@code n} requests are held for {@code delay} before being answered (use it to trip timeouts). */
    public synchronized ChargebeeFaults delayNext(int n, Duration delay) {
        requireCount(n);
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        delayRemaining = n;
        this.delay = delay;
        return this;
    }

    /**
     * The next {@code n} requests are read and then the socket is closed without any response byte.
     *
     * <p>Note for JDK {@code HttpClient} users (measured on JDK 17): the client silently retries a GET once when the
     * connection closes before any response byte, so one drop is absorbed and the retry consumes a second drop. Use
     * {@code n >= 2} to make the caller see the {@code IOException}, or {@link #truncateResponseNext} for a failure
     * that no client retries by itself.
     */
    public synchronized ChargebeeFaults dropConnectionNext(int n) {
        requireCount(n);
        dropRemaining = n;
        return this;
    }

    /**
     * The next {@code n} requests get a {@code 200} status line, a {@code Content-Length} for the full body and only
     * half of it, then the socket closes: a connection lost mid-response. Clients see an {@code IOException} while
     * reading the body and do not retry on their own.
     */
    public synchronized ChargebeeFaults truncateResponseNext(int n) {
        requireCount(n);
        truncateRemaining = n;
        return this;
    }

    /**
     * Buggify-style noise: each request fails with probability {@code probability}, alternating between 429 (with
     * {@code retryAfterSeconds}) and 503 as drawn from a {@link Random} seeded with {@code seed}. The sequence is
     * reproducible when requests arrive in the same order.
     */
    public synchronized ChargebeeFaults randomTransientFailures(long seed, double probability, int retryAfterSeconds) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be within [0, 1]");
        }
        requireRetryAfter(retryAfterSeconds);
        random = new Random(seed);
        randomProbability = probability;
        randomRetryAfter = retryAfterSeconds;
        return this;
    }

    /** Cancels every pending fault. */
    public synchronized void clear() {
        delayRemaining = 0;
        delay = Duration.ZERO;
        dropRemaining = 0;
        truncateRemaining = 0;
        rateLimitRemaining = 0;
        rateLimitUntil = Instant.MIN;
        unavailableRemaining = 0;
        random = null;
    }

    /** Decides the fate of one authenticated request, consuming counted faults. */
    synchronized Decision next() {
        Duration wait = Duration.ZERO;
        if (delayRemaining > 0) {
            delayRemaining--;
            wait = delay;
        }
        if (dropRemaining > 0) {
            dropRemaining--;
            return new Decision(wait, Decision.Kind.DROP_CONNECTION, 0);
        }
        if (truncateRemaining > 0) {
            truncateRemaining--;
            return new Decision(wait, Decision.Kind.TRUNCATE_RESPONSE, 0);
        }
        if (rateLimitRemaining > 0) {
            rateLimitRemaining--;
            return new Decision(wait, Decision.Kind.RATE_LIMIT, rateLimitRetryAfter);
        }
        if (wallClock.instant().isBefore(rateLimitUntil)) {
            return new Decision(wait, Decision.Kind.RATE_LIMIT, windowRetryAfter);
        }
        if (unavailableRemaining > 0) {
            unavailableRemaining--;
            return new Decision(wait, Decision.Kind.SERVICE_UNAVAILABLE, 0);
        }
        if (random != null && random.nextDouble() < randomProbability) {
            return random.nextBoolean()
                    ? new Decision(wait, Decision.Kind.RATE_LIMIT, randomRetryAfter)
                    : new Decision(wait, Decision.Kind.SERVICE_UNAVAILABLE, 0);
        }
        return new Decision(wait, Decision.Kind.NONE, 0);
    }

    private static void requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + n);
        }
    }

    private static void requireRetryAfter(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative, was " + seconds);
        }
    }
}
