package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.lambda.WorkerHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditRecord;
import io.mlconnector.store.LedgerEntry;
import io.mlconnector.store.LedgerStatus;
import io.mlconnector.store.LedgerStore;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chargebee's events carry the record as it was when the event happened, and arrive late and out of order. The worker
 * posts only what Chargebee holds now: a document voided or failed never posts, whatever order its events come in,
 * and a stale change never overwrites a newer one. Each test delivers real SQS event shapes to the worker handler.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class CurrentStateWinsTest {
    private static final String INVOICE = "INV-MIN-0001";
    private static final String PAYMENT = "txn_min_0001";
    private static final String CUSTOMER = "cust_min_usd";

    @Inject
    WorkerHandler worker;

    @Inject
    AuditLog audit;

    @Inject
    LedgerStore ledger;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private ChargebeeSandbox chargebee;
    private AcumaticaSandbox acumatica;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        chargebee = Sandboxes.shared().chargebee();
        acumatica = Sandboxes.shared().acumatica();
        chargebee.loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
    }

    @Test
    void invoice_shouldNeverPost_whenItsVoidIsProcessedBeforeTheOlderGeneratedEvent() throws Exception {
        String generated = eventId("invoice_generated", "/content/invoice/id", INVOICE);
        ObjectNode voided = chargebee.invoice(INVOICE).orElseThrow();
        voided.put("status", "voided");
        voided.put("voided_at", Instant.now().getEpochSecond());
        chargebee.putInvoice(voided);
        String voidEvent = chargebee.addEvent("invoice_updated", content("invoice", voided)).path("id").asText();

        assertThat(deliverWithoutHint(voidEvent).getBatchItemFailures()).isEmpty();
        assertThat(deliverWithoutHint(generated).getBatchItemFailures()).isEmpty();
        assertThat(deliver(generated, "invoice", INVOICE).getBatchItemFailures()).as("hinted").isEmpty();

        assertThat(acumatica.salesInvoices()).noneMatch(i -> INVOICE.equals(i.at("/ExternalRef/value").asText()));
        assertThat(ledger.find("invoice", INVOICE)).get().extracting(LedgerEntry::status)
                .as("the tombstone").isEqualTo(LedgerStatus.NEVER_POSTED);
        assertThat(audit.forEvent(generated)).extracting(AuditRecord::outcome).containsOnly("SKIPPED");
    }

    @Test
    void payment_shouldNeverPost_whenItsLateFailureIsProcessedBeforeTheOlderSucceededEvent() throws Exception {
        String succeeded = eventId("payment_succeeded", "/content/transaction/id", PAYMENT);
        ObjectNode failed = chargebee.transaction(PAYMENT).orElseThrow();
        failed.put("status", "late_failure");
        chargebee.putTransaction(failed);
        String failure = chargebee.addEvent("transaction_updated", content("transaction", failed)).path("id").asText();

        assertThat(deliverWithoutHint(failure).getBatchItemFailures()).isEmpty();
        assertThat(deliverWithoutHint(succeeded).getBatchItemFailures()).isEmpty();
        assertThat(deliver(succeeded, "transaction", PAYMENT).getBatchItemFailures()).as("hinted").isEmpty();

        assertThat(acumatica.payments()).noneMatch(p -> PAYMENT.equals(p.at("/ExternalRef/value").asText()));
        assertThat(ledger.find("transaction", PAYMENT)).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.NEVER_POSTED);
    }

    @Test
    void customer_shouldKeepTheNewerVersion_whenAnOlderReadOfItArrivesLast() throws Exception {
        ObjectNode original = chargebee.customer(CUSTOMER).orElseThrow();
        ObjectNode renamed = original.deepCopy();
        renamed.put("company", "Difference Engines Ltd");
        renamed.put("resource_version", original.path("resource_version").asLong() + 1000);
        chargebee.putCustomer(renamed);
        String change = chargebee.addEvent("customer_changed", content("customer", renamed)).path("id").asText();
        assertThat(deliver(change, "customer", CUSTOMER).getBatchItemFailures()).isEmpty();

        chargebee.putCustomer(original); // an older read of the record (a lagging replica, a slow worker)
        String created = eventId("customer_created", "/content/customer/id", CUSTOMER);
        assertThat(deliver(created, "customer", CUSTOMER).getBatchItemFailures()).isEmpty();

        assertThat(acumatica.customers()).filteredOn(c -> CUSTOMER.equals(c.at("/AccountRef/value").asText()))
                .singleElement().satisfies(c -> assertThat(c.at("/CustomerName/value").asText())
                        .isEqualTo("Difference Engines Ltd"));
        assertThat(audit.forEvent(created)).extracting(AuditRecord::reason).singleElement().asString()
                .contains("a newer version of it was posted already");
    }

    @Test
    void payment_shouldBeTombstoned_notHeld_whenItFailsLateAfterAnAttemptThatNeverReachedAcumatica() throws Exception {
        ledger.record(new LedgerEntry("transaction", PAYMENT, "Payment", null, "-", LedgerStatus.CREATING,
                Instant.now())); // an earlier attempt recorded its intent, then died before its create was sent
        ObjectNode failed = chargebee.transaction(PAYMENT).orElseThrow();
        failed.put("status", "late_failure");
        chargebee.putTransaction(failed);
        String failure = chargebee.addEvent("transaction_updated", content("transaction", failed)).path("id").asText();

        assertThat(deliver(failure, "transaction", PAYMENT).getBatchItemFailures()).isEmpty();

        assertThat(audit.forEvent(failure)).extracting(AuditRecord::outcome).containsExactly("SKIPPED");
        assertThat(ledger.find("transaction", PAYMENT)).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.NEVER_POSTED);
        assertThat(acumatica.payments()).noneMatch(p -> PAYMENT.equals(p.at("/ExternalRef/value").asText()));
    }

    @Test
    void invoice_shouldBeTombstoned_notCreatedAndReversed_whenVoidedAfterAnAttemptThatNeverReachedAcumatica()
            throws Exception {
        ledger.record(new LedgerEntry("invoice", INVOICE, "SalesInvoice", null, "-", LedgerStatus.CREATING,
                Instant.now())); // an earlier attempt recorded its intent, then died before its create was sent
        ObjectNode voided = chargebee.invoice(INVOICE).orElseThrow();
        voided.put("status", "voided");
        chargebee.putInvoice(voided);
        String voidEvent = chargebee.addEvent("invoice_updated", content("invoice", voided)).path("id").asText();

        assertThat(deliver(voidEvent, "invoice", INVOICE).getBatchItemFailures()).isEmpty();

        assertThat(acumatica.salesInvoices()).as("neither the invoice nor a reversal of it")
                .noneMatch(i -> i.at("/ExternalRef/value").asText().startsWith(INVOICE));
        assertThat(ledger.find("invoice", INVOICE)).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.NEVER_POSTED);
    }

    @Test
    void customer_shouldStayActive_whenAnOlderDeletionArrivesAfterANewerVersionPosted() throws Exception {
        ObjectNode original = chargebee.customer(CUSTOMER).orElseThrow();
        ObjectNode renamed = original.deepCopy();
        renamed.put("company", "Difference Engines Ltd");
        renamed.put("resource_version", original.path("resource_version").asLong() + 1000);
        chargebee.putCustomer(renamed);
        String change = chargebee.addEvent("customer_changed", content("customer", renamed)).path("id").asText();
        assertThat(deliver(change, "customer", CUSTOMER).getBatchItemFailures()).isEmpty();

        ObjectNode olderDeletion = original.deepCopy();
        olderDeletion.put("deleted", true); // read before the rename reached Chargebee's answer (a slow worker)
        chargebee.putCustomer(olderDeletion);
        String deleted = chargebee.addEvent("customer_deleted", content("customer", olderDeletion)).path("id")
                .asText();
        assertThat(deliver(deleted, "customer", CUSTOMER).getBatchItemFailures()).isEmpty();

        assertThat(acumatica.customers()).filteredOn(c -> CUSTOMER.equals(c.at("/AccountRef/value").asText()))
                .singleElement().satisfies(c -> assertThat(c.at("/Status/value").asText()).isEqualTo("Active"));
    }

    @Test
    void batch_shouldReReadItsDocumentsInOneChargebeeCallPerKind_withoutReadingTheEvents() throws Exception {
        List<JsonNode> events = chargebee.events().stream().map(JsonNode.class::cast).toList();
        SQSEvent batch = new SQSEvent();
        batch.setRecords(events.stream().map(e -> message(e.path("id").asText(), e.path("event_type").asText(),
                kindOf(e), e.at("/content/" + kindOf(e) + "/id").asText())).toList());
        chargebee.clearRequests();

        SQSBatchResponse response = worker.handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(chargebee.requests()).noneMatch(r -> r.path().contains("/events"));
        long kinds = events.stream().map(CurrentStateWinsTest::kindOf).distinct().count();
        assertThat(chargebee.requests()).as("one list call per kind of document in the batch").hasSize((int) kinds);
        assertThat(acumatica.salesInvoices()).filteredOn(i -> INVOICE.equals(i.at("/ExternalRef/value").asText()))
                .hasSize(1);
        assertThat(acumatica.payments()).filteredOn(p -> PAYMENT.equals(p.at("/ExternalRef/value").asText()))
                .hasSize(1);
    }

    @Test
    void unreadableRecord_shouldNotHoldTheOtherDocumentsOfItsKind_inTheSameBatch() throws Exception {
        ObjectNode unreadable = chargebee.invoice("INV-MIN-0002").orElseThrow();
        unreadable.put("date", "not a timestamp");
        chargebee.putInvoice(unreadable);
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of(
                message(eventId("invoice_generated", "/content/invoice/id", INVOICE), "invoice_generated", "invoice",
                        INVOICE),
                message(eventId("invoice_generated", "/content/invoice/id", "INV-MIN-0002"), "invoice_generated",
                        "invoice", "INV-MIN-0002")));

        worker.handleRequest(batch, null);

        assertThat(acumatica.salesInvoices()).filteredOn(i -> INVOICE.equals(i.at("/ExternalRef/value").asText()))
                .as("read on its own after the list call failed on its neighbour").hasSize(1);
        assertThat(acumatica.salesInvoices()).noneMatch(i -> "INV-MIN-0002".equals(i.at("/ExternalRef/value").asText()));
    }

    @Test
    void defectWhileMapping_shouldFailLoudlyAndComeBack_neverBeHeldAsIfTheDataWereWrong() throws Exception {
        ObjectNode broken = chargebee.invoice(INVOICE).orElseThrow();
        broken.putArray("line_items").addNull(); // Chargebee never sends it: the mapping meets a null it never expects
        chargebee.putInvoice(broken);
        String generated = eventId("invoice_generated", "/content/invoice/id", INVOICE);

        SQSBatchResponse response = deliverWithoutHint(generated);

        assertThat(response.getBatchItemFailures()).as("comes back, and reaches the DLQ if it always fails")
                .hasSize(1);
        assertThat(audit.forEvent(generated)).extracting(AuditRecord::outcome, AuditRecord::reason).singleElement()
                .satisfies(row -> {
                    assertThat(row.toList().get(0)).isEqualTo("RETRY");
                    assertThat((String) row.toList().get(1)).startsWith("unexpected java.lang.NullPointerException at ");
                });
    }

    private static String kindOf(JsonNode event) {
        String type = event.path("event_type").asText();
        return DocumentKind.ofEventType(type).map(DocumentKind::resourceType).orElseThrow();
    }

    private SQSBatchResponse deliver(String eventId, String resourceType, String resourceId) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message(eventId, chargebee.event(eventId).orElseThrow().path("event_type").asText(),
                resourceType, resourceId)));
        return worker.handleRequest(event, null);
    }

    private SQSBatchResponse deliverWithoutHint(String eventId) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message(eventId, chargebee.event(eventId).orElseThrow().path("event_type").asText(),
                null, null)));
        return worker.handleRequest(event, null);
    }

    private SQSEvent.SQSMessage message(String eventId, String eventType, String resourceType, String resourceId) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("msg-" + eventId + "-" + System.nanoTime());
        message.setReceiptHandle("rh-" + eventId);
        try {
            message.setBody(json.writeValueAsString(QueuedEvent.chargebeeEvent(eventId, eventType, Instant.now(),
                    QueuedEvent.FROM_WEBHOOK, resourceType, resourceId)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }

    private String eventId(String type, String pointer, String id) {
        return chargebee.events().stream()
                .filter(e -> type.equals(e.path("event_type").asText()) && id.equals(e.at(pointer).asText()))
                .map(e -> e.path("id").asText()).findFirst().orElseThrow();
    }

    private static ObjectNode content(String key, ObjectNode record) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.set(key, record.deepCopy());
        return content;
    }
}
