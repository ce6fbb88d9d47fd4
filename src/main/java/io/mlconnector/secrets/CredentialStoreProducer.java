package io.mlconnector.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Chooses the credential source named by {@code credentials.source}. */
@ApplicationScoped
public class CredentialStoreProducer {

    @Produces
    @ApplicationScoped
    CredentialStore credentialStore(CredentialsConfig config, ObjectMapper json, Clock clock) {
        return switch (config.source()) {
            case "config" -> new ConfigCredentialStore(config.local());
            case "secretsmanager" -> new SecretsExtensionCredentialStore(config, json, clock);
            default -> throw new IllegalStateException(
                    "credentials.source must be 'secretsmanager' or 'config', was '" + config.source() + "'");
        };
    }
}
