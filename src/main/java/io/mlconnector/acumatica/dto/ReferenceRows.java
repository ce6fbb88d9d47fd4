package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The few fields the preflight reads of Acumatica's reference entities. */
public final class ReferenceRows {
    private ReferenceRows() {}

    @RegisterForReflection
    public record AccountRow(String id, String accountCD, Boolean active) {}

    @RegisterForReflection
    public record SubaccountRow(String id, String subaccountCD, Boolean active) {}

    @RegisterForReflection
    public record NonStockItemRow(String id, String inventoryID, String itemStatus) {}

    @RegisterForReflection
    public record TaxRow(String id, String taxID) {}

    @RegisterForReflection
    public record PaymentMethodRow(String id, String paymentMethodID, Boolean active) {}

    @RegisterForReflection
    public record CustomerClassRow(String id, String classID) {}

    @RegisterForReflection
    public record CurrencyRow(String id, String currencyID, Boolean active) {}
}
