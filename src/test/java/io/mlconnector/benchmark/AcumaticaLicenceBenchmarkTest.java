package io.mlconnector.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.dto.ChargebeeEvent;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeRecord;
import io.mlconnector.chargebee.dto.Page;
import io.mlconnector.deploy.CloudFormationYaml;
import io.mlconnector.deploy.SamTemplate;
import io.mlconnector.ingest.EventQueue;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.lambda.WorkerHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.acumatica.RecordedRequest;
import io.mlconnector.sync.DocumentKind;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * minute, whose releases take {@link #RELEASE_TAKES} (the sandbox's timed mode: an operation finishes when its time
 * has passed, however often it is polled). The messages are enqueued as the poller enqueues them (naming their
 * documents) and gathered into batches as Lambda's SQS poller gathers them with template.yaml's defaults. Prints the
 * documents posted, the Acumatica calls per posted invoice by entity and action (customers, preflight and status polls
 * included), the Chargebee calls per invoice and per posted document (invoices and customers) by kind, the worker
 * batches by size, and the licence use: the time the licence allows for the calls made ÷ the time taken (1.0 = the
 * run went exactly as fast as 600 a minute allows; above 1.0 is possible while the first half-minute's budget is not
 * yet delayed). It asserts no 429 and every invoice posted; the targets (≤ 3.0 Acumatica calls per invoice, ≤ 0.15
 * Chargebee calls per posted document, licence use ≥ 0.95) are printed, not asserted.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(AcumaticaLicenceBenchmarkTest.Profile.class)
class AcumaticaLicenceBenchmarkTest {
    private static final int DOCUMENTS = 200;
    private static final int WORKERS = 2;
    /** How long the tenant takes to release a document (an assumption; a real tenant's time varies). */
    private static final Duration RELEASE_TAKES = Duration.ofMillis(200);

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Chargebee's budget is not what this measures: let the sandbox site answer as fast as it can.
            // The production poll interval, not the test suite's 20 ms: status polls are licensed calls.
            return Map.of("quarkus.lambda.handler", "worker", "quarkus.log.level", "WARN",
                    "quarkus.log.category.\"org.apache.pekko\".level", "ERROR",
                    "chargebee.rate-limit.requests", "100000", "acumatica.action-poll-interval", "500ms",
                    "metrics.enabled", "false"); // its own report, not a metrics line per batch
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

    @Inject
    ChargebeeClient chargebee;

    @Test
    void twoHundredInvoices_withinTheLicence() throws Exception {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
        AcumaticaSandbox acumatica = LicensedAcumaticaResource.LicensedTenant.get();
        EventSource source = EventSource.asTheTemplateConfiguresIt();
        Sandboxes.shared().chargebee().clearRequests();
        queue.enqueueAll(asThePollerEnqueuesThem());
        acumatica.setReleaseDuration(RELEASE_TAKES);
        acumatica.clearRequests();

        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<List<Integer>>> runs = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            runs.add(pool.submit(() -> drainQueue(source)));
        }
        Map<Integer, Integer> batchSizes = new TreeMap<>();
        int batches = 0;
        for (Future<List<Integer>> run : runs) {
            for (int size : run.get()) {
                batchSizes.merge(size, 1, Integer::sum);
                batches++;
            }
        }
        pool.shutdown();
        Duration took = Duration.between(started, Instant.now());

        // Every request the licence counts: contract-API calls, GET /entity and sign-in (not the token endpoint).
        List<RecordedRequest> calls = acumatica.requests().stream().filter(r -> r.path().contains("/entity")).toList();
        long declined = calls.stream().filter(r -> r.status() == 429).count();
        long chargebeeCalls = Sandboxes.shared().chargebee().requests().size();
        Set<String> posted = new HashSet<>();
        acumatica.salesInvoices().forEach(invoice -> posted.add(invoice.at("/ExternalRef/value").asText()));
        int customers = acumatica.customers().size();
        double allowedSeconds = calls.size() * 60.0 / LicensedAcumaticaResource.REQUESTS_PER_MINUTE;
        double tookSeconds = took.toMillis() / 1000.0;
        Map<String, Long> byKind = new TreeMap<>();
        calls.forEach(call -> byKind.merge(kind(call), 1L, Long::sum));

        System.out.printf("%n=== Acumatica licence benchmark: %d invoices, %d workers, licence %d concurrent / %d per"
                        + " minute, releases take %d ms ===%n", DOCUMENTS, WORKERS,
                LicensedAcumaticaResource.CONCURRENT_REQUESTS, LicensedAcumaticaResource.REQUESTS_PER_MINUTE,
                RELEASE_TAKES.toMillis());
        System.out.printf("Documents posted: %d invoices (and %d customers); worker batches: %d%n", posted.size(),
                customers, batches);
        System.out.println("Messages: as the poller enqueues them (GET /events 100 a page, counted below), each naming"
                + " its document as a webhook's message does, so the worker reads no event");
        System.out.printf("Acumatica calls: %d = %.2f per posted document (target <= 3.0; the %d invoices and %d"
                + " customers posted; customers, preflight and polls included), %.2f per posted invoice; 429s: %d%n",
                calls.size(), calls.size() / (double) (posted.size() + customers), posted.size(), customers,
                calls.size() / (double) posted.size(), declined);
        byKind.forEach((kind, count) -> System.out.printf("  %-45s %5d  %.3f per invoice%n", kind, count,
                count / (double) posted.size()));
        int postedDocuments = posted.size() + customers;
        System.out.printf("Chargebee calls: %d = %.2f per posted invoice, %.3f per posted document (target <= 0.15;"
                        + " invoices and customers posted)%n", chargebeeCalls, chargebeeCalls / (double) posted.size(),
                chargebeeCalls / (double) postedDocuments);
        Map<String, long[]> chargebeeByKind = new TreeMap<>();
        Sandboxes.shared().chargebee().requests().forEach(call -> {
            long[] countAndIds = chargebeeByKind.computeIfAbsent(chargebeeKind(call), k -> new long[2]);
            countAndIds[0]++;
            countAndIds[1] += idsAsked(call);
        });
        chargebeeByKind.forEach((kind, countAndIds) -> System.out.printf("  %-45s %5d  %.3f per document%s%n", kind,
                countAndIds[0], countAndIds[0] / (double) postedDocuments,
                countAndIds[1] == 0 ? "" : String.format(", %.1f ids a call", countAndIds[1] / (double) countAndIds[0])));
        System.out.printf("Worker batches by size (messages: batches): %s; gathered as Lambda's SQS poller does with"
                + " template.yaml's defaults (BatchSize %d, batching window %d s): receives of up to 10 until the batch"
                + " is full or the queue has no more%n", batchSizes, source.batchSize(), source.windowSeconds());
        System.out.printf("Took %.1f s; the licence allows those calls in %.1f s (%d a minute); licence use = allowed /"
                        + " taken = %.3f (target >= 0.95: the run used at least 95%% of the pace the licence allows)%n",
                tookSeconds, allowedSeconds, LicensedAcumaticaResource.REQUESTS_PER_MINUTE,
                allowedSeconds / tookSeconds);
        System.out.println("Sandbox licence statistics: " + acumatica.licenceStatistics());

        assertThat(declined).isZero();
        assertThat(posted).hasSize(DOCUMENTS);
    }

    /** "GET Customer (lookup)", "PUT SalesInvoice", "POST SalesInvoice/ReleaseSalesInvoice", "GET ... status poll". */
    private static String kind(RecordedRequest call) {
        String[] segments = call.path().substring(call.path().indexOf("/entity") + "/entity".length()).split("/");
        if (segments.length < 4) {
            return call.method() + " " + (segments.length < 2 ? "/entity (endpoint list)" : String.join("/", segments));
        }
        String entity = segments[3];
        if (segments.length >= 6 && "status".equals(segments[5])) {
            return "GET " + entity + "/" + segments[4] + " status poll";
        }
        if (segments.length >= 5) {
            return call.method() + " " + entity + "/" + segments[4];
        }
        return call.method() + " " + entity + ("GET".equals(call.method()) ? " (lookup or preflight)" : "");
    }

    /**
     * The first {@link #DOCUMENTS} invoice_generated events of invoices that post (neither pending nor voided), read
     * and enqueued as {@link io.mlconnector.sync.EventPoller} does: {@code GET /events} 100 a page (these calls are
     * counted), each message naming the document its event carries, so the worker need not read the events. A
     * webhook's message names its document too, and costs no Chargebee call at all.
     */
    private List<QueuedEvent> asThePollerEnqueuesThem() {
        List<QueuedEvent> messages = new ArrayList<>();
        Optional<String> offset = Optional.empty();
        do {
            Page<ChargebeeEvent> page = chargebee.eventsSince(Instant.EPOCH, Set.of("invoice_generated"), offset);
            for (ChargebeeEvent event : page.items()) {
                Optional<DocumentKind> kind = DocumentKind.ofEventType(event.eventType());
                Optional<ChargebeeRecord> document = kind.flatMap(k -> k.in(event.contentOrEmpty()));
                boolean posts = document.filter(ChargebeeInvoice.class::isInstance).map(ChargebeeInvoice.class::cast)
                        .filter(invoice -> !List.of("pending", "voided").contains(invoice.status())).isPresent();
                if (posts && messages.size() < DOCUMENTS) {
                    messages.add(QueuedEvent.chargebeeEvent(event.id(), event.eventType(), Instant.now(),
                            QueuedEvent.FROM_POLLER, kind.map(DocumentKind::resourceType).orElse(null),
                            document.map(ChargebeeRecord::id).orElse(null)));
                }
            }
            offset = page.nextOffset();
        } while (messages.size() < DOCUMENTS && offset.isPresent());
        return messages;
    }

    /**
     * "GET /invoices id[in] (re-read)", "GET /customers id[in] (new customers)", "GET /invoices/{id} (retrieve)",
     * "GET /invoices/{id} line items page", "GET /events id[in] (worker reads events)", "GET /events
     * occurred_at[after] (poller)".
     */
    private static String chargebeeKind(io.mlconnector.sandbox.chargebee.RecordedRequest call) {
        String[] segments = call.path().replaceFirst("^/api/v2", "").split("/");
        String resource = segments.length > 1 ? "/" + segments[1] : call.path();
        if (segments.length > 2) {
            return call.method() + " " + resource + "/{id}"
                    + (call.param("line_items_offset") != null ? " line items page" : " (retrieve)");
        }
        if (call.param("id[in]") != null) {
            return call.method() + " " + resource + " id[in]" + switch (resource) {
                case "/events" -> " (worker reads events)";
                case "/customers" -> " (new customers)";
                default -> " (re-read)";
            };
        }
        return call.method() + " " + resource + (call.param("occurred_at[after]") != null
                ? " occurred_at[after] (poller)" : "");
    }

    /** How many ids an {@code id[in]} list call asked for. */
    private static int idsAsked(io.mlconnector.sandbox.chargebee.RecordedRequest call) {
        String in = call.param("id[in]");
        return in == null || in.isBlank() || "[]".equals(in) ? 0 : in.split(",").length;
    }

    /** The worker's SQS event source as template.yaml configures it by default. */
    record EventSource(int batchSize, int windowSeconds) {
        static EventSource asTheTemplateConfiguresIt() throws IOException {
            SamTemplate template = new SamTemplate(new CloudFormationYaml(new ObjectMapper())
                    .parse(Files.readString(Path.of("template.yaml"))));
            JsonNode properties = template.singleEvent("WorkerFunction", "SQS").path("Properties");
            return new EventSource(template.evaluateInt(properties.path("BatchSize"), Map.of()),
                    template.evaluateInt(properties.path("MaximumBatchingWindowInSeconds"), Map.of()));
        }
    }

    /**
     * One event-source poller feeding one worker, like one concurrent Lambda invocation; the size of each batch. Like
     * Lambda's poller it receives up to 10 messages a call and, for a batch size above 10, receives again until the
     * batch is full or the batching window ends. All messages are queued before the run and nothing arrives later, so
     * it invokes as soon as a receive finds nothing more: the window would only add idle time, not messages.
     */
    private List<Integer> drainQueue(EventSource source) {
        SqsClient sqs = StandIns.shared().sqs().client();
        String url = StandIns.shared().sqs().queueUrl();
        List<Integer> batches = new ArrayList<>();
        while (true) {
            List<Message> batch = new ArrayList<>();
            while (batch.size() < source.batchSize()) {
                int wanted = Math.min(10, source.batchSize() - batch.size());
                int waitSeconds = batch.isEmpty() ? 2 : 0;
                List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(wanted)
                        .waitTimeSeconds(waitSeconds).visibilityTimeout(600)).messages();
                if (received.isEmpty()) {
                    break;
                }
                batch.addAll(received);
            }
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
            batches.add(batch.size());
        }
    }
}
