package io.mlconnector.mapping.file;

import java.util.Objects;

/**
 * Where a document line posts: the Acumatica non-stock item and the sales account/subaccount written on the line.
 *
 * @param rule the most specific rule that matched, e.g. {@code items.by_item_price.pro-USD-monthly}; fields that rule
 *     leaves out come from less specific rules (ultimately the section's default)
 */
public record LineAccount(String inventoryId, String salesAccount, String salesSubaccount, String rule) {
    public LineAccount {
        Objects.requireNonNull(inventoryId, "inventoryId");
        Objects.requireNonNull(salesAccount, "salesAccount");
        Objects.requireNonNull(salesSubaccount, "salesSubaccount");
        Objects.requireNonNull(rule, "rule");
    }
}
