package io.mlconnector.mapping.file;

import java.util.Set;

/**
 * The Chargebee enum values the mapping file can key on (from the v2 API's OpenAPI spec, chargebee-node types). Closed
 * sets are checked strictly so a misspelt key is an error rather than a rule that silently never matches.
 */
final class ChargebeeVocabulary {
    /** {@code invoice.line_items[].entity_type}. */
    static final Set<String> LINE_ENTITY_TYPES = Set.of(
            "plan_item_price", "addon_item_price", "charge_item_price", "adhoc", "plan_setup", "plan", "addon");

    /** {@code invoice.line_item_discounts[].discount_type}. */
    static final Set<String> DISCOUNT_TYPES = Set.of(
            "item_level_coupon", "document_level_coupon", "promotional_credits", "prorated_credits",
            "item_level_discount", "document_level_discount");

    /** {@code invoice.line_item_taxes[].tax_juris_type}. */
    static final Set<String> TAX_JURISDICTION_TYPES = Set.of(
            "country", "federal", "state", "county", "city", "special", "unincorporated", "other");

    /**
     * {@code transaction.payment_method}. Chargebee adds values with new gateways, so this set only separates typos
     * from values the connector has not heard of (see {@link KeyRule#knownOrWarn}).
     */
    static final Set<String> PAYMENT_METHODS = Set.of(
            "card", "cash", "check", "chargeback", "bank_transfer", "amazon_payments", "paypal_express_checkout",
            "direct_debit", "alipay", "unionpay", "apple_pay", "wechat_pay", "ach_credit", "sepa_credit", "ideal",
            "google_pay", "sofort", "bancontact", "giropay", "dotpay", "other", "upi", "netbanking_emandates",
            "custom", "boleto", "venmo", "pay_to", "faster_payments", "sepa_instant_transfer",
            "automated_bank_transfer", "klarna_pay_now", "online_banking_poland", "payconiq_by_bancontact");

    private ChargebeeVocabulary() {}
}
