package io.mlconnector.sandbox.acumatica;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's notion of "now": token expiry, timestamps on records and the request log all read it.
 *
 * <p>Either ticking (system time plus an offset, the default, so a demo behaves naturally) or frozen at an instant
 * (deterministic tests). Both can be moved forward with {@link #advance(Duration)}, which is how a test makes an access
 * token expire without sleeping. Thread-safe.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;
    private final AtomicReference<Instant> frozenAt;

    private SandboxClock(Clock base, Duration offset, Instant frozenAt) {
        this.base = base;
        this.offset = new AtomicReference<>(offset);
        this.frozenAt = new AtomicReference<>(frozenAt);
    }

    /** A clock that follows system time (UTC) and can be pushed forward. */
    public static SandboxClock ticking() {
        return new SandboxClock(Clock.systemUTC(), Duration.ZERO, null);
    }

    /** A clock that stands still at {@code instant} until advanced or set. */
    public static SandboxClock frozenAt(Instant instant) {
        return new SandboxClock(Clock.systemUTC(), Duration.ZERO, Objects.requireNonNull(instant, "instant"));
    }

    /** Moves the clock forward (or backward, with a negative duration). */
    public void advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (frozenAt.get() != null) {
            frozenAt.updateAndGet(at -> at.plus(by));
        } else {
            offset.updateAndGet(current -> current.plus(by));
        }
    }

    /** Sets the current instant; a ticking clock keeps ticking from there. */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (frozenAt.get() != null) {
            frozenAt.set(instant);
        } else {
            offset.set(Duration.between(base.instant(), instant));
        }
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt.get();
        return frozen != null ? frozen : base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // The sandbox runs its tenant in UTC; a different zone view is never needed and would fork the offset state.
        throw new UnsupportedOperationException("SandboxClock is always UTC");
    }
}
