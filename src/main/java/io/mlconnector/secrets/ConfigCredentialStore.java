package io.mlconnector.secrets;

import java.util.Optional;

/** Credentials from configuration, for local runs and tests. A missing value fails with the property to set. */
final class ConfigCredentialStore implements CredentialStore {
    private final CredentialsConfig.Local local;

    ConfigCredentialStore(CredentialsConfig.Local local) {
        this.local = local;
    }

    @Override
    public ChargebeeCredentials chargebee() {
        return new ChargebeeCredentials(Secret.of(required(local.chargebeeApiKey(), "credentials.local.chargebee-api-key")));
    }

    @Override
    public WebhookCredentials webhook() {
        return new WebhookCredentials(
                required(local.webhookUsername(), "credentials.local.webhook-username"),
                Secret.of(required(local.webhookPassword(), "credentials.local.webhook-password")),
                local.webhookPathToken().filter(token -> !token.isBlank()).map(Secret::of));
    }

    @Override
    public AcumaticaCredentials acumatica() {
        return new AcumaticaCredentials(
                required(local.acumaticaClientId(), "credentials.local.acumatica-client-id"),
                Secret.of(required(local.acumaticaClientSecret(), "credentials.local.acumatica-client-secret")),
                required(local.acumaticaUsername(), "credentials.local.acumatica-username"),
                Secret.of(required(local.acumaticaPassword(), "credentials.local.acumatica-password")));
    }

    private static String required(Optional<String> value, String property) {
        return value.orElseThrow(() -> new IllegalStateException(
                "Credential not configured: set " + property + " (or use credentials.source=secretsmanager)"));
    }
}
