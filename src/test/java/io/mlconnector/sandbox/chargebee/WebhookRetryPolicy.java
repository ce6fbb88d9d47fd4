package io.mlconnector.sandbox.chargebee;

import java.time.Duration;

/**
 * How the sandbox retries a webhook that got no 2xx.
 *
 * <p>Divergence, on purpose: real Chargebee retries up to 7 times after the failure at +2 min, +6 min, +30 min,
 * +1 h, +5 h, +1 d, +2 d (last retry about 3 days 7 hours after the event). Tests cannot wait that long, so the
 * sandbox retries immediately, in the calling thread, after a short fixed pause.
 *
 * @param maxRetries        retries after the first attempt (0 = one attempt only)
 * @param delayBetweenTries pause before each retry
 * @param requestTimeout    how long one attempt may take before it counts as failed
 */
public record WebhookRetryPolicy(int maxRetries, Duration delayBetweenTries, Duration requestTimeout) {

    /** The number of retries real Chargebee makes. */
    public static final int CHARGEBEE_MAX_RETRIES = 7;

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public WebhookRetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        if (delayBetweenTries.isNegative() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("delays must not be negative and the timeout must be positive");
        }
    }

    /** One attempt, no retry. */
    public static WebhookRetryPolicy noRetries() {
        return new WebhookRetryPolicy(0, Duration.ZERO, DEFAULT_TIMEOUT);
    }

    /** {@code maxRetries} retries, each after {@code delay}. */
    public static WebhookRetryPolicy retries(int maxRetries, Duration delay) {
        return new WebhookRetryPolicy(maxRetries, delay, DEFAULT_TIMEOUT);
    }

    /** Chargebee's retry count with a test-sized pause. */
    public static WebhookRetryPolicy chargebeeLike(Duration delay) {
        return retries(CHARGEBEE_MAX_RETRIES, delay);
    }
}
