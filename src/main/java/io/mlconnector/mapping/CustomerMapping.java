package io.mlconnector.mapping;

import io.mlconnector.acumatica.CustomerStatus;
import io.mlconnector.acumatica.dto.AcuAddress;
import io.mlconnector.acumatica.dto.AcuContact;
import io.mlconnector.acumatica.dto.AcuCustomer;
import io.mlconnector.chargebee.dto.BillingAddress;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.mapping.file.CustomerRules;
import java.util.Locale;
import java.util.Optional;

/** Chargebee customer → Acumatica {@code Customer}. Pure: no I/O, no clock. */
public final class CustomerMapping {

    private CustomerMapping() {}

    /**
     * @param fallbackCurrency the first document's currency, for customers without a preferred currency
     * @param rules the mapping file's customer rules: CustomerID strategy, class per currency, credit terms per net
     *              term days (none listed: the class's terms)
     */
    public static AcuCustomer toAcumatica(ChargebeeCustomer customer, String fallbackCurrency, CustomerRules rules) {
        String currency = Optional.ofNullable(customer.preferredCurrencyCode()).orElse(fallbackCurrency);
        BillingAddress billing = customer.billingAddress();
        AcuAddress address = billing == null ? null : new AcuAddress(billing.line1(), joinLines(billing),
                billing.city(), Subdivisions.stateFor(billing.country(), billing.stateCode(), billing.state())
                .orElse(null), billing.zip(), billing.country());
        AcuContact contact = new AcuContact(customer.company(), customer.firstName(), customer.lastName(),
                customer.email(), customer.phone(), address);
        return new AcuCustomer(
                rules.customerIdFor(customer.id()),
                customer.displayName(),
                rules.classFor(currency == null ? null : currency.toUpperCase(Locale.ROOT)),
                currency == null ? null : currency.toUpperCase(Locale.ROOT),
                rules.terms().termsFor(customer.netTermDays()).orElse(null),
                customer.id(),
                customer.email(),
                customer.isDeleted() ? CustomerStatus.INACTIVE.wireName() : null,
                contact);
    }

    private static String joinLines(BillingAddress billing) {
        String second = Optional.ofNullable(billing.line2()).orElse("");
        String third = Optional.ofNullable(billing.line3()).orElse("");
        String joined = (second + " " + third).strip();
        return joined.isEmpty() ? null : joined;
    }
}
