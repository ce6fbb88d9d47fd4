package io.mlconnector.mapping.file;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How Chargebee customers become Acumatica customers: the CustomerID, the customer class and the credit terms.
 *
 * @param idMaxLength the length of Acumatica's CustomerID segment (Segmented Keys, CS202000)
 * @param customerClass the class for currencies without an entry in {@code customerClassByCurrency}
 * @param terms the credit terms per Chargebee net term days
 */
public record CustomerRules(CustomerIdStrategy idStrategy, int idMaxLength, String customerClass,
                            Map<String, String> customerClassByCurrency, CreditTerms terms) {
    public CustomerRules {
        Objects.requireNonNull(idStrategy, "idStrategy");
        Objects.requireNonNull(customerClass, "customerClass");
        Objects.requireNonNull(terms, "terms");
        customerClassByCurrency = Collections.unmodifiableMap(new LinkedHashMap<>(customerClassByCurrency));
    }

    /** Rules whose customers all take their class's credit terms. */
    public CustomerRules(CustomerIdStrategy idStrategy, int idMaxLength, String customerClass,
                         Map<String, String> customerClassByCurrency) {
        this(idStrategy, idMaxLength, customerClass, customerClassByCurrency, CreditTerms.fromCustomerClass());
    }

    /** The customer class for a customer billed in {@code currency} (e.g. its preferred currency). */
    public String classFor(String currency) {
        if (currency == null || currency.isBlank()) {
            return customerClass;
        }
        return customerClassByCurrency.getOrDefault(currency.toUpperCase(Locale.ROOT), customerClass);
    }

    public String customerIdFor(String chargebeeCustomerId) {
        return idStrategy.customerIdFor(chargebeeCustomerId, idMaxLength);
    }
}
