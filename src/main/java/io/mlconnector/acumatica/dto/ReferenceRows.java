package io.mlconnector.acumatica.dto;

import io.mlconnector.acumatica.AcuName;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

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

    /** A payment method with the cash accounts it may post to ({@code AllowedCashAccounts}, read expanded). */
    @RegisterForReflection
    public record PaymentMethodRow(String id, String paymentMethodID, Boolean active, @AcuName("UseInAR") Boolean useInAR,
                                   List<AllowedCashAccountRow> allowedCashAccounts) {
        /** Whether AR documents with this method may use the cash account (Acumatica's "Use in AR" on the pair). */
        public boolean allowsInAr(String cashAccount) {
            return allowedCashAccounts != null && allowedCashAccounts.stream().anyMatch(row ->
                    cashAccount.equalsIgnoreCase(row.cashAccount()) && !Boolean.FALSE.equals(row.useInAR()));
        }
    }

    @RegisterForReflection
    public record AllowedCashAccountRow(String cashAccount, @AcuName("UseInAR") Boolean useInAR) {}

    @RegisterForReflection
    public record CustomerClassRow(String id, String classID, String terms) {}

    @RegisterForReflection
    public record CurrencyRow(String id, String currencyID, Boolean active) {}
}
