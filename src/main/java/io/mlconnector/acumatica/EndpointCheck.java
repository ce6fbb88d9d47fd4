package io.mlconnector.acumatica;

import io.mlconnector.config.AcumaticaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Checks once per container, before anything posts, that the instance publishes the configured endpoint version:
 * a tenant on another release would otherwise answer every call with 404.
 */
@ApplicationScoped
public class EndpointCheck {
    private final AcumaticaClient acumatica;
    private final AcumaticaConfig config;
    private volatile boolean verified;

    public EndpointCheck(AcumaticaClient acumatica, AcumaticaConfig config) {
        this.acumatica = acumatica;
        this.config = config;
    }

    /** @throws EndpointNotPublished naming the configured and the published versions */
    public void requireConfiguredVersion() {
        if (!verified) {
            verifyOnce();
        }
    }

    /** One check per container even when several worker threads start together (each check is a licensed call). */
    private synchronized void verifyOnce() {
        if (verified) {
            return;
        }
        problemWith(acumatica.publishedVersions(config.endpointName())).ifPresent(problem -> {
            throw new EndpointNotPublished(problem);
        });
        verified = true;
    }

    /**
     * What is wrong when the instance publishes these versions of the configured endpoint, in words that say what to
     * change; empty when the configured version is among them.
     */
    public Optional<String> problemWith(List<String> published) {
        if (published.contains(config.endpointVersion())) {
            return Optional.empty();
        }
        return Optional.of("Acumatica at " + config.baseUrl() + " does not publish endpoint " + config.endpointName()
                + "/" + config.endpointVersion() + "; it publishes " + (published.isEmpty() ? "no "
                + config.endpointName() + " endpoint" : config.endpointName() + " " + String.join(", ", published))
                + ". Set ACUMATICA_ENDPOINT_VERSION to one of them (the connector is tested against 24.200.001).");
    }

    /** The connector cannot talk to this instance until its configuration changes. */
    public static final class EndpointNotPublished extends RuntimeException {
        public EndpointNotPublished(String message) {
            super(message);
        }
    }
}
