package io.mlconnector.mapping.file;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How Chargebee customers become Acumatica customers: the CustomerID and the customer class.
 *
 * @param idMaxLength the length of Acumatica's CustomerID segment (Segmented Keys, CS202000)
 * @param customerClass the class for currencies without an entry in {@code customerClassByCurrency}
 */
public record CustomerRules(CustomerIdStrategy idStrategy, int idMaxLength, String customerClass,
                            Map<String, String> customerClassByCurrency) {
    public CustomerRules {
        Objects.requireNonNull(idStrategy, "idStrategy");
        Objects.requireNonNull(customerClass, "customerClass");
        customerClassByCurrency = Collections.unmodifiableMap(new LinkedHashMap<>(customerClassByCurrency));
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
