package io.mlconnector.soak;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The wall clock plus a lead the harness moves forward: leases, claims and visibility timeouts expire when the harness
 * says so, without waiting for them. Never goes back.
 */
public final class VirtualClock extends Clock {
    private final AtomicReference<Duration> lead = new AtomicReference<>(Duration.ZERO);

    /** Moves time forward by {@code step} (nothing happens for zero or negative steps). */
    public void advance(Duration step) {
        if (!step.isNegative()) {
            lead.accumulateAndGet(step, Duration::plus);
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(lead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the connector's clock is UTC");
    }
}
