package io.mlconnector.sandbox.acumatica;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start an {@link AcumaticaSandbox}. Build with {@link #builder()}; every setting has a default.
 *
 * @param port                         TCP port on 127.0.0.1; 0 picks a free one
 * @param instancePath                 the site's application path ("" for the web root, or e.g. "/AcumaticaERP")
 * @param acumaticaBuildVersion        reported by {@code GET /entity} as {@code version.acumaticaBuildVersion}
 * @param publishedEndpoints           endpoints listed by {@code GET /entity}; only Default/24.200.001 is simulated,
 *                                     the others answer entity calls with 501; an endpoint left out answers 404
 * @param clients                      OAuth clients (Connected Applications) accepted by the token endpoint
 * @param users                        users accepted by the password grant
 * @param accessTokenLifetime          lifetime of access tokens ({@code expires_in})
 * @param refreshTokenLifetime         absolute lifetime of a refresh-token chain from the first sign-in
 *                                     (Acumatica's default is 30 days)
 * @param seedFile                     tenant seed (reference data, numbering); null for the bundled
 *                                     {@code acumatica/default-tenant.json}
 * @param clock                        the sandbox's clock; null for a ticking {@link SandboxClock}
 * @param releasePollsBeforeCompletion how many status polls of a release answer 202 before 204 (0: the action
 *                                     answers 204 at once)
 * @param randomSeed                   seed for record ids and tokens (reproducible runs); null for unpredictable
 * @param contract                     the contract to shape records by; null to load the bundled copy (pass a shared
 *                                     instance to save the parsing time when starting many sandboxes)
 * @param licence                      the licence limits (API users, concurrent requests, requests per minute) and
 *                                     the idle timeout of API sessions; {@link LicenceLimits#UNLIMITED} by default
 * @param requestLog                   a file to append one JSON line per request to (see
 *                                     {@link io.mlconnector.sandbox.RequestLogFile}); null for none
 */
public record AcumaticaSandboxOptions(int port, String instancePath, String acumaticaBuildVersion,
                                      List<PublishedEndpoint> publishedEndpoints, List<OAuthClient> clients,
                                      List<ApiUser> users, Duration accessTokenLifetime,
                                      Duration refreshTokenLifetime, Path seedFile, SandboxClock clock,
                                      int releasePollsBeforeCompletion, Long randomSeed,
                                      AcumaticaContract contract, LicenceLimits licence, Path requestLog) {

    /** The endpoint the sandbox simulates. */
    public static final PublishedEndpoint SIMULATED_ENDPOINT = new PublishedEndpoint("Default", "24.200.001");

    public static final String DEFAULT_CLIENT_ID = "D5F4E5A2-3C1B-4E8F-9A7D-6B5C4D3E2F10@SandboxTenant";
    public static final String DEFAULT_CLIENT_SECRET = "sandbox-client-secret";
    public static final String DEFAULT_USERNAME = "admin";
    public static final String DEFAULT_PASSWORD = "sandbox-password";

    /** An endpoint published on the instance, e.g. Default 23.200.001. */
    public record PublishedEndpoint(String name, String version) {
        public PublishedEndpoint {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }
    }

    /** A Connected Application: client id (with {@code @Tenant}) and secret. */
    public record OAuthClient(String clientId, String clientSecret) {
        public OAuthClient {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
        }

        @Override
        public String toString() {
            return "OAuthClient[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** An Acumatica user allowed to sign in with the password grant. */
    public record ApiUser(String username, String password) {
        public ApiUser {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "ApiUser[username=" + username + ", password=***]";
        }
    }

    /**
     * What the tenant's licence allows, as shown on License Monitoring Console (SM604000), plus the session idle
     * timeout. A limit of {@link #NO_LIMIT} means "not limited" (the trial licence limits only API users, to 2).
     *
     * @param apiUsers              "Maximum Number of Web Services API Users": open API sessions at once (OAuth
     *                              grants and cookie sign-ins); a sign-in beyond it gets "API Login Limit"
     * @param concurrentRequests    "Maximum Number of Concurrent Web Services API Requests": API processing cores
     * @param requestsPerMinute     "Maximum Number of Web Services API Requests per Minute"
     * @param maxQueueWait          how long a request may wait in the queue before it is declined with 429
     *                              (Acumatica: 10 minutes; shorter values make the rule testable)
     * @param sessionIdleTimeout    an API session unused this long is closed and frees its seat (about 20 minutes
     *                              in Acumatica, UNVERIFIED)
     */
    public record LicenceLimits(int apiUsers, int concurrentRequests, int requestsPerMinute, Duration maxQueueWait,
                                Duration sessionIdleTimeout) {

        public static final int NO_LIMIT = 0;
        public static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofMinutes(10);
        public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(20);
        public static final LicenceLimits UNLIMITED = new LicenceLimits(NO_LIMIT, NO_LIMIT, NO_LIMIT,
                DEFAULT_MAX_QUEUE_WAIT, DEFAULT_SESSION_IDLE_TIMEOUT);

        public LicenceLimits {
            requireNotNegative(apiUsers, "apiUsers");
            requireNotNegative(concurrentRequests, "concurrentRequests");
            requireNotNegative(requestsPerMinute, "requestsPerMinute");
            requirePositive(maxQueueWait, "maxQueueWait");
            requirePositive(sessionIdleTimeout, "sessionIdleTimeout");
        }

        private static void requireNotNegative(int value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must be >= 0 (0 = no limit), was " + value);
            }
        }
    }

    public AcumaticaSandboxOptions {
        Objects.requireNonNull(licence, "licence");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        instancePath = normalizeInstancePath(instancePath);
        publishedEndpoints = List.copyOf(publishedEndpoints);
        clients = List.copyOf(clients);
        users = List.copyOf(users);
        Objects.requireNonNull(acumaticaBuildVersion, "acumaticaBuildVersion");
        requirePositive(accessTokenLifetime, "accessTokenLifetime");
        requirePositive(refreshTokenLifetime, "refreshTokenLifetime");
        if (releasePollsBeforeCompletion < 0) {
            throw new IllegalArgumentException("releasePollsBeforeCompletion must be >= 0");
        }
    }

    public static AcumaticaSandboxOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.instancePath = instancePath;
        b.acumaticaBuildVersion = acumaticaBuildVersion;
        b.publishedEndpoints = new ArrayList<>(publishedEndpoints);
        b.clients = new ArrayList<>(clients);
        b.users = new ArrayList<>(users);
        b.accessTokenLifetime = accessTokenLifetime;
        b.refreshTokenLifetime = refreshTokenLifetime;
        b.seedFile = seedFile;
        b.clock = clock;
        b.releasePollsBeforeCompletion = releasePollsBeforeCompletion;
        b.randomSeed = randomSeed;
        b.contract = contract;
        b.licence = licence;
        b.requestLog = requestLog;
        return b;
    }

    private static String normalizeInstancePath(String path) {
        if (path == null || path.isBlank() || path.equals("/")) {
            return "";
        }
        String p = path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    /** Fluent builder; see the record components for the meaning and defaults of each setting. */
    public static final class Builder {
        private int port = 0;
        private String instancePath = "";
        private String acumaticaBuildVersion = "24.200.0123";
        private List<PublishedEndpoint> publishedEndpoints = new ArrayList<>(List.of(
                new PublishedEndpoint("Default", "20.200.001"),
                new PublishedEndpoint("Default", "22.200.001"),
                new PublishedEndpoint("Default", "23.200.001"),
                SIMULATED_ENDPOINT));
        private List<OAuthClient> clients = new ArrayList<>(List.of(
                new OAuthClient(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)));
        private List<ApiUser> users = new ArrayList<>(List.of(new ApiUser(DEFAULT_USERNAME, DEFAULT_PASSWORD)));
        private Duration accessTokenLifetime = Duration.ofSeconds(3600);
        private Duration refreshTokenLifetime = Duration.ofDays(30);
        private Path seedFile;
        private SandboxClock clock;
        private int releasePollsBeforeCompletion = 1;
        private Long randomSeed;
        private AcumaticaContract contract;
        private LicenceLimits licence = LicenceLimits.UNLIMITED;
        private Path requestLog;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder instancePath(String instancePath) {
            this.instancePath = instancePath;
            return this;
        }

        public Builder acumaticaBuildVersion(String version) {
            this.acumaticaBuildVersion = version;
            return this;
        }

        public Builder publishedEndpoints(List<PublishedEndpoint> endpoints) {
            this.publishedEndpoints = new ArrayList<>(endpoints);
            return this;
        }

        public Builder clients(List<OAuthClient> clients) {
            this.clients = new ArrayList<>(clients);
            return this;
        }

        public Builder addClient(String clientId, String clientSecret) {
            this.clients.add(new OAuthClient(clientId, clientSecret));
            return this;
        }

        public Builder users(List<ApiUser> users) {
            this.users = new ArrayList<>(users);
            return this;
        }

        public Builder addUser(String username, String password) {
            this.users.add(new ApiUser(username, password));
            return this;
        }

        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = lifetime;
            return this;
        }

        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = lifetime;
            return this;
        }

        public Builder seedFile(Path seedFile) {
            this.seedFile = seedFile;
            return this;
        }

        public Builder clock(SandboxClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder releasePollsBeforeCompletion(int polls) {
            this.releasePollsBeforeCompletion = polls;
            return this;
        }

        public Builder randomSeed(long seed) {
            this.randomSeed = seed;
            return this;
        }

        public Builder contract(AcumaticaContract contract) {
            this.contract = contract;
            return this;
        }

        /** All licence settings at once; the single-setting methods below change one of them. */
        public Builder licence(LicenceLimits licence) {
            this.licence = Objects.requireNonNull(licence, "licence");
            return this;
        }

        /** Open API sessions allowed at once; 0 = unlimited (the default). */
        public Builder apiUserLimit(int apiUsers) {
            this.licence = new LicenceLimits(apiUsers, licence.concurrentRequests(), licence.requestsPerMinute(),
                    licence.maxQueueWait(), licence.sessionIdleTimeout());
            return this;
        }

        /** API processing cores; 0 = unlimited (the default). */
        public Builder maxConcurrentRequests(int concurrentRequests) {
            this.licence = new LicenceLimits(licence.apiUsers(), concurrentRequests, licence.requestsPerMinute(),
                    licence.maxQueueWait(), licence.sessionIdleTimeout());
            return this;
        }

        /** Requests per minute before delays start at half of it; 0 = unlimited (the default). */
        public Builder maxRequestsPerMinute(int requestsPerMinute) {
            this.licence = new LicenceLimits(licence.apiUsers(), licence.concurrentRequests(), requestsPerMinute,
                    licence.maxQueueWait(), licence.sessionIdleTimeout());
            return this;
        }

        /** How long a queued request may wait before it is declined with 429 (default 10 minutes). */
        public Builder maxQueueWait(Duration wait) {
            this.licence = new LicenceLimits(licence.apiUsers(), licence.concurrentRequests(),
                    licence.requestsPerMinute(), wait, licence.sessionIdleTimeout());
            return this;
        }

        /** Idle time after which an API session closes and frees its seat (default 20 minutes). */
        public Builder sessionIdleTimeout(Duration timeout) {
            this.licence = new LicenceLimits(licence.apiUsers(), licence.concurrentRequests(),
                    licence.requestsPerMinute(), licence.maxQueueWait(), timeout);
            return this;
        }

        /**
         * Appends one JSON line per request to {@code file} (created when missing), flushed per line; no headers,
         * bodies or credentials are written. Null (the default) for none.
         */
        public Builder requestLog(Path file) {
            this.requestLog = file;
            return this;
        }

        public AcumaticaSandboxOptions build() {
            return new AcumaticaSandboxOptions(port, instancePath, acumaticaBuildVersion, publishedEndpoints, clients,
                    users, accessTokenLifetime, refreshTokenLifetime, seedFile, clock, releasePollsBeforeCompletion,
                    randomSeed, contract, licence, requestLog);
        }
    }
}
