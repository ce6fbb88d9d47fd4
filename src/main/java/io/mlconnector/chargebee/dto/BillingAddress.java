package io.mlconnector.chargebee.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Chargebee billing address. */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BillingAddress(String firstName, String lastName, String email, String company, String phone,
                             String line1, String line2, String line3, String city, String stateCode, String state,
                             String country, String zip) {}
