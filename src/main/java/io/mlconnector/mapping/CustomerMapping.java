package io.mlconnector.mapping;

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
     * @param rules the mapping file's customer rules: CustomerID strategy and class per currency
     */
    public static AcuCustomer toAcumatica(ChargebeeCustomer customer, String fallbackCurrency, CustomerRules rules) {
        String currency = Optional.ofNullable(customer.preferredCurrencyCode()).orElse(fallbackCurrency);
        BillingAddress billing = customer.billingAddress();
        AcuAddress address = billing == null ? null : new AcuAddress(billing.line1(), joinLines(billing),
                billing.city(), Optional.ofNullable(billing.stateCode()).orElse(billing.state()), billing.zip(),
                billing.country());
        AcuContact contact = new AcuContact(customer.company(), customer.firstName(), customer.lastName(),
                customer.email(), customer.phone(), address);
        return new AcuCustomer(
                rules.customerIdFor(customer.id()),
                customer.displayName(),
                rules.classFor(currency == null ? null : currency.toUpperCase(Locale.ROOT)),
                currency == null ? null : currency.toUpperCase(Locale.ROOT),
                terms(customer.netTermDays()),
                customer.id(),
                customer.email(),
                customer.isDeleted() ? "Inactive" : null,
                contact);
    }

    /** Chargebee's net term days as an Acumatica terms id such as {@code NET30}; none for due-on-receipt. */
    static String terms(Integer netTermDays) {
        return netTermDays == null || netTermDays == 0 ? null : "NET" + netTermDays;
    }

    private static String joinLines(BillingAddress billing) {
        String second = Optional.ofNullable(billing.line2()).orElse("");
        String third = Optional.ofNullable(billing.line3()).orElse("");
        String joined = (second + " " + third).strip();
        return joined.isEmpty() ? null : joined;
    }
}
