package io.mlconnector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Which Acumatica tenant and endpoint the connector posts to. */
@ConfigMapping(prefix = "acumatica")
public interface AcumaticaConfig {

    /** Tenant base URL, with the instance path when the site is not at the web root, e.g. {@code https://erp.example.com/AcumaticaERP}. */
    String baseUrl();

    /** Contract-based endpoint name. */
    @WithDefault("Default")
    String endpointName();

    /** Exact endpoint version; the contract the connector was built and tested against. */
    @WithDefault("24.200.001")
    String endpointVersion();

    /** {@code oauth} (password grant, one shared token chain) or {@code cookie} (legacy login, signed out after each batch). */
    @WithDefault("oauth")
    String auth();

    /** Tenant name for the cookie login, when the instance has more than one. */
    java.util.Optional<String> tenant();

    /** Branch for the cookie login. */
    java.util.Optional<String> branch();

    /** OAuth scope requested with the password grant; {@code offline_access} makes Acumatica reuse one licensed session per refresh chain. */
    @WithDefault("api offline_access")
    String scope();

    /** Refresh the access token this long before it expires. */
    @WithDefault("60s")
    Duration tokenRefreshMargin();

    /** How long to poll a long-running action (release) before giving up and retrying the message later. */
    @WithDefault("60s")
    Duration actionTimeout();

    /** Pause between polls of a long-running action's Location. */
    @WithDefault("500ms")
    Duration actionPollInterval();

    /** This container's share of the customer's API licence (License Monitoring Console, SM604000). */
    Licence licence();

    interface Licence {
        /**
         * Requests this container may send per minute; the licence's "requests per minute" divided by the worker's
         * maximum concurrency. Unset: no client-side budget (Acumatica queues and delays requests itself, and
         * declines only when more than 20 are queued, which one sequential request per container never reaches).
         */
        java.util.OptionalInt requestsPerMinute();
    }

    /** Path prefix of the configured endpoint, e.g. {@code Default/24.200.001}. */
    default String endpointPath() {
        return endpointName() + "/" + endpointVersion();
    }
}
