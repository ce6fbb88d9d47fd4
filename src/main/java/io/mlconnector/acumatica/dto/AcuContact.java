package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A linked {@code Contact}: the customer's main contact with its address. */
@RegisterForReflection
public record AcuContact(String companyName, String firstName, String lastName, String email, String phone1,
                         AcuAddress address) {}
