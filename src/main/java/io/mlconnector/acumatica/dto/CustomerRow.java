package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An Acumatica customer and the Chargebee customer id the connector stamps as its {@code AccountRef}. */
@RegisterForReflection
public record CustomerRow(String id, String customerID, String accountRef) {}
