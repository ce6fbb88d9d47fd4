package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.lambda.IngestHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.acumatica.FaultScope;
import io.mlconnector.sandbox.acumatica.RecordedRequest;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.testing.ApiGatewayEmulator;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Applications added to a released document (issue #10, item 5) survive a worker that stops between the update that
 * adds them and the release that applies them: the next attempt finds the unreleased line, sends only the release,
 * and the amount is applied once. The stop is a release that fails once (the sandbox's fault API), after which the
 * method's own retry plays the next attempt.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class PendingApplicationsTest {
    @Inject
    IngestHandler ingest;

    private ChargebeeSandbox chargebee;
    private AcumaticaSandbox acumatica;
    private SqsEventSource worker;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        chargebee = Sandboxes.shared().chargebee();
        acumatica = Sandboxes.shared().acumatica();
        chargebee.loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
        worker = new SqsEventSource(StandIns.shared().sqs().client(), StandIns.shared().sqs().queueUrl(),
                new LambdaInvoker()::invoke);
    }

    @Test
    void applyNewApplications_shouldOnlyRelease_whenAnEarlierAttemptAddedTheLineButStoppedBeforeReleasing() {
        JsonNode invoice = chargebee.invoice("INV-MIN-0003").orElseThrow();
        long at = invoice.path("date").asLong() + 3_600;
        ObjectNode payment = chargebee.transaction("txn_min_0001").orElseThrow().deepCopy();
        payment.put("id", "txn_min_excess").put("customer_id", "cust_min_jpy").put("currency_code", "JPY")
                .put("amount", 60_000).put("amount_unused", 9_000).put("date", at).put("updated_at", at)
                .put("id_at_gateway", "ch_excess");
        payment.putArray("linked_invoices").addObject().put("invoice_id", "INV-MIN-0003").put("applied_amount", 51_000)
                .put("applied_at", at).put("invoice_status", "paid");
        chargebee.putTransaction(payment); // the worker reads the payment as Chargebee holds it, not the event's copy
        deliver(chargebee.addEvent("payment_succeeded", contentWith("transaction", payment)).path("id").asText());
        worker.drain(1, 10);
        assertThat(payment("txn_min_excess").at("/AvailableBalance/value").decimalValue()).isEqualByComparingTo("9000");

        long later = at + 30 * 86_400;
        ObjectNode next = paidUntaxedInvoice(invoice, "INV-MIN-0004", later);
        next.put("amount_paid", 5_000);
        next.putArray("linked_payments").addObject().put("txn_id", "txn_min_excess").put("applied_amount", 5_000)
                .put("applied_at", later).put("txn_status", "success").put("txn_date", at).put("txn_amount", 60_000);
        chargebee.putInvoice(next);
        ObjectNode current = payment.deepCopy();
        current.put("amount_unused", 4_000).put("updated_at", later);
        ((ArrayNode) current.get("linked_invoices")).addObject().put("invoice_id", "INV-MIN-0004")
                .put("applied_amount", 5_000).put("applied_at", later).put("invoice_status", "paid");
        chargebee.putTransaction(current);
        acumatica.clearRequests();
        acumatica.faults().failNext(1, 500, FaultScope.of("POST", "Payment"));

        deliver(chargebee.addEvent("invoice_generated", contentWith("invoice", next)).path("id").asText());
        worker.drain(1, 10);

        assertThat(balanceOf("INV-MIN-0004")).as("paid from the excess").isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(payment("txn_min_excess").at("/AvailableBalance/value").decimalValue())
                .as("9000 unapplied less the 5000 applied once").isEqualByComparingTo("4000");
        assertThat(calls("PUT", "/Payment")).as("the line is added once; the next attempt finds it unreleased")
                .hasSize(1);
        assertThat(calls("POST", "/Payment/ReleasePayment")).extracting(RecordedRequest::status)
                .as("the release that failed, then the one that applied it").containsExactly(500, 202);
    }

    @Test
    void applyCreditMemo_shouldOnlyRelease_whenAnEarlierAttemptAddedTheLineButStoppedBeforeReleasing() {
        deliverAll(chargebee.events().stream().map(e -> e.path("id").asText()).toList());
        worker.drain(1, 20);
        ObjectNode note = refundableCreditNote("CN-MIN-0002", "INV-MIN-0003", 11_000);
        chargebee.putCreditNote(note);
        deliver(chargebee.addEvent("credit_note_created", contentWith("credit_note", note)).path("id").asText());
        worker.drain(1, 10);
        assertThat(balanceOf("CN-MIN-0002")).as("an open credit").isEqualByComparingTo("11000");

        JsonNode invoice = chargebee.invoice("INV-MIN-0003").orElseThrow();
        long later = invoice.path("date").asLong() + 30 * 86_400;
        ObjectNode next = paidUntaxedInvoice(invoice, "INV-MIN-0005", later);
        next.put("credits_applied", 5_000);
        next.putArray("applied_credits").addObject().put("cn_id", "CN-MIN-0002").put("applied_amount", 5_000)
                .put("applied_at", later).put("cn_status", "refund_due");
        chargebee.putInvoice(next);
        acumatica.clearRequests();
        acumatica.faults().failNext(1, 500, FaultScope.of("POST", "Payment"));

        deliver(chargebee.addEvent("invoice_generated", contentWith("invoice", next)).path("id").asText());
        worker.drain(1, 10);

        assertThat(balanceOf("INV-MIN-0005")).as("paid by the earlier credit").isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(balanceOf("CN-MIN-0002")).as("11000 less the 5000 used, once").isEqualByComparingTo("6000");
        assertThat(calls("PUT", "/Payment")).as("the line is added once; the next attempt finds it unreleased")
                .hasSize(1);
        assertThat(calls("POST", "/Payment/ReleasePayment")).extracting(RecordedRequest::status)
                .containsExactly(500, 202);
    }

    private List<RecordedRequest> calls(String method, String pathSuffix) {
        return acumatica.requests().stream().filter(r -> r.isTo(method, pathSuffix)).toList();
    }

    /** A refundable credit note of {@code amount} yen (tax included) on a minimal JPY invoice, not allocated yet. */
    private ObjectNode refundableCreditNote(String id, String invoiceId, long amount) {
        JsonNode invoice = chargebee.invoice(invoiceId).orElseThrow();
        long tax = amount * 10 / 110;
        ObjectNode note = invoice.deepCopy();
        note.retain("customer_id", "subscription_id", "currency_code", "exchange_rate", "price_type", "date",
                "billing_address");
        note.put("id", id).put("object", "credit_note").put("reference_invoice_id", invoiceId).put("type", "refundable")
                .put("reason_code", "product_unsatisfactory").put("create_reason_code", "Product Unsatisfactory")
                .put("status", "refund_due").put("date", invoice.path("date").asLong() + 3_600)
                .put("updated_at", invoice.path("date").asLong() + 3_600).put("sub_total", amount).put("tax", tax)
                .put("total", amount).put("amount_allocated", 0).put("amount_refunded", 0)
                .put("amount_available", amount).put("round_off_amount", 0).put("deleted", false);
        ObjectNode line = invoice.path("line_items").get(0).deepCopy();
        line.put("id", "cnli_" + id).put("quantity", 1).put("amount", amount).put("tax_amount", tax);
        note.putArray("line_items").add(line);
        note.putArray("taxes").addObject().put("name", "JP Consumption Tax").put("amount", tax);
        note.putArray("allocations");
        return note;
    }

    /** A later JPY invoice of 5000 (one untaxed consulting line) for the same customer as {@code like}, paid in full. */
    private static ObjectNode paidUntaxedInvoice(JsonNode like, String id, long date) {
        ObjectNode invoice = like.deepCopy();
        invoice.put("id", id).put("status", "paid").put("date", date).put("due_date", date).put("updated_at", date)
                .put("sub_total", 5_000).put("tax", 0).put("total", 5_000).put("amount_due", 0);
        invoice.putArray("line_items").addObject().put("id", "li_" + id).put("unit_amount", 5_000).put("quantity", 1)
                .put("amount", 5_000).put("tax_amount", 0).put("is_taxed", false).put("discount_amount", 0)
                .put("description", "Consulting Hours").put("entity_type", "charge_item_price")
                .put("entity_id", "consulting-hours-JPY").put("date_from", date).put("date_to", date);
        invoice.putArray("taxes");
        invoice.putArray("line_item_taxes");
        return invoice;
    }

    private static ObjectNode contentWith(String resource, JsonNode record) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.set(resource, record);
        return content;
    }

    private void deliver(String eventId) {
        deliverAll(List.of(eventId));
    }

    private void deliverAll(List<String> eventIds) {
        try (ApiGatewayEmulator apiGateway = ApiGatewayEmulator.start(ingest)) {
            for (String eventId : eventIds) {
                chargebee.deliver(eventId, apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER, Sandboxes.WEBHOOK_PASSWORD);
            }
        }
    }

    private JsonNode payment(String transactionId) {
        return acumatica.payments().stream().filter(p -> transactionId.equals(p.at("/ExternalRef/value").asText()))
                .findFirst().orElseThrow();
    }

    private BigDecimal balanceOf(String externalRef) {
        return acumatica.salesInvoices().stream().filter(i -> externalRef.equals(i.at("/ExternalRef/value").asText()))
                .findFirst().orElseThrow().at("/Balance/value").decimalValue();
    }
}
