package io.mlconnector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where and how the connector reads Chargebee. */
@ConfigMapping(prefix = "chargebee")
public interface ChargebeeConfig {

    /** Chargebee site name, e.g. {@code acme} or {@code acme-test}; the API host is {@code https://{site}.chargebee.com/api/v2}. */
    String site();

    /** Full API base URL override (regions, proxies, the sandbox), e.g. {@code https://acme.eu.example/api/v2}. */
    Optional<String> baseUrl();

    /** Longest wait honoured from a 429's Retry-After header before the next attempt. */
    @WithDefault("60s")
    Duration retryAfterCap();

    /** Client-side request budget of one Lambda container for this site. */
    RateLimit rateLimit();

    /** Line items fetched per call when completing a truncated invoice or credit note. */
    @WithDefault("300")
    int lineItemsPageSize();

    interface RateLimit {
        /**
         * Requests allowed per window by one container. Chargebee allows 150/min on test sites and Starter plans
         * (1,000 Performance, 3,500 Enterprise) for the whole site: divide by the number of containers that may call
         * it at once (worker maximum concurrency + 1 poller); the default suits a test site with concurrency 2.
         */
        @WithDefault("50")
        int requests();

        /** The window the budget applies to. */
        @WithDefault("1m")
        Duration window();
    }

    /** The API base URL: the override when set, otherwise derived from the site name. */
    default String apiBaseUrl() {
        return baseUrl().filter(url -> !url.isBlank())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse("https://" + site() + ".chargebee.com/api/v2");
    }
}
