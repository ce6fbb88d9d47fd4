package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the connector reads back about a customer. */
@RegisterForReflection
public record CustomerRef(String id, String customerID, String accountRef, String status) {}
