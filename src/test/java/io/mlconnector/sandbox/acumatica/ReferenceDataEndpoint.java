package io.mlconnector.sandbox.acumatica;

import java.util.Map;

/**
 * Read-only access to reference data ({@code GET Account/11000}, {@code GET Currency?$filter=...}), so a client can
 * check master data before posting documents, as the research recommends. Writes are not simulated (501).
 */
final class ReferenceDataEndpoint extends StoredEntityEndpoint {

    /** Screen graph and primary view behind each entity, used only to build a realistic {@code files:put} link. */
    private static final Map<String, String> GRAPHS = Map.of(
            "Account", "PX.Objects.GL.AccountMaint/AccountRecords",
            "Subaccount", "PX.Objects.GL.SubAccountMaint/SubRecords",
            "Currency", "PX.Objects.CM.CurrencyMaint/CuryListRecords",
            "NonStockItem", "PX.Objects.IN.NonStockItemMaint/Item",
            "Tax", "PX.Objects.TX.SalesTaxMaint/Tax",
            "PaymentMethod", "PX.Objects.CA.PaymentMethodMaint/PaymentMethod",
            "CustomerClass", "PX.Objects.AR.CustomerClassMaint/CustomerClassRecord");

    private final String entity;

    ReferenceDataEndpoint(EndpointContext ctx, String entity) {
        super(ctx, entity, GRAPHS.getOrDefault(entity, "PX.Objects." + entity));
        this.entity = entity;
    }

    @Override
    protected EntityStore store() {
        return ctx.tenant.referenceData.store(entity);
    }
}
