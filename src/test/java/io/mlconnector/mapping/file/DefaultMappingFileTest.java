package io.mlconnector.mapping.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped, documented default-mapping.yaml parses cleanly and resolves the documented precedence cases. */
class DefaultMappingFileTest {
    private static Mapping mapping;

    @BeforeAll
    static void parseOnce() {
        mapping = MappingFixtures.defaultMapping();
    }

    @Test
    void parse_shouldAcceptTheDefaultFileWithoutWarnings() {
        assertThat(mapping.warnings()).isEmpty();
        assertThat(mapping.sourceName()).isEqualTo("default-mapping.yaml");
    }

    @Test
    void itemFor_shouldUseTheEntityTypeRule_whenNoItemPriceRuleMatches() {
        assertThat(mapping.itemFor("plan_item_price", "pro-USD-monthly")).isEqualTo(new LineAccount(
                "SUBSCRIPTION", "40000", "000-000", "items.by_entity_type.plan_item_price"));
        assertThat(mapping.itemFor("addon_item_price", "extra-seats-EUR-monthly")).isEqualTo(new LineAccount(
                "ADDON", "40100", "000-000", "items.by_entity_type.addon_item_price"));
        assertThat(mapping.itemFor("charge_item_price", "onboarding-USD")).isEqualTo(new LineAccount(
                "SETUP-FEE", "40100", "000-000", "items.by_entity_type.charge_item_price"));
    }

    @Test
    void itemFor_shouldPreferTheItemPriceRuleAndInheritTheAccountFromTheType_whenBothMatch() {
        assertThat(mapping.itemFor("charge_item_price", "api-calls-USD")).isEqualTo(new LineAccount(
                "USAGE", "40100", "000-000", "items.by_item_price.api-calls-USD"));
    }

    @Test
    void itemFor_shouldUseThePrefixRule_whenTheItemPriceStartsWithIt() {
        assertThat(mapping.itemFor("charge_item_price", "consulting-hours-JPY")).isEqualTo(new LineAccount(
                "USAGE", "40100", "000-000", "items.by_item_price_prefix.consulting-hours-"));
    }

    @Test
    void itemFor_shouldFallBackToTheDefault_whenNothingMatches() {
        LineAccount expected = new LineAccount("SUBSCRIPTION", "40000", "000-000", "items.default");

        assertThat(mapping.itemFor("some_future_type", "x")).isEqualTo(expected);
        assertThat(mapping.itemFor(null, null)).isEqualTo(expected);
    }

    @Test
    void discountFor_shouldPostProrationCreditsAgainstRevenue_andOtherDiscountsToSalesDiscounts() {
        assertThat(mapping.discountFor("prorated_credits")).isEqualTo(new LineAccount(
                "SUBSCRIPTION", "40000", "000-000", "discounts.by_type.prorated_credits"));
        assertThat(mapping.discountFor("document_level_coupon")).isEqualTo(new LineAccount(
                "DISCOUNT", "41000", "000-000", "discounts.default"));
    }

    @Test
    void taxIdFor_shouldPreferTheTaxName_thenTheJurisdictionType_thenTheDefault() {
        assertThat(mapping.taxIdFor("NY State Tax", "state")).isEqualTo("SALESTAX");
        assertThat(mapping.taxIdFor("DE VAT", "country")).isEqualTo("VAT");
        assertThat(mapping.taxIdFor("Some County Tax", "county")).isEqualTo("CBTAX");
        assertThat(mapping.taxIdFor(null, null)).isEqualTo("CBTAX");
    }

    @Test
    void paymentFor_shouldPreferTheGatewayAccountRule_whenItNamesTheCurrency() {
        assertThat(mapping.paymentFor("gw_stripe_eur", "card", "EUR")).isEqualTo(new PaymentRoute(
                "CARD", "10250", "payments.by_gateway_account.gw_stripe_eur.EUR"));
    }

    @Test
    void paymentFor_shouldFallThroughToTheCurrency_whenTheGatewayAccountHasNoRuleForIt() {
        assertThat(mapping.paymentFor("gw_stripe_eur", "card", "GBP")).isEqualTo(new PaymentRoute(
                "CARD", "10260", "payments.by_currency.GBP"));
    }

    @Test
    void paymentFor_shouldTakeTheMethodFromItsRuleAndTheCashAccountFromTheCurrency_forBankTransfers() {
        assertThat(mapping.paymentFor(null, "bank_transfer", "EUR")).isEqualTo(new PaymentRoute(
                "BANKTRANSFER", "10250", "payments.by_payment_method.bank_transfer"));
        assertThat(mapping.paymentFor(null, "bank_transfer", "USD")).isEqualTo(new PaymentRoute(
                "BANKTRANSFER", "10200", "payments.by_payment_method.bank_transfer"));
    }

    @Test
    void paymentFor_shouldUseTheMethodsCurrencyRule_whenTheTenantLacksACashAccountForTheMethod() {
        assertThat(mapping.paymentFor(null, "bank_transfer", "JPY")).isEqualTo(new PaymentRoute(
                "CARD", "10270", "payments.by_payment_method.bank_transfer.by_currency.JPY"));
    }

    @Test
    void paymentFor_shouldUseTheDefault_whenNothingMoreSpecificMatches_andAcceptLowerCaseCurrency() {
        assertThat(mapping.paymentFor(null, "cash", "usd")).isEqualTo(new PaymentRoute(
                "CARD", "10200", "payments.default"));
    }

    @Test
    void otherSections_shouldExposeTheDocumentedValues() {
        assertThat(mapping.rounding()).isEqualTo(new LineAccount("ROUNDING", "44000", "000-000", "rounding"));
        assertThat(mapping.writeOff()).isEqualTo(new PostingAccount("62000", "000-000", "write_off"));
        assertThat(mapping.badDebt()).isEqualTo(new PostingAccount("62000", "000-000", "bad_debt"));
        assertThat(mapping.voidedInvoices()).isEqualTo(VoidPolicy.CREDIT_MEMO);
        assertThat(mapping.glSummary()).isEmpty();
        assertThat(mapping.customers().idStrategy()).isEqualTo(CustomerIdStrategy.CHARGEBEE_ID);
        assertThat(mapping.customers().classFor("EUR")).isEqualTo("INTL");
        assertThat(mapping.customers().classFor("USD")).isEqualTo("DEFAULT");
    }
}
