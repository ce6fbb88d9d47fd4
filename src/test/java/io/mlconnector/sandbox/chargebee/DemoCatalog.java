package io.mlconnector.sandbox.chargebee;

import java.util.List;
import java.util.Map;

/**
 * The demo site's Product Catalog 2.0 prices and tax regions. Amounts are in each currency's minor unit, except JPY,
 * which has none (¥3200 is {@code 3200}).
 */
final class DemoCatalog {

    static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY");
    static final List<String> PLANS = List.of("basic", "pro", "enterprise");

    /** [monthly, yearly] plan prices per plan, per currency. */
    private static final Map<String, Map<String, long[]>> PLAN_PRICES = Map.of(
            "USD", Map.of("basic", new long[] {2_900, 29_000}, "pro", new long[] {9_900, 99_000},
                    "enterprise", new long[] {49_900, 499_000}),
            "EUR", Map.of("basic", new long[] {2_700, 27_000}, "pro", new long[] {8_900, 89_000},
                    "enterprise", new long[] {44_900, 449_000}),
            "JPY", Map.of("basic", new long[] {3_200, 32_000}, "pro", new long[] {11_000, 110_000},
                    "enterprise", new long[] {55_000, 550_000}));
    private static final Map<String, long[]> SEAT_PRICES = Map.of(
            "USD", new long[] {1_200, 12_000}, "EUR", new long[] {1_100, 11_000}, "JPY", new long[] {1_300, 13_000});
    private static final Map<String, Long> ONBOARDING_PRICES = Map.of("USD", 25_000L, "EUR", 22_500L, "JPY", 28_000L);
    private static final Map<String, Long> CONSULTING_HOUR_PRICES = Map.of("USD", 15_000L, "EUR", 13_500L,
            "JPY", 17_000L);
    private static final Map<String, Long> API_CALL_BLOCK_PRICES = Map.of("USD", 500L, "EUR", 450L, "JPY", 550L);
    /** Units of currency per 1 USD, for the invoices' exchange_rate to the USD base currency. */
    private static final Map<String, Double> EXCHANGE_RATES = Map.of("USD", 1.0, "EUR", 1.0842, "JPY", 0.00641);

    /** One tax jurisdiction as {@code line_item_taxes[]} describes it. */
    record Jurisdiction(String taxName, double rate, String jurisType, String jurisName, String jurisCode) {
    }

    /** A billing location and the jurisdictions that tax it (none: not taxable there). */
    record TaxRegion(String country, String state, String stateCode, String city, String zip, String line1Suffix,
            List<Jurisdiction> jurisdictions) {
    }

    static final List<TaxRegion> US_REGIONS = List.of(
            new TaxRegion("US", "New York", "NY", "New York", "10001", "Broadway", List.of(
                    new Jurisdiction("NY State Tax", 4.0, "state", "New York", "36"),
                    new Jurisdiction("New York City Tax", 4.875, "city", "New York City", "51000"))),
            new TaxRegion("US", "Texas", "TX", "Austin", "78701", "Congress Ave", List.of(
                    new Jurisdiction("TX State Tax", 6.25, "state", "Texas", "48"),
                    new Jurisdiction("Austin City Tax", 2.0, "city", "Austin", "05000"))),
            new TaxRegion("US", "Oregon", "OR", "Portland", "97204", "SW Morrison St", List.of()));

    static final List<TaxRegion> EU_REGIONS = List.of(
            new TaxRegion("DE", null, null, "Berlin", "10115", "Invalidenstraße", List.of(
                    new Jurisdiction("DE VAT", 19.0, "country", "Germany", "DE"))),
            new TaxRegion("FR", null, null, "Paris", "75002", "Rue de la Paix", List.of(
                    new Jurisdiction("FR VAT", 20.0, "country", "France", "FR"))),
            new TaxRegion("NL", null, null, "Amsterdam", "1012 JS", "Damrak", List.of(
                    new Jurisdiction("NL VAT", 21.0, "country", "Netherlands", "NL"))));

    static final List<TaxRegion> JP_REGIONS = List.of(
            new TaxRegion("JP", "Tokyo", "13", "Chiyoda-ku", "100-0005", "Marunouchi", List.of(
                    new Jurisdiction("JP Consumption Tax", 10.0, "country", "Japan", "JP"))));

    private DemoCatalog() {
    }

    static List<TaxRegion> regionsFor(String currency) {
        return switch (currency) {
            case "USD" -> US_REGIONS;
            case "EUR" -> EU_REGIONS;
            case "JPY" -> JP_REGIONS;
            default -> throw new IllegalArgumentException("No regions for " + currency);
        };
    }

    static long planPrice(String currency, String plan, boolean yearly) {
        return PLAN_PRICES.get(currency).get(plan)[yearly ? 1 : 0];
    }

    static long seatPrice(String currency, boolean yearly) {
        return SEAT_PRICES.get(currency)[yearly ? 1 : 0];
    }

    static long onboardingPrice(String currency) {
        return ONBOARDING_PRICES.get(currency);
    }

    static long consultingHourPrice(String currency) {
        return CONSULTING_HOUR_PRICES.get(currency);
    }

    static long apiCallBlockPrice(String currency) {
        return API_CALL_BLOCK_PRICES.get(currency);
    }

    static double exchangeRate(String currency) {
        return EXCHANGE_RATES.get(currency);
    }

    /** PC2 item price id, e.g. {@code pro-USD-monthly}. */
    static String recurringPriceId(String item, String currency, boolean yearly) {
        return item + "-" + currency + (yearly ? "-yearly" : "-monthly");
    }

    /** PC2 charge item price id, e.g. {@code onboarding-USD}. */
    static String chargePriceId(String item, String currency) {
        return item + "-" + currency;
    }

    static String planName(String plan) {
        return Character.toUpperCase(plan.charAt(0)) + plan.substring(1);
    }
}
