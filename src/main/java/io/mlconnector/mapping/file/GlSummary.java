package io.mlconnector.mapping.file;

import java.util.Objects;

/**
 * Accounts for summary journal transactions, used instead of per-document AR postings when {@code gl_summary.enabled}.
 */
public record GlSummary(String arAccount, String revenueAccount, String taxAccount, String discountAccount,
                        String subaccount) {
    public GlSummary {
        Objects.requireNonNull(arAccount, "arAccount");
        Objects.requireNonNull(revenueAccount, "revenueAccount");
        Objects.requireNonNull(taxAccount, "taxAccount");
        Objects.requireNonNull(discountAccount, "discountAccount");
        Objects.requireNonNull(subaccount, "subaccount");
    }
}
