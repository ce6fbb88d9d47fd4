package io.mlconnector.secrets;

/** Chargebee API key (HTTP Basic user name, empty password). A read-only key is enough: nothing is written to Chargebee. */
public record ChargebeeCredentials(Secret apiKey) {}
