package io.mlconnector.mapping.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default mapping must work against the sandbox's seeded tenant: every id it names exists there, every cash
 * account is allowed for the payment methods it is paired with, and every payment lands in a cash account of its own
 * currency. A miniature of the preflight, kept here so the shipped file cannot drift from the tenant.
 */
class DefaultMappingMatchesSandboxTenantTest {
    private static final List<String> GATEWAY_ACCOUNTS = Arrays.asList(
            "gw_stripe_usd", "gw_stripe_eur", "gw_stripe_jpy", "gw_unknown", null);
    private static final List<String> PAYMENT_METHODS = Arrays.asList(
            "card", "bank_transfer", "cash", "check", "paypal_express_checkout", null);

    private static Mapping mapping;
    private static JsonNode tenant;

    @BeforeAll
    static void load() throws Exception {
        mapping = MappingFixtures.defaultMapping();
        tenant = new ObjectMapper().readTree(MappingFixtures.text("acumatica/default-tenant.json"));
    }

    @Test
    void references_shouldAllExistInTheTenant() {
        Map<Reference.Kind, Set<String>> known = Map.of(
                Reference.Kind.ACCOUNT, ids("Account", "AccountCD"),
                Reference.Kind.SUBACCOUNT, ids("Subaccount", "SubaccountCD"),
                Reference.Kind.CURRENCY, ids("Currency", "CurrencyID"),
                Reference.Kind.INVENTORY_ITEM, ids("NonStockItem", "InventoryID"),
                Reference.Kind.TAX, ids("Tax", "TaxID"),
                Reference.Kind.PAYMENT_METHOD, ids("PaymentMethod", "PaymentMethodID"),
                Reference.Kind.CUSTOMER_CLASS, ids("CustomerClass", "ClassID"),
                Reference.Kind.TERMS, creditTerms());
        Map<String, Set<String>> allowedCashAccounts = allowedCashAccounts();

        List<String> gaps = new ArrayList<>();
        for (Reference reference : mapping.references()) {
            boolean exists = reference.kind() == Reference.Kind.CASH_ACCOUNT
                    ? allowedCashAccounts.getOrDefault(reference.paymentMethod(), Set.of()).contains(reference.id())
                    : known.get(reference.kind()).contains(reference.id());
            if (!exists) {
                gaps.add(reference.toString());
            }
        }

        assertThat(gaps).isEmpty();
        assertThat(mapping.references()).extracting(Reference::kind).contains(Reference.Kind.values());
    }

    @Test
    void paymentFor_shouldLandInACashAccountOfThePaymentsCurrency_forEveryTenantCurrency() {
        Map<String, String> accountCurrency = new HashMap<>();
        tenant.at("/referenceData/Account").forEach(a -> accountCurrency.put(a.get("AccountCD").asText(),
                a.path("CurrencyID").asText(null)));
        Map<String, Set<String>> allowed = allowedCashAccounts();

        List<String> wrong = new ArrayList<>();
        for (String currency : ids("Currency", "CurrencyID")) {
            for (String gateway : GATEWAY_ACCOUNTS) {
                for (String method : PAYMENT_METHODS) {
                    PaymentRoute route = mapping.paymentFor(gateway, method, currency);
                    if (!currency.equals(accountCurrency.get(route.cashAccount()))
                            || !allowed.getOrDefault(route.paymentMethod(), Set.of()).contains(route.cashAccount())) {
                        wrong.add(gateway + "/" + method + "/" + currency + " -> " + route);
                    }
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void customers_shouldFitTheTenantsCustomerIdSegment() {
        assertThat(mapping.customers().idMaxLength()).isEqualTo(tenant.at("/customerId/maxLength").asInt());
        assertThat(mapping.customers().customerClass()).isEqualTo(tenant.get("defaultCustomerClass").asText());
    }

    private static Set<String> ids(String entity, String field) {
        Set<String> ids = new HashSet<>();
        tenant.at("/referenceData/" + entity).forEach(record -> ids.add(record.get(field).asText()));
        return ids;
    }

    private static Map<String, Set<String>> allowedCashAccounts() {
        Map<String, Set<String>> allowed = new HashMap<>();
        tenant.at("/referenceData/PaymentMethod").forEach(method -> {
            Set<String> accounts = new HashSet<>();
            method.path("AllowedCashAccounts").forEach(a -> {
                if (a.path("UseInAR").asBoolean(false)) {
                    accounts.add(a.get("CashAccount").asText());
                }
            });
            allowed.put(method.get("PaymentMethodID").asText(), accounts);
        });
        return allowed;
    }

    /** Credit Terms are seed data of the tenant: the Default endpoint publishes no entity for them. */
    private static Set<String> creditTerms() {
        Set<String> terms = new java.util.TreeSet<>();
        tenant.path("creditTerms").forEach(id -> terms.add(id.asText()));
        return terms;
    }
}
