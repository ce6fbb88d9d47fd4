package io.mlconnector.sandbox.chargebee;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to start a {@link ChargebeeSandbox}.
 *
 * @param port          TCP port on 127.0.0.1; 0 picks a free one
 * @param siteName      the Chargebee site name ({@code domain} in {@code /configurations})
 * @param apiKey        the only API key the sandbox accepts (as the Basic-auth user name)
 * @param dataDirectory a data directory to seed from (see {@link ChargebeeSandbox#loadDirectory}), or {@code null}
 * @param clock         the clock for {@code occurred_at} of events added without one
 */
public record ChargebeeSandboxOptions(int port, String siteName, String apiKey, Path dataDirectory, Clock clock) {

    public static final String DEFAULT_SITE = "sandbox-test";
    public static final String DEFAULT_API_KEY = "test_sandbox_api_key";

    public ChargebeeSandboxOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        if (siteName == null || siteName.isBlank()) {
            throw new IllegalArgumentException("siteName must not be blank");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** Dynamic port, site {@value #DEFAULT_SITE}, key {@value #DEFAULT_API_KEY}, no seed data, system UTC clock. */
    public static ChargebeeSandboxOptions defaults() {
        return new ChargebeeSandboxOptions(0, DEFAULT_SITE, DEFAULT_API_KEY, null, Clock.systemUTC());
    }

    public ChargebeeSandboxOptions withPort(int newPort) {
        return new ChargebeeSandboxOptions(newPort, siteName, apiKey, dataDirectory, clock);
    }

    public ChargebeeSandboxOptions withSiteName(String newSiteName) {
        return new ChargebeeSandboxOptions(port, newSiteName, apiKey, dataDirectory, clock);
    }

    public ChargebeeSandboxOptions withApiKey(String newApiKey) {
        return new ChargebeeSandboxOptions(port, siteName, newApiKey, dataDirectory, clock);
    }

    public ChargebeeSandboxOptions withDataDirectory(Path newDataDirectory) {
        return new ChargebeeSandboxOptions(port, siteName, apiKey, newDataDirectory, clock);
    }

    public ChargebeeSandboxOptions withClock(Clock newClock) {
        return new ChargebeeSandboxOptions(port, siteName, apiKey, dataDirectory, newClock);
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "ChargebeeSandboxOptions[port=" + port + ", siteName=" + siteName + ", apiKey=***, dataDirectory="
                + dataDirectory + ", clock=" + clock + "]";
    }
}
