package io.mlconnector.sync;

import static io.mlconnector.testing.LambdaContexts.remaining;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.lambda.WorkerHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.acumatica.FaultScope;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.store.AuditLog;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two workers at once, each on its own thread through the worker handler, as two Lambda containers would run: the
 * events of one renewal ({@code invoice_generated} and {@code payment_succeeded}) reach both while Acumatica takes its
 * time creating the invoice. One writer per Chargebee document means exactly one invoice; the loser's message comes
 * back and posts the payment on the next delivery.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class ConcurrentWorkersTest {
    private static final String INVOICE = "INV-MIN-0001";
    private static final String PAYMENT = "txn_min_0001";

    @Inject
    WorkerHandler worker;

    @Inject
    AuditLog audit;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
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

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
    }

    @Test
    void invoice_shouldBeCreatedOnce_whenItsInvoiceAndPaymentEventsReachTwoWorkersAtOnce() throws Exception {
        acumatica.faults().delayNext(3, Duration.ofMillis(400), FaultScope.of("PUT", "SalesInvoice"));
        SQSEvent.SQSMessage invoiceEvent = message(eventId("invoice_generated", "/content/invoice/id", INVOICE));
        SQSEvent.SQSMessage paymentEvent = message(eventId("payment_succeeded", "/content/transaction/id", PAYMENT));

        List<SQSEvent.SQSMessage> comeBack = new ArrayList<>(concurrently(invoiceEvent, paymentEvent));
        for (int delivery = 0; delivery < 3 && !comeBack.isEmpty(); delivery++) {
            List<SQSEvent.SQSMessage> again = List.copyOf(comeBack);
            comeBack.clear();
            for (SQSEvent.SQSMessage message : again) {
                comeBack.addAll(failed(worker.handleRequest(event(message), null), message));
            }
        }

        assertThat(comeBack).as("every event posts within a few deliveries").isEmpty();
        assertThat(acumatica.salesInvoices()).filteredOn(i -> INVOICE.equals(i.at("/ExternalRef/value").asText()))
                .as("one invoice, however the two workers interleaved").hasSize(1);
        assertThat(acumatica.payments()).filteredOn(p -> PAYMENT.equals(p.at("/ExternalRef/value").asText()))
                .hasSize(1);
    }

    @Test
    void worker_shouldStartNoCallTheRemainingTimeCannotCover_andGiveTheMessageBackForTheNextDelivery()
            throws Exception {
        SQSEvent.SQSMessage invoiceEvent = message(eventId("invoice_generated", "/content/invoice/id", INVOICE));
        SQSEvent noMessages = new SQSEvent();
        noMessages.setRecords(List.of());
        worker.handleRequest(noMessages, remaining(Duration.ofMinutes(2))); // the endpoint check, once per container

        SQSBatchResponse almostOutOfTime = worker.handleRequest(event(invoiceEvent), remaining(Duration.ofSeconds(3)));

        assertThat(almostOutOfTime.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(invoiceEvent.getMessageId());
        assertThat(acumatica.requests()).noneMatch(r -> "PUT".equals(r.method()));
        assertThat(audit.forEvent(eventId("invoice_generated", "/content/invoice/id", INVOICE)))
                .extracting(row -> row.outcome() + ": " + row.reason()).singleElement().asString()
                .startsWith("RETRY: the invocation's time ran out");

        SQSBatchResponse nextDelivery = worker.handleRequest(event(invoiceEvent), remaining(Duration.ofMinutes(2)));

        assertThat(nextDelivery.getBatchItemFailures()).isEmpty();
        assertThat(acumatica.salesInvoices()).filteredOn(i -> INVOICE.equals(i.at("/ExternalRef/value").asText()))
                .hasSize(1);
    }

    @Test
    void fullBatch_shouldPostWhatItsTimeCovers_andGiveEveryOtherMessageBack_toPostOnceOnTheNextDelivery()
            throws Exception {
        int batchSize = 25; // template.yaml's default WorkerBatchSize
        ObjectNode template = chargebee.invoice("INV-MIN-0003").orElseThrow();
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 1; i <= batchSize; i++) {
            String id = String.format("INV-BATCH-%03d", i);
            chargebee.putInvoice(template.deepCopy().put("id", id));
            messages.add(namingItsDocument("ev_batch_" + i, id));
        }
        SQSEvent noMessages = new SQSEvent();
        noMessages.setRecords(List.of());
        worker.handleRequest(noMessages, remaining(Duration.ofMinutes(2))); // the endpoint check, once per container
        // A slow tenant: three invoices take the time left beyond the last call's reserve (10 s).
        acumatica.faults().delayNext(3, Duration.ofSeconds(2), FaultScope.of("PUT", "SalesInvoice"));
        chargebee.clearRequests();

        SQSBatchResponse shortOfTime = worker.handleRequest(batch(messages), remaining(Duration.ofSeconds(14)));

        assertThat(chargebee.requests()).as("the batch re-read in one call per kind (invoices, their new customer)")
                .hasSize(2);
        List<String> comeBack = shortOfTime.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
        assertThat(comeBack).as("the invocation's time covers a few, not all").isNotEmpty().hasSizeLessThan(batchSize);
        List<SQSEvent.SQSMessage> again = messages.stream().filter(m -> comeBack.contains(m.getMessageId())).toList();
        for (SQSEvent.SQSMessage message : again) {
            String eventId = json.readTree(message.getBody()).path("event_id").asText();
            assertThat(audit.forEvent(eventId)).extracting(row -> row.outcome() + ": " + row.reason()).last()
                    .asString().startsWith("RETRY: the invocation's time ran out");
        }

        SQSBatchResponse nextDelivery = worker.handleRequest(batch(again), remaining(Duration.ofMinutes(2)));

        assertThat(nextDelivery.getBatchItemFailures()).isEmpty();
        for (int i = 1; i <= batchSize; i++) {
            String id = String.format("INV-BATCH-%03d", i);
            assertThat(acumatica.salesInvoices()).filteredOn(inv -> id.equals(inv.at("/ExternalRef/value").asText()))
                    .as(id).hasSize(1);
        }
    }

    /** A message as the poller or a webhook enqueues it: naming the invoice its event carries. */
    private SQSEvent.SQSMessage namingItsDocument(String eventId, String invoiceId) throws Exception {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("msg-" + eventId);
        message.setReceiptHandle("rh-" + eventId);
        message.setBody(json.writeValueAsString(QueuedEvent.chargebeeEvent(eventId, "invoice_generated",
                Instant.now(), QueuedEvent.FROM_POLLER, "invoice", invoiceId)));
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }

    private static SQSEvent batch(List<SQSEvent.SQSMessage> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.copyOf(messages));
        return event;
    }

    /** Both messages handled at the same moment by two workers; returns the ones that must come back. */
    private List<SQSEvent.SQSMessage> concurrently(SQSEvent.SQSMessage first, SQSEvent.SQSMessage second)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<List<SQSEvent.SQSMessage>> a = CompletableFuture.supplyAsync(
                handle(first, start), workers);
        CompletableFuture<List<SQSEvent.SQSMessage>> b = CompletableFuture.supplyAsync(
                handle(second, start), workers);
        start.countDown();
        List<SQSEvent.SQSMessage> failed = new ArrayList<>(a.get(2, TimeUnit.MINUTES));
        failed.addAll(b.get(2, TimeUnit.MINUTES));
        return failed;
    }

    private Supplier<List<SQSEvent.SQSMessage>> handle(SQSEvent.SQSMessage message, CountDownLatch start) {
        return () -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return failed(worker.handleRequest(event(message), null), message);
        };
    }

    private static List<SQSEvent.SQSMessage> failed(SQSBatchResponse response, SQSEvent.SQSMessage message) {
        return response.getBatchItemFailures().stream()
                .anyMatch(f -> message.getMessageId().equals(f.getItemIdentifier())) ? List.of(message) : List.of();
    }

    private String eventId(String type, String pointer, String id) {
        return chargebee.events().stream()
                .filter(e -> type.equals(e.path("event_type").asText()) && id.equals(e.at(pointer).asText()))
                .map(e -> e.path("id").asText()).findFirst().orElseThrow();
    }

    private SQSEvent.SQSMessage message(String eventId) throws Exception {
        JsonNode event = chargebee.event(eventId).orElseThrow();
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("msg-" + eventId);
        message.setReceiptHandle("rh-" + eventId);
        message.setBody(json.writeValueAsString(QueuedEvent.chargebeeEvent(eventId,
                event.path("event_type").asText(), Instant.now(), QueuedEvent.FROM_WEBHOOK)));
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }

    private static SQSEvent event(SQSEvent.SQSMessage message) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
