package io.mlconnector.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where credentials are read from. */
@ConfigMapping(prefix = "credentials")
public interface CredentialsConfig {

    /** {@code secretsmanager} (AWS, through the Parameters and Secrets Lambda Extension) or {@code config} (local runs, tests). */
    @WithDefault("secretsmanager")
    String source();

    /** Secret id or ARN holding {@code {"api_key": ...}}. */
    Optional<String> chargebeeSecretId();

    /** Secret id or ARN holding {@code {"username": ..., "password": ..., "path_token": ...}}. */
    Optional<String> webhookSecretId();

    /** Secret id or ARN holding {@code {"client_id", "client_secret", "username", "password"}}. */
    Optional<String> acumaticaSecretId();

    /** Port of the Parameters and Secrets Lambda Extension. */
    @WithDefault("2773")
    int extensionPort();

    /** How long a fetched secret is reused by one Lambda container before it is read again (picks up rotations). */
    @WithDefault("5m")
    Duration cacheTtl();

    /** Values used when {@code source=config}; never set these in a deployed function. */
    Local local();

    interface Local {
        Optional<String> chargebeeApiKey();

        Optional<String> webhookUsername();

        Optional<String> webhookPassword();

        Optional<String> webhookPathToken();

        Optional<String> acumaticaClientId();

        Optional<String> acumaticaClientSecret();

        Optional<String> acumaticaUsername();

        Optional<String> acumaticaPassword();
    }
}
