package io.mlconnector.mapping.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * mapping/precedence.yaml names every level of every section with made-up ids, and its specific rules leave fields
 * out, so each resolved field shows both which rule won and which rule it was inherited from.
 */
class RulePrecedenceTest {
    private static Mapping mapping;

    @BeforeAll
    static void parseOnce() {
        mapping = MappingFixtures.parse("precedence.yaml");
    }

    @Test
    void itemFor_shouldTakeEachMissingFieldFromTheNextMatchingRule_acrossAllFourLevels() {
        // GIVEN by_item_price names only the item, pro-EUR- only the subaccount, the type only item and account
        LineAccount line = mapping.itemFor("plan_item_price", "pro-EUR-monthly");

        // THEN the exact rule wins, and each field it lacks comes from the most specific rule that has it
        assertThat(line).isEqualTo(new LineAccount("ITEM-EXACT", "2000", "SUB-PREFIX-EUR",
                "items.by_item_price.pro-EUR-monthly"));
    }

    @Test
    void itemFor_shouldLetTheLongestPrefixWin_andTheShorterPrefixFillItsGaps() {
        assertThat(mapping.itemFor("plan_item_price", "pro-EUR-yearly")).isEqualTo(new LineAccount(
                "ITEM-PREFIX", "2000", "SUB-PREFIX-EUR", "items.by_item_price_prefix.pro-EUR-"));
        assertThat(mapping.itemFor("addon_item_price", "pro-USD-monthly")).isEqualTo(new LineAccount(
                "ITEM-PREFIX", "1000", "SUB-DEFAULT", "items.by_item_price_prefix.pro-"));
    }

    @Test
    void itemFor_shouldInheritFromTheDefault_whenOnlyTheEntityTypeMatches() {
        assertThat(mapping.itemFor("plan_item_price", "basic-USD-monthly")).isEqualTo(new LineAccount(
                "ITEM-TYPE", "2000", "SUB-DEFAULT", "items.by_entity_type.plan_item_price"));
    }

    @Test
    void discountFor_shouldInheritTheItemAndSubaccount_whenTheTypeRuleNamesOnlyTheAccount() {
        assertThat(mapping.discountFor("promotional_credits")).isEqualTo(new LineAccount(
                "DISC-DEFAULT", "3100", "SUB-DEFAULT", "discounts.by_type.promotional_credits"));
        assertThat(mapping.discountFor(null)).isEqualTo(new LineAccount(
                "DISC-DEFAULT", "3000", "SUB-DEFAULT", "discounts.default"));
    }

    @Test
    void taxIdFor_shouldPreferTheTaxNameOverTheJurisdictionType() {
        assertThat(mapping.taxIdFor("NY State Tax", "state")).isEqualTo("TAX-NAME");
        assertThat(mapping.taxIdFor("TX State Tax", "state")).isEqualTo("TAX-STATE");
        assertThat(mapping.taxIdFor("TX State Tax", "city")).isEqualTo("TAX-DEFAULT");
    }

    @Test
    void paymentFor_shouldRankGatewayAccountAboveMethodAboveCurrencyAboveDefault() {
        assertThat(mapping.paymentFor("gw_1", "paypal_express_checkout", "EUR")).isEqualTo(new PaymentRoute(
                "PM-GW", "C-EUR", "payments.by_gateway_account.gw_1.EUR"));
        assertThat(mapping.paymentFor(null, "paypal_express_checkout", "EUR")).isEqualTo(new PaymentRoute(
                "PM-PAYPAL", "C-EUR", "payments.by_payment_method.paypal_express_checkout"));
        assertThat(mapping.paymentFor("gw_1", "card", "EUR")).isEqualTo(new PaymentRoute(
                "PM-GW", "C-EUR", "payments.by_gateway_account.gw_1.EUR"));
        assertThat(mapping.paymentFor(null, "card", "EUR")).isEqualTo(new PaymentRoute(
                "PM-DEFAULT", "C-EUR", "payments.by_currency.EUR"));
        assertThat(mapping.paymentFor("gw_1", "card", "USD")).isEqualTo(new PaymentRoute(
                "PM-DEFAULT", "C-DEFAULT", "payments.default"));
    }

    @Test
    void paymentFor_shouldRankAMethodsCurrencyRuleAboveTheMethodRule() {
        assertThat(mapping.paymentFor(null, "check", "EUR")).isEqualTo(new PaymentRoute(
                "PM-CHECK", "C-CHECK-EUR", "payments.by_payment_method.check.by_currency.EUR"));
        assertThat(mapping.paymentFor(null, "check", "USD")).isEqualTo(new PaymentRoute(
                "PM-CHECK", "C-DEFAULT", "payments.by_payment_method.check"));
        assertThat(mapping.paymentFor("gw_1", "check", "EUR")).isEqualTo(new PaymentRoute(
                "PM-GW", "C-CHECK-EUR", "payments.by_gateway_account.gw_1.EUR"));
    }

    @Test
    void paymentFor_shouldRefuseToGuess_whenTheCurrencyIsMissing() {
        assertThatThrownBy(() -> mapping.paymentFor("gw_1", "card", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency");
    }

    @Test
    void otherSections_shouldExposeTheFilesValues() {
        assertThat(mapping.voidedInvoices()).isEqualTo(VoidPolicy.VOID);
        assertThat(mapping.glSummary()).contains(new GlSummary("1100", "1000", "2300", "3000", "SUB-GL"));
        assertThat(mapping.writeOff()).isEqualTo(new PostingAccount("5000", "SUB-WO", "write_off"));
        assertThat(mapping.badDebt()).isEqualTo(new PostingAccount("5100", "SUB-BD", "bad_debt"));
        assertThat(mapping.customers().classFor("EUR")).isEqualTo("CLASS-EUR");
        assertThat(mapping.customers().classFor("eur")).isEqualTo("CLASS-EUR");
        assertThat(mapping.customers().classFor("JPY")).isEqualTo("CLASS-DEFAULT");
        assertThat(mapping.customers().classFor(null)).isEqualTo("CLASS-DEFAULT");
    }
}
