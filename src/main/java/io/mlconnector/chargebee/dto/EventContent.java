package io.mlconnector.chargebee.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The resources an event carries, keyed by resource name; absent ones are null. */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventContent(ChargebeeCustomer customer, ChargebeeInvoice invoice, ChargebeeCreditNote creditNote,
                           ChargebeeTransaction transaction) {
    public static final EventContent EMPTY = new EventContent(null, null, null, null);
}
