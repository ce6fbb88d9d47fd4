package io.mlconnector.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.lambda.WorkerHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.acumatica.RecordedRequest;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Outside the test suite ({@code ./mvnw verify -Pbenchmark}): 200 invoices (and their customers) posted by two
 * workers (the SQS event source's maximum concurrency) into a tenant licensed for 2 concurrent requests and 600 a
 * minute. Prints how the run compares with the time the licence allows for the calls it made, and the Acumatica
 * calls per document. It asserts no 429 was received; the speed target lives in the printed ratio, not in an assertion.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(AcumaticaLicenceBenchmarkTest.Profile.class)
class AcumaticaLicenceBenchmarkTest {
    private static final int DOCUMENTS = 200;
    private static final int WORKERS = 2;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Chargebee's budget is not what this measures: let the sandbox site answer as fast as it can.
            return Map.of("quarkus.lambda.handler", "worker", "quarkus.log.level", "WARN",
                    "quarkus.log.category.\"org.apache.pekko\".level", "ERROR",
                    "chargebee.rate-limit.requests", "100000");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LicensedAcumaticaResource.class));
        }
    }

    @Inject
    WorkerHandler worker;

    @Inject
    EventQueue queue;

    @Test
    void twoHundredInvoices_withinTheLicence() throws Exception {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
        AcumaticaSandbox acumatica = LicensedAcumaticaResource.LicensedTenant.get();
        List<QueuedEvent> invoices = Sandboxes.shared().chargebee().events().stream()
                .filter(e -> "invoice_generated".equals(e.path("event_type").asText()))
                .filter(e -> !List.of("pending", "voided").contains(e.at("/content/invoice/status").asText()))
                .limit(DOCUMENTS)
                .map(e -> QueuedEvent.chargebeeEvent(e.path("id").asText(), "invoice_generated", Instant.now(), "poller"))
                .toList();
        queue.enqueueAll(invoices);
        acumatica.clearRequests();

        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            runs.add(pool.submit(this::drainQueue));
        }
        int batches = 0;
        for (Future<Integer> run : runs) {
            batches += run.get();
        }
        pool.shutdown();
        Duration took = Duration.between(started, Instant.now());

        List<RecordedRequest> calls = acumatica.requests();
        long apiCalls = calls.stream().filter(r -> r.path().contains("/entity/")).count();
        long declined = calls.stream().filter(r -> r.status() == 429).count();
        double allowedSeconds = apiCalls * 60.0 / LicensedAcumaticaResource.REQUESTS_PER_MINUTE;
        Set<String> posted = new HashSet<>();
        acumatica.salesInvoices().forEach(invoice -> posted.add(invoice.at("/ExternalRef/value").asText()));
        System.out.printf("%n=== Acumatica licence benchmark: %d invoices, %d workers, licence %d concurrent / %d per minute ===%n",
                DOCUMENTS, WORKERS, LicensedAcumaticaResource.CONCURRENT_REQUESTS,
                LicensedAcumaticaResource.REQUESTS_PER_MINUTE);
        System.out.printf("Worker batches: %d; Acumatica API calls: %d (%.2f per invoice, customers included); 429s: %d%n",
                batches, apiCalls, apiCalls / (double) DOCUMENTS, declined);
        System.out.printf("Took %.1f s; the licence allows those calls in %.1f s; ratio %.3f (target <= 1.15)%n",
                took.toMillis() / 1000.0, allowedSeconds, took.toMillis() / 1000.0 / allowedSeconds);
        System.out.println("Sandbox licence statistics: " + acumatica.licenceStatistics());

        assertThat(declined).isZero();
        assertThat(posted).hasSize(DOCUMENTS);
    }

    /** One event-source poller feeding one worker, like one concurrent Lambda invocation. */
    private int drainQueue() {
        SqsClient sqs = StandIns.shared().sqs().client();
        String url = StandIns.shared().sqs().queueUrl();
        int batches = 0;
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(2)
                    .visibilityTimeout(600)).messages();
            if (batch.isEmpty()) {
                return batches;
            }
            SQSEvent event = new SQSEvent();
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            for (Message message : batch) {
                SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
                record.setMessageId(message.messageId());
                record.setReceiptHandle(message.receiptHandle());
                record.setBody(message.body());
                records.add(record);
            }
            event.setRecords(records);
            SQSBatchResponse response = worker.handleRequest(event, null);
            Set<String> failed = new HashSet<>();
            response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            for (Message message : batch) {
                if (!failed.contains(message.messageId())) {
                    sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(message.receiptHandle()));
                }
            }
            batches++;
        }
    }
}
