package io.mlconnector.ingest;

import java.util.Optional;

/** What ingest needs from the HTTP request, independent of API Gateway's event classes. */
public record WebhookRequest(Optional<String> authorization, Optional<String> pathToken, byte[] body) {}
