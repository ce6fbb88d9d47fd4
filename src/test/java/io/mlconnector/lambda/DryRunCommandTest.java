package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditRecord;
import io.mlconnector.sync.DocumentKind;
import io.mlconnector.sync.WorkerBatch;
import io.mlconnector.testing.Dynalite;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * {@code {"dry_run": ...}} through the poller function's invocations, on the demo billing cycle: the bodies that
 * would post, and nothing written anywhere (the ledger's table, the queue, Acumatica).
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Poller.class)
class DryRunCommandTest {
    private final LambdaInvoker lambda = new LambdaInvoker();

    @Inject
    ObjectMapper json;

    @Inject
    WorkerBatch worker;

    @Inject
    AuditLog audit;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
    }

    @Test
    void dryRunOfAnInvoiceEvent_shouldAnswerTheBodyTheWorkerPosts_andWriteNothing() throws Exception {
        JsonNode event = Sandboxes.shared().chargebee().events().stream()
                .filter(e -> e.path("event_type").asText().equals("invoice_generated"))
                .filter(e -> e.path("content").path("invoice").path("status").asText().equals("paid"))
                .findFirst().orElseThrow();
        String eventId = event.path("id").asText();
        String invoiceId = event.path("content").path("invoice").path("id").asText();
        String customerId = event.path("content").path("invoice").path("customer_id").asText();
        List<Map<String, AttributeValue>> tableBefore = table();

        JsonNode answer = lambda.invoke("{\"dry_run\":{\"event_id\":\"" + eventId + "\"}}");

        assertThat(answer.path("error").isMissingNode()).as(answer.toString()).isTrue();
        assertThat(answer.path("document").asText()).isEqualTo("invoice " + invoiceId);
        List<JsonNode> documents = StreamSupport.stream(answer.path("documents").spliterator(), false).toList();
        assertThat(documents).extracting(d -> d.path("document").asText())
                .containsExactly("customer " + customerId, "invoice " + invoiceId);
        assertThat(documents.get(0).path("action").asText()).isEqualTo("create");
        assertThat(documents.get(0).path("entity").asText()).isEqualTo("Customer");
        JsonNode invoice = documents.get(1);
        assertThat(invoice.path("action").asText()).isEqualTo("create");
        assertThat(invoice.path("entity").asText()).isEqualTo("SalesInvoice");
        assertThat(invoice.path("body").path("CustomerID").path("value").asText())
                .isEqualTo(documents.get(0).path("key").asText());

        assertThat(Sandboxes.shared().acumatica().requests()).as("not even a sign-in").isEmpty();
        assertThat(table()).as("no ledger, lease, claim, audit or token item").isEqualTo(tableBefore);
        assertThat(StandIns.shared().sqs().approximateCount(StandIns.shared().sqs().queueUrl())).isZero();

        // What the worker then posts for the same event is exactly that body.
        worker.process(List.of(new WorkerBatch.Message("m-1", "{\"event_id\":\"" + eventId + "\",\"event_type\":"
                + "\"invoice_generated\",\"received_at\":\"2026-06-01T00:00:00Z\",\"source\":\"webhook\"}")),
                Optional.empty());
        AuditRecord posted = audit.forEvent(eventId).stream().filter(row -> row.outcome().equals("POSTED"))
                .findFirst().orElseThrow();
        assertThat(json.readTree(posted.sent())).isEqualTo(invoice.path("body"));
    }

    @Test
    void dryRunOfAPostedInvoice_shouldSayItExists_withItsKeyFromTheLedger() {
        JsonNode event = Sandboxes.shared().chargebee().events().stream()
                .filter(e -> e.path("event_type").asText().equals("invoice_generated"))
                .filter(e -> e.path("content").path("invoice").path("status").asText().equals("paid"))
                .findFirst().orElseThrow();
        String eventId = event.path("id").asText();
        worker.process(List.of(new WorkerBatch.Message("m-1", "{\"event_id\":\"" + eventId + "\",\"event_type\":"
                + "\"invoice_generated\",\"received_at\":\"2026-06-01T00:00:00Z\",\"source\":\"webhook\"}")),
                Optional.empty());
        int acumaticaRequests = Sandboxes.shared().acumatica().requests().size();
        List<Map<String, AttributeValue>> tableBefore = table();

        JsonNode answer = lambda.invoke("{\"dry_run\":{\"event_id\":\"" + eventId + "\"}}");

        List<JsonNode> documents = StreamSupport.stream(answer.path("documents").spliterator(), false).toList();
        assertThat(documents).extracting(d -> d.path("action").asText()).containsExactly("exists", "exists");
        assertThat(documents.get(1).path("key").asText()).startsWith("Invoice/");
        assertThat(Sandboxes.shared().acumatica().requests()).hasSize(acumaticaRequests);
        assertThat(table()).isEqualTo(tableBefore);
    }

    @Test
    void dryRunOfAVoidedInvoice_shouldSkipIt_withoutTheTombstoneTheWorkerWouldWrite() {
        List<Map<String, AttributeValue>> tableBefore = table();
        JsonNode event = Sandboxes.shared().chargebee().events().stream() // the demo cycle's one voided invoice
                .filter(e -> e.path("content").path("invoice").path("id").asText().equals("INV-2026-000109"))
                .filter(e -> DocumentKind.ofEventType(e.path("event_type").asText())
                        .equals(Optional.of(DocumentKind.INVOICE)))
                .findFirst().orElseThrow();

        JsonNode answer = lambda.invoke("{\"dry_run\":{\"event_id\":\"" + event.path("id").asText() + "\"}}");

        assertThat(answer.path("documents").size()).as(answer.toString()).isEqualTo(1);
        JsonNode invoice = answer.path("documents").get(0);
        assertThat(invoice.path("action").asText()).isEqualTo("skip");
        assertThat(invoice.path("reason").asText()).contains("voided or deleted in Chargebee and not in Acumatica");
        assertThat(invoice.has("body")).isFalse();
        assertThat(Sandboxes.shared().acumatica().requests()).isEmpty();
        assertThat(table()).as("no never-posted tombstone").isEqualTo(tableBefore);
    }

    @Test
    void dryRunOfAPaymentEvent_shouldWalkItsCustomerAndInvoiceFirst_andApplyToTheInvoicesPlaceholder() {
        JsonNode event = Sandboxes.shared().chargebee().events().stream()
                .filter(e -> e.path("event_type").asText().equals("payment_succeeded"))
                .filter(e -> e.path("content").path("transaction").path("linked_invoices").size() == 1)
                .findFirst().orElseThrow();
        String invoiceId = event.path("content").path("transaction").path("linked_invoices").get(0)
                .path("invoice_id").asText();
        List<Map<String, AttributeValue>> tableBefore = table();

        JsonNode answer = lambda.invoke("{\"dry_run\":{\"event_id\":\"" + event.path("id").asText() + "\"}}");

        List<JsonNode> documents = StreamSupport.stream(answer.path("documents").spliterator(), false).toList();
        assertThat(documents).as(answer.toString()).extracting(d -> d.path("action").asText())
                .containsExactly("create", "create", "create");
        assertThat(documents).extracting(d -> d.path("entity").asText())
                .containsExactly("Customer", "SalesInvoice", "Payment");
        assertThat(documents.get(1).path("document").asText()).isEqualTo("invoice " + invoiceId);
        assertThat(documents.get(2).path("body").toString()).contains("(new) invoice " + invoiceId);
        assertThat(Sandboxes.shared().acumatica().requests()).isEmpty();
        assertThat(table()).isEqualTo(tableBefore);
    }

    @Test
    void dryRunOfAPeriod_shouldListItsDocumentsInCreationOrder_cappedByLimit_andWriteNothing() {
        List<Map<String, AttributeValue>> tableBefore = table();

        JsonNode answer = lambda.invoke("{\"dry_run\":{\"period\":\"2026-05\",\"limit\":3}}");

        assertThat(answer.path("period").asText()).as(answer.toString()).isEqualTo("2026-05");
        assertThat(answer.path("listed").asInt()).isEqualTo(3);
        assertThat(answer.path("more").asBoolean()).isTrue();
        assertThat(answer.path("plans")).hasSize(3).allSatisfy(plan -> {
            assertThat(plan.path("document").asText()).startsWith("invoice ");
            JsonNode last = plan.path("documents").get(plan.path("documents").size() - 1);
            assertThat(last.path("document").asText()).isEqualTo(plan.path("document").asText());
        });
        assertThat(Sandboxes.shared().acumatica().requests()).isEmpty();
        assertThat(table()).isEqualTo(tableBefore);
        assertThat(StandIns.shared().sqs().approximateCount(StandIns.shared().sqs().queueUrl())).isZero();
    }

    @Test
    void dryRunOfAnUnknownEvent_shouldAnswerAnError_notFail() {
        JsonNode answer = lambda.invoke("{\"dry_run\":{\"event_id\":\"ev_does_not_exist\"}}");

        assertThat(answer.path("error").asText()).contains("ev_does_not_exist");
    }

    private static List<Map<String, AttributeValue>> table() {
        return StandIns.shared().dynamo().client().scan(ScanRequest.builder().tableName(Dynalite.TABLE).build())
                .items().stream().sorted((a, b) -> (a.get("pk").s() + a.get("sk").s())
                        .compareTo(b.get("pk").s() + b.get("sk").s())).toList();
    }
}
