package io.mlconnector.soak;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import java.util.List;

/** Chargebee's records as they stand at the end of a run (what GET answers), and every event of the run. */
public record ChargebeeBooks(List<JsonNode> customers, List<JsonNode> invoices, List<JsonNode> creditNotes,
                             List<JsonNode> transactions, List<JsonNode> events) {

    public ChargebeeBooks {
        customers = List.copyOf(customers);
        invoices = List.copyOf(invoices);
        creditNotes = List.copyOf(creditNotes);
        transactions = List.copyOf(transactions);
        events = List.copyOf(events);
    }

    public static ChargebeeBooks of(ChargebeeSandbox sandbox) {
        return new ChargebeeBooks(List.copyOf(sandbox.customers()), List.copyOf(sandbox.invoices()),
                List.copyOf(sandbox.creditNotes()), List.copyOf(sandbox.transactions()), List.copyOf(sandbox.events()));
    }

    public int documents() {
        return invoices.size() + creditNotes.size() + transactions.size();
    }
}
