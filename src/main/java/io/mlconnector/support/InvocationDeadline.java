package io.mlconnector.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the current Lambda invocation runs out of time, for this thread. Remote calls ask before they start: a call or a
 * retry the remaining time cannot cover is not started, and the message comes back for the next delivery instead of
 * the function being killed mid-post. The poller sets it too, and starts no page within
 * {@code sync.poller.time-reserve} of it. Unset (backfill, preflight, tests that do not say) means no deadline.
 */
@ApplicationScoped
public class InvocationDeadline {
    /** What one remote call may need, waits for the request budget included. */
    public static final Duration CALL_RESERVE = Duration.ofSeconds(10);

    private final ThreadLocal<Instant> end = new ThreadLocal<>();
    private final Clock clock;

    public InvocationDeadline(Clock clock) {
        this.clock = clock;
    }

    public void set(Instant invocationEnds) {
        end.set(invocationEnds);
    }

    public void clear() {
        end.remove();
    }

    public Optional<Instant> end() {
        return Optional.ofNullable(end.get());
    }

    /** @throws Reached when less than {@link #CALL_RESERVE} is left for {@code operation} */
    public void requireTimeFor(String operation) {
        requireTimeFor(operation, Duration.ZERO);
    }

    /**
     * For a retry that first waits: the wait and the call after it must both fit.
     *
     * @throws Reached when less than {@code wait} plus {@link #CALL_RESERVE} is left
     */
    public void requireTimeFor(String operation, Duration wait) {
        Instant ends = end.get();
        if (ends != null && Duration.between(clock.instant(), ends).compareTo(CALL_RESERVE.plus(wait)) < 0) {
            throw new Reached(operation);
        }
    }

    /** The invocation is about to run out of time: nothing new is started, the message comes back. */
    public static final class Reached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reached(String operation) {
            super("the invocation's time ran out before " + operation + "; the event comes back for the next delivery");
        }
    }
}
