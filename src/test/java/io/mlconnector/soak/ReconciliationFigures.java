package io.mlconnector.soak;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.mapping.Money;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.MappingFixtures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soak's own reconciliation figures, computed from the sandboxes' records (Chargebee's JSON, Acumatica's value
 * objects) independently of the connector's code: revenue and discounts per mapped account and currency on both sides,
 * and Acumatica's open AR per customer and currency. Kept apart from the production
 * {@link io.mlconnector.reconcile.Reconciliation} on purpose: {@link LedgerInvariants} is the soak's independent
 * oracle over hand-built and fault-injected books (moved here from the demo's former test-only reconciliation).
 */
final class ReconciliationFigures {
    private ReconciliationFigures() {}

    /**
     * The revenue and discounts per "account currency" of these Chargebee invoices and credit notes (credit notes
     * negative), as the default mapping routes their lines.
     */
    static Map<String, BigDecimal> chargebeeRevenueByAccount(List<JsonNode> documents) {
        Mapping mapping = MappingFixtures.defaultMapping();
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (JsonNode document : documents) {
            boolean creditNote = "credit_note".equals(document.path("object").asText())
                    || document.has("reference_invoice_id");
            boolean writeOff = creditNote && "write off".equalsIgnoreCase(document.path("create_reason_code").asText());
            boolean inclusive = "tax_inclusive".equals(document.path("price_type").asText());
            String currency = document.path("currency_code").asText();
            for (JsonNode line : document.path("line_items")) {
                // The price without the tax inside it goes to the item's account; each discount, without its share of
                // that tax, to the account discounts.by_type maps it to (a write-off posts net on its own account).
                long gross = line.path("amount").asLong();
                long tax = inclusive ? line.path("tax_amount").asLong() : 0;
                Map<String, Long> discounts = new LinkedHashMap<>();
                document.path("line_item_discounts").forEach(d -> {
                    if (d.path("line_item_id").asText().equals(line.path("id").asText())) {
                        discounts.merge(d.path("discount_type").asText(), d.path("discount_amount").asLong(), Long::sum);
                    }
                });
                long discounted = discounts.values().stream().mapToLong(Long::longValue).sum();
                String itemAccount = mapping.itemFor(line.path("entity_type").asText(null),
                        line.path("entity_id").asText(null)).salesAccount();
                if (writeOff) {
                    add(revenue, mapping.writeOff().account(), currency, gross - discounted - tax, creditNote);
                    continue;
                }
                long taxOnDiscounts = 0;
                for (Map.Entry<String, Long> discount : discounts.entrySet()) {
                    long share = gross == discounted ? 0 : BigDecimal.valueOf(tax * discount.getValue())
                            .divide(BigDecimal.valueOf(gross - discounted), 0, RoundingMode.HALF_EVEN)
                            .longValueExact();
                    taxOnDiscounts += share;
                    add(revenue, mapping.discountFor(discount.getKey()).salesAccount(), currency,
                            -(discount.getValue() - share), creditNote);
                }
                add(revenue, itemAccount, currency, gross - tax - taxOnDiscounts, creditNote);
            }
            long roundOff = document.path("round_off_amount").asLong();
            if (roundOff != 0) {
                revenue.merge(mapping.rounding().salesAccount() + " " + currency,
                        Money.ofMinor(creditNote ? -roundOff : roundOff, currency).scaled(),
                        BigDecimal::add);
            }
        }
        revenue.replaceAll((k, v) -> v.stripTrailingZeros());
        return revenue;
    }

    private static void add(Map<String, BigDecimal> revenue, String account, String currency, long minor,
                            boolean creditNote) {
        revenue.merge(account + " " + currency, Money.ofMinor(creditNote ? -minor : minor,
                currency).scaled(), BigDecimal::add);
    }

    /** Acumatica's line amounts per account: invoices positive, credit memos negative. */
    static Map<String, BigDecimal> acumaticaRevenueByAccount(List<JsonNode> documents) {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (JsonNode document : documents) {
            boolean creditMemo = "Credit Memo".equals(document.at("/Type/value").asText());
            String currency = document.at("/Currency/value").asText();
            for (JsonNode line : document.path("Details")) {
                BigDecimal amount = line.at("/Amount/value").decimalValue();
                revenue.merge(line.at("/Account/value").asText() + " " + currency,
                        creditMemo ? amount.negate() : amount, BigDecimal::add);
            }
        }
        revenue.replaceAll((k, v) -> v.stripTrailingZeros());
        return revenue;
    }

    /**
     * Open AR per "Chargebee customer id currency": document balances (credit memos negative) less the unapplied
     * balance of payments.
     */
    static Map<String, BigDecimal> acumaticaOpenByCustomer(List<JsonNode> customers, List<JsonNode> documents,
                                                                 List<JsonNode> payments) {
        Map<String, String> chargebeeIdOf = new HashMap<>();
        customers.forEach(c -> chargebeeIdOf.put(c.at("/CustomerID/value").asText(),
                c.at("/AccountRef/value").asText()));
        Map<String, BigDecimal> open = new TreeMap<>();
        for (JsonNode document : documents) {
            BigDecimal balance = document.at("/Balance/value").decimalValue();
            String key = chargebeeIdOf.get(document.at("/CustomerID/value").asText()) + " "
                    + document.at("/Currency/value").asText();
            open.merge(key, "Credit Memo".equals(document.at("/Type/value").asText()) ? balance.negate() : balance,
                    BigDecimal::add);
        }
        for (JsonNode payment : payments) {
            if ("Payment".equals(payment.at("/Type/value").asText())) {
                String key = chargebeeIdOf.get(payment.at("/CustomerID/value").asText()) + " "
                        + payment.at("/CurrencyID/value").asText();
                open.merge(key, payment.at("/AvailableBalance/value").decimalValue().negate(), BigDecimal::add);
            }
        }
        open.replaceAll((k, v) -> v.stripTrailingZeros());
        open.values().removeIf(v -> v.signum() == 0);
        return open;
    }

}
