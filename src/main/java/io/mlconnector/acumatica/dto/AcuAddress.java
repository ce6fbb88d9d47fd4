package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A linked {@code Address}. */
@RegisterForReflection
public record AcuAddress(String addressLine1, String addressLine2, String city, String state, String postalCode,
                         String country) {}
