package io.mlconnector.mapping.file;

import static io.mlconnector.mapping.file.Reference.Kind.ACCOUNT;
import static io.mlconnector.mapping.file.Reference.Kind.CASH_ACCOUNT;
import static io.mlconnector.mapping.file.Reference.Kind.CURRENCY;
import static io.mlconnector.mapping.file.Reference.Kind.CUSTOMER_CLASS;
import static io.mlconnector.mapping.file.Reference.Kind.INVENTORY_ITEM;
import static io.mlconnector.mapping.file.Reference.Kind.PAYMENT_METHOD;
import static io.mlconnector.mapping.file.Reference.Kind.SUBACCOUNT;
import static io.mlconnector.mapping.file.Reference.Kind.TAX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** references() lists every Acumatica id the preflight must find, with the key path and line it came from. */
class ReferencesTest {

    @Test
    void references_shouldListEveryIdWithItsKeyPathAndLine_inFileOrder() {
        Mapping mapping = MappingFixtures.parse("minimal.yaml");

        assertThat(mapping.references()).containsExactly(
                new Reference(CUSTOMER_CLASS, "DEFAULT", null, "customers.customer_class", 6),
                new Reference(INVENTORY_ITEM, "SUBSCRIPTION", null, "items.default.inventory_id", 8),
                new Reference(ACCOUNT, "40000", null, "items.default.sales_account", 8),
                new Reference(SUBACCOUNT, "000-000", null, "items.default.sales_subaccount", 8),
                new Reference(INVENTORY_ITEM, "DISCOUNT", null, "discounts.default.inventory_id", 10),
                new Reference(ACCOUNT, "41000", null, "discounts.default.account", 10),
                new Reference(SUBACCOUNT, "000-000", null, "discounts.default.subaccount", 10),
                new Reference(TAX, "CBTAX", null, "taxes.default_tax_id", 12),
                new Reference(INVENTORY_ITEM, "ROUNDING", null, "rounding.inventory_id", 13),
                new Reference(ACCOUNT, "44000", null, "rounding.account", 13),
                new Reference(SUBACCOUNT, "000-000", null, "rounding.subaccount", 13),
                new Reference(ACCOUNT, "62000", null, "write_off.account", 14),
                new Reference(SUBACCOUNT, "000-000", null, "write_off.subaccount", 14),
                new Reference(ACCOUNT, "62000", null, "bad_debt.account", 15),
                new Reference(SUBACCOUNT, "000-000", null, "bad_debt.subaccount", 15),
                new Reference(PAYMENT_METHOD, "CARD", null, "payments.default.payment_method", 17),
                new Reference(CASH_ACCOUNT, "10200", "CARD", "payments.default.cash_account", 17));
    }

    @Test
    void references_shouldPairEachCashAccountWithEveryPaymentMethodItCanInherit() {
        Mapping mapping = MappingFixtures.parse("precedence.yaml");

        assertThat(mapping.references()).filteredOn(r -> r.kind() == CASH_ACCOUNT).containsExactly(
                cash("C-DEFAULT", "PM-CHECK", "payments.default.cash_account", 33),
                cash("C-DEFAULT", "PM-DEFAULT", "payments.default.cash_account", 33),
                cash("C-DEFAULT", "PM-PAYPAL", "payments.default.cash_account", 33),
                cash("C-EUR", "PM-DEFAULT", "payments.by_currency.EUR.cash_account", 35),
                cash("C-EUR", "PM-GW", "payments.by_currency.EUR.cash_account", 35),
                cash("C-EUR", "PM-PAYPAL", "payments.by_currency.EUR.cash_account", 35),
                cash("C-CHECK-EUR", "PM-CHECK", "payments.by_payment_method.check.by_currency.EUR.cash_account", 41),
                cash("C-CHECK-EUR", "PM-GW", "payments.by_payment_method.check.by_currency.EUR.cash_account", 41));
    }

    @Test
    void references_shouldListTheCurrencyKeysOfEveryByCurrencyMap() {
        Mapping mapping = MappingFixtures.parse("precedence.yaml");

        assertThat(mapping.references()).filteredOn(r -> r.kind() == CURRENCY).containsExactly(
                new Reference(CURRENCY, "EUR", null, "customers.customer_class_by_currency.EUR", 9),
                new Reference(CURRENCY, "EUR", null, "payments.by_currency.EUR", 35),
                new Reference(CURRENCY, "EUR", null, "payments.by_payment_method.check.by_currency.EUR", 41),
                new Reference(CURRENCY, "EUR", null, "payments.by_gateway_account.gw_1.EUR", 44));
    }

    @Test
    void references_shouldIncludeTheSummaryAccounts_onlyWhenGlSummaryIsEnabled() {
        Mapping enabled = MappingFixtures.parse("precedence.yaml");
        Mapping disabled = MappingFixtures.defaultMapping();

        assertThat(enabled.references()).contains(
                new Reference(ACCOUNT, "1100", null, "gl_summary.ar_account", 48),
                new Reference(SUBACCOUNT, "SUB-GL", null, "gl_summary.subaccount", 52));
        assertThat(disabled.references()).noneMatch(r -> r.keyPath().startsWith("gl_summary."));
    }

    @Test
    void references_shouldBeUnmodifiable() {
        Mapping mapping = MappingFixtures.parse("minimal.yaml");

        assertThatThrownBy(() -> mapping.references().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void reference_shouldRequireAPaymentMethod_exactlyForCashAccounts() {
        assertThatThrownBy(() -> new Reference(CASH_ACCOUNT, "10200", null, "payments.default.cash_account", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reference(ACCOUNT, "40000", "CARD", "items.default.sales_account", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Reference cash(String account, String paymentMethod, String keyPath, int line) {
        return new Reference(CASH_ACCOUNT, account, paymentMethod, keyPath, line);
    }
}
