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
 * @param requestLog    a file to append one JSON line per request to (see
 *                      {@link io.mlconnector.sandbox.RequestLogFile}), or {@code null} for none
 */
public record ChargebeeSandboxOptions(int port, String siteName, String apiKey, Path dataDirectory, Clock clock,
        Path requestLog) {

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

    /**
     * Dynamic port, site {@value #DEFAULT_SITE}, key {@value #DEFAULT_API_KEY}, no seed data, system UTC clock, no
     * request-log file.
     */
    public static ChargebeeSandboxOptions defaults() {
        return new ChargebeeSandboxOptions(0, DEFAULT_SITE, DEFAULT_API_KEY, null, Clock.systemUTC(), null);
    }

    public ChargebeeSandboxOptions withPort(int newPort) {
        return new ChargebeeSandboxOptions(newPort, siteName, apiKey, dataDirectory, clock, requestLog);
    }

    public ChargebeeSandboxOptions withSiteName(String newSiteName) {
        return new ChargebeeSandboxOptions(port, newSiteName, apiKey, dataDirectory, clock, requestLog);
    }

    public ChargebeeSandboxOptions withApiKey(String newApiKey) {
        return new ChargebeeSandboxOptions(port, siteName, newApiKey, dataDirectory, clock, requestLog);
    }

    public ChargebeeSandboxOptions withDataDirectory(Path newDataDirectory) {
        return new ChargebeeSandboxOptions(port, siteName, apiKey, newDataDirectory, clock, requestLog);
    }

    public ChargebeeSandboxOptions withClock(Clock newClock) {
        return new ChargebeeSandboxOptions(port, siteName, apiKey, dataDirectory, newClock, requestLog);
    }

    /** Appends one JSON line per request to {@code file} (created when missing), flushed per line. */
    public ChargebeeSandboxOptions withRequestLog(Path file) {
        return new ChargebeeSandboxOptions(port, siteName, apiKey, dataDirectory, clock, file);
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "ChargebeeSandboxOptions[port=" + port + ", siteName=" + siteName + ", apiKey=***, dataDirectory="
                + dataDirectory + ", clock=" + clock + ", requestLog=" + requestLog + "]";
    }
}
