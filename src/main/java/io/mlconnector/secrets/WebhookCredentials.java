package io.mlconnector.secrets;

import java.util.Optional;

/** What Chargebee must present on a webhook: Basic-auth user and password, or a secret token in the URL path. */
public record WebhookCredentials(String username, Secret password, Optional<Secret> pathToken) {}
