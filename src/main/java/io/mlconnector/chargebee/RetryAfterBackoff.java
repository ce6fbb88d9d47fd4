package io.mlconnector.chargebee;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits what Chargebee asks for on a 429 ({@code Retry-After}, plus a little jitter so parallel workers do not return
 * in step), otherwise backs off exponentially from the {@code @Retry} delay. Never waits less than Retry-After.
 */
public class RetryAfterBackoff implements CustomBackoffStrategy {
    static final long EXPONENTIAL_CAP_MILLIS = 30_000;
    static final long JITTER_MILLIS = 250;

    private long initialDelayMillis;
    private int attempts;

    @Override
    public void init(long initialDelayInMillis) {
        this.initialDelayMillis = Math.max(1, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long jitter = ThreadLocalRandom.current().nextLong(JITTER_MILLIS + 1);
        if (cause instanceof ChargebeeException.Transient transientFailure && transientFailure.retryAfter().isPresent()) {
            attempts++;
            return transientFailure.retryAfter().get().toMillis() + jitter;
        }
        long exponential = initialDelayMillis << Math.min(attempts++, 16);
        return Math.min(exponential, EXPONENTIAL_CAP_MILLIS) + jitter;
    }
}
