package io.mlconnector.chargebee.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** A Chargebee customer; unknown and custom ({@code cf_*}) fields are ignored. */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChargebeeCustomer(String id, String firstName, String lastName, String email, String phone,
                                String company, String preferredCurrencyCode, Integer netTermDays,
                                BillingAddress billingAddress, Boolean deleted, Instant createdAt, Instant updatedAt,
                                Long resourceVersion) implements ChargebeeRecord {

    /** The name an accountant recognises: company, else person, else email, else the id. */
    public String displayName() {
        if (company != null && !company.isBlank()) {
            return company.strip();
        }
        String person = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (!person.isEmpty()) {
            return person;
        }
        return email != null && !email.isBlank() ? email : id;
    }

    @Override
    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }
}
