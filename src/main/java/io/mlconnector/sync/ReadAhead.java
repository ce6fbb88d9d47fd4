package io.mlconnector.sync;

import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Customers the worker read ahead for the documents of one batch (one list call for all of them), for this thread:
 * a document whose customer Acumatica does not know yet takes it from here instead of reading Chargebee again.
 */
@ApplicationScoped
public class ReadAhead {
    private final ThreadLocal<Map<String, ChargebeeCustomer>> customers = ThreadLocal.withInitial(HashMap::new);
    private final ChargebeeClient chargebee;

    public ReadAhead(ChargebeeClient chargebee) {
        this.chargebee = chargebee;
    }

    public void remember(ChargebeeCustomer customer) {
        customers.get().put(customer.id(), customer);
    }

    public boolean has(String customerId) {
        return customers.get().containsKey(customerId);
    }

    /** The customer as read for this batch, else Chargebee's current record. */
    public ChargebeeCustomer customer(String customerId) {
        ChargebeeCustomer known = customers.get().get(customerId);
        return known != null ? known : chargebee.customer(customerId);
    }

    public void clear() {
        customers.remove();
    }
}
