package io.mlconnector.soak;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import java.util.List;

/**
 * Acumatica's customers, AR documents (invoices, credit and debit memos) and payments (payments, refunds and their
 * void documents) at the end of a run.
 */
public record AcumaticaBooks(List<JsonNode> customers, List<JsonNode> documents, List<JsonNode> payments) {

    public AcumaticaBooks {
        customers = List.copyOf(customers);
        documents = List.copyOf(documents);
        payments = List.copyOf(payments);
    }

    public static AcumaticaBooks of(AcumaticaSandbox sandbox) {
        return new AcumaticaBooks(sandbox.customers(), sandbox.salesInvoices(), sandbox.payments());
    }

    /** Documents the connector posted, void documents (which Acumatica makes itself) left out. */
    public int posted() {
        return documents.size() + (int) payments.stream().filter(p -> !isVoidDocument(p)).count();
    }

    static boolean isVoidDocument(JsonNode payment) {
        return payment.at("/Type/value").asText().startsWith("Voided");
    }
}
