package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Generates the demo site's customers: who they are, where they are taxed, how they pay. */
final class DemoCustomers {

    private static final List<String> US_FIRST = List.of("Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis",
            "Barbara", "Ken", "Frances", "John");
    private static final List<String> US_LAST = List.of("Lovelace", "Hopper", "Turing", "Hamilton", "Ritchie",
            "Liskov", "Thompson", "Allen", "Backus", "Kay");
    private static final List<String> EU_FIRST = List.of("Lena", "Jonas", "Camille", "Louis", "Sanne", "Daan",
            "Marie", "Lukas", "Emma", "Hugo");
    private static final List<String> EU_LAST = List.of("Schneider", "Dubois", "de Vries", "Fischer", "Bernard",
            "Jansen", "Weber", "Moreau", "Bakker", "Wagner");
    private static final List<String> JP_FIRST = List.of("Haruto", "Yui", "Sota", "Hina", "Ren", "Aoi", "Yuto",
            "Mei", "Kaito", "Sakura");
    private static final List<String> JP_LAST = List.of("Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito",
            "Yamamoto", "Nakamura", "Kobayashi", "Kato");
    private static final List<String> COMPANY_WORDS = List.of("Acme", "Globex", "Initech", "Umbrella", "Stark",
            "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Hooli", "Vandelay", "Pied Piper");
    private static final List<String> COMPANY_SUFFIX_US = List.of("Inc.", "LLC", "Corp.");
    private static final List<String> COMPANY_SUFFIX_EU = List.of("GmbH", "SARL", "B.V.");

    /** How a customer is billed; decides the document math and the payment path. */
    record Profile(String id, String currency, String plan, boolean yearly, int seats, DemoCatalog.TaxRegion region,
            boolean taxInclusive, String exemptReason, boolean autoCollection, long createdAt, String subscriptionId,
            String paymentSourceId, ObjectNode json) {
    }

    private final Random random;

    DemoCustomers(Random random) {
        this.random = random;
    }

    /**
     * @param forceAutoCollection {@code Boolean.TRUE}/{@code FALSE} to force card/offline collection for a scenario,
     *                            {@code null} to draw it
     */
    Profile create(int index, long createdAt, Boolean forceAutoCollection) {
        String id = String.format("cust_%04d", index);
        String currency = pick(new String[] {"USD", "USD", "USD", "USD", "USD", "EUR", "EUR", "EUR", "JPY", "JPY"});
        String plan = pick(new String[] {"basic", "basic", "basic", "basic", "basic", "pro", "pro", "pro", "pro",
            "enterprise"});
        boolean yearly = random.nextInt(4) == 0;
        int seats = !plan.equals("basic") && random.nextInt(5) < 2 ? 1 + random.nextInt(10) : 0;
        List<DemoCatalog.TaxRegion> regions = DemoCatalog.regionsFor(currency);
        DemoCatalog.TaxRegion region = regions.get(random.nextInt(regions.size()));
        boolean business = currency.equals("USD") || random.nextInt(2) == 0;
        String vatNumber = null;
        String exemptReason = null;
        if (currency.equals("EUR") && business && random.nextInt(3) == 0) {
            // A B2B customer in another EU state than the seller: reverse charge, no VAT on the invoice.
            vatNumber = region.country() + (100_000_000L + random.nextInt(899_999_999));
            exemptReason = "reverse_charge";
        } else if (currency.equals("USD") && random.nextInt(12) == 0) {
            exemptReason = "customer_exempt";
        }
        // B2C prices in the EU and Japan are usually quoted with tax included.
        boolean taxInclusive = !currency.equals("USD") && !business;
        boolean autoCollection = forceAutoCollection != null ? forceAutoCollection : random.nextInt(10) < 7;
        String[] name = name(currency);
        String company = business ? company(currency) : null;
        String paymentSourceId = autoCollection ? String.format("pm_sbx_%04d", index) : null;
        ObjectNode json = json(id, name, company, currency, region, vatNumber, exemptReason, autoCollection, createdAt,
                paymentSourceId);
        return new Profile(id, currency, plan, yearly, seats, region, taxInclusive, exemptReason, autoCollection,
                createdAt, String.format("sub_%04d", index), paymentSourceId, json);
    }

    private ObjectNode json(String id, String[] name, String company, String currency, DemoCatalog.TaxRegion region,
            String vatNumber, String exemptReason, boolean autoCollection, long createdAt, String paymentSourceId) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("id", id);
        c.put("first_name", name[0]);
        c.put("last_name", name[1]);
        c.put("email", (name[0] + "." + name[1]).toLowerCase(Locale.ROOT).replace(' ', '-') + "+" + id
                + "@example.com");
        if (company != null) {
            c.put("company", company);
        }
        if (vatNumber != null) {
            c.put("vat_number", vatNumber);
        }
        c.put("auto_collection", autoCollection ? "on" : "off");
        c.put("offline_payment_method", autoCollection ? "no_preference" : "bank_transfer");
        c.put("net_term_days", autoCollection ? 0 : 30);
        c.put("allow_direct_debit", false);
        c.put("created_at", createdAt);
        c.put("taxability", "customer_exempt".equals(exemptReason) ? "exempt" : "taxable");
        c.put("updated_at", createdAt);
        c.put("locale", switch (currency) {
            case "EUR" -> region.country().toLowerCase(Locale.ROOT) + "-" + region.country();
            case "JPY" -> "ja-JP";
            default -> "en-US";
        });
        c.put("pii_cleared", "active");
        c.put("channel", "web");
        c.put("resource_version", createdAt * 1000 + random.nextInt(1000));
        c.put("deleted", false);
        c.put("object", "customer");
        ObjectNode address = c.putObject("billing_address");
        address.put("first_name", name[0]);
        address.put("last_name", name[1]);
        if (company != null) {
            address.put("company", company);
        }
        address.put("line1", (1 + random.nextInt(400)) + " " + region.line1Suffix());
        address.put("city", region.city());
        if (region.stateCode() != null) {
            address.put("state_code", region.stateCode());
            address.put("state", region.state());
        }
        address.put("country", region.country());
        address.put("zip", region.zip());
        address.put("validation_status", "not_validated");
        address.put("object", "billing_address");
        c.put("card_status", autoCollection ? "valid" : "no_card");
        if (paymentSourceId != null) {
            c.put("primary_payment_source_id", paymentSourceId);
            ObjectNode method = c.putObject("payment_method");
            method.put("object", "payment_method");
            method.put("type", "card");
            method.put("reference_id", "cus_sbx" + id + "/card_sbx" + id);
            method.put("gateway", "stripe");
            method.put("gateway_account_id", "gw_stripe_" + currency.toLowerCase(Locale.ROOT));
            method.put("status", "valid");
        }
        c.put("promotional_credits", 0);
        c.put("refundable_credits", 0);
        c.put("excess_payments", 0);
        c.put("unbilled_charges", 0);
        c.put("preferred_currency_code", currency);
        return c;
    }

    private String[] name(String currency) {
        return switch (currency) {
            case "EUR" -> new String[] {pick(EU_FIRST), pick(EU_LAST)};
            case "JPY" -> new String[] {pick(JP_FIRST), pick(JP_LAST)};
            default -> new String[] {pick(US_FIRST), pick(US_LAST)};
        };
    }

    private String company(String currency) {
        String word = pick(COMPANY_WORDS);
        return switch (currency) {
            case "EUR" -> word + " " + pick(COMPANY_SUFFIX_EU);
            case "JPY" -> word + " K.K.";
            default -> word + " " + pick(COMPANY_SUFFIX_US);
        };
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
