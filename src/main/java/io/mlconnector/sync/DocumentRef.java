package io.mlconnector.sync;

/** One Chargebee document, by kind and id. */
public record DocumentRef(DocumentKind kind, String id) {}
