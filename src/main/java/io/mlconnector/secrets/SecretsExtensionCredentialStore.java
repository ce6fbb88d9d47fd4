package io.mlconnector.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads secrets through the AWS Parameters and Secrets Lambda Extension (HTTP on localhost), which caches them and
 * needs no AWS SDK module: the SDK's secretsmanager module is not served at the SDK version the rest of the stack uses.
 */
final class SecretsExtensionCredentialStore implements CredentialStore {
    private record Cached(JsonNode value, Instant fetchedAt) {}

    private final CredentialsConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final LambdaExtension extension;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SecretsExtensionCredentialStore(CredentialsConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.extension = new LambdaExtension(config.extensionPort(), json);
    }

    @Override
    public ChargebeeCredentials chargebee() {
        JsonNode secret = secret(config.chargebeeSecretId(), "credentials.chargebee-secret-id");
        return new ChargebeeCredentials(Secret.of(field(secret, "api_key")));
    }

    @Override
    public WebhookCredentials webhook() {
        JsonNode secret = secret(config.webhookSecretId(), "credentials.webhook-secret-id");
        Optional<Secret> token = Optional.ofNullable(secret.path("path_token").asText(null))
                .filter(value -> !value.isBlank()).map(Secret::of);
        return new WebhookCredentials(field(secret, "username"), Secret.of(field(secret, "password")), token);
    }

    @Override
    public AcumaticaCredentials acumatica() {
        JsonNode secret = secret(config.acumaticaSecretId(), "credentials.acumatica-secret-id");
        return new AcumaticaCredentials(field(secret, "client_id"), Secret.of(field(secret, "client_secret")),
                field(secret, "username"), Secret.of(field(secret, "password")));
    }

    private JsonNode secret(Optional<String> id, String property) {
        String secretId = id.orElseThrow(() -> new IllegalStateException("Secret id not configured: set " + property));
        Instant now = clock.instant();
        Cached cached = cache.get(secretId);
        if (cached != null && cached.fetchedAt().plus(config.cacheTtl()).isAfter(now)) {
            return cached.value();
        }
        JsonNode value = fetch(secretId);
        cache.put(secretId, new Cached(value, now));
        return value;
    }

    private JsonNode fetch(String secretId) {
        JsonNode answer = extension.get("/secretsmanager/get?secretId="
                + URLEncoder.encode(secretId, StandardCharsets.UTF_8), "secret " + secretId);
        try {
            return json.readTree(answer.path("SecretString").asText("{}"));
        } catch (IOException e) {
            throw new IllegalStateException("Secret " + secretId + " is not JSON");
        }
    }

    private static String field(JsonNode secret, String name) {
        String value = secret.path(name).asText("");
        if (value.isBlank()) {
            throw new IllegalStateException("Secret is missing the field '" + name + "'");
        }
        return value;
    }
}
