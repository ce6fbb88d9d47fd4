package io.mlconnector.mapping.file;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which Acumatica Credit Terms (CS206500) a customer gets for Chargebee's {@code net_term_days}: the id listed for
 * those days, else {@code defaultTerms}, else none, so Acumatica takes the terms of the customer's class. Terms ids
 * are the tenant's own (such as {@code 30D} or {@code NET30}); the connector never makes one up.
 *
 * @param defaultTerms terms for net term days not listed; null leaves them to the customer class
 */
public record CreditTerms(String defaultTerms, Map<Integer, String> byNetTermDays) {
    public CreditTerms {
        byNetTermDays = Collections.unmodifiableMap(new TreeMap<>(byNetTermDays));
    }

    /** No terms in the file: every customer takes its class's terms. */
    public static CreditTerms fromCustomerClass() {
        return new CreditTerms(null, Map.of());
    }

    /** @param netTermDays Chargebee's {@code net_term_days}; null (not set) is treated as 0, due on receipt */
    public Optional<String> termsFor(Integer netTermDays) {
        int days = netTermDays == null ? 0 : netTermDays;
        return Optional.ofNullable(byNetTermDays.getOrDefault(days, defaultTerms));
    }
}
