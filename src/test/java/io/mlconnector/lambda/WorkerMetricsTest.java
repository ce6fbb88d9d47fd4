package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.sandbox.acumatica.FaultScope;
import io.mlconnector.support.CallMeter;
import io.mlconnector.support.EmbeddedMetrics;
import io.mlconnector.support.MetricNames;
import io.mlconnector.sync.WorkerOutcomes;
import io.mlconnector.testing.EmfLines;
import io.mlconnector.testing.LambdaEvents;
import io.mlconnector.testing.LambdaEvents.SqsRecord;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's metrics lines through SQS events on the mock event server: outcomes per document type, and the
 * Chargebee and Acumatica requests and 429s, counted against what the sandboxes received.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class WorkerMetricsTest {
    private final LambdaInvoker lambda = new LambdaInvoker();
    private final List<String> metricLines = new CopyOnWriteArrayList<>();

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    CallMeter calls;

    @Inject
    WorkerOutcomes outcomes;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
        calls.drain();
        outcomes.drain();
        QuarkusMock.installMockForType(new EmbeddedMetrics(json, clock, metricLines::add), EmbeddedMetrics.class);
        Sandboxes.shared().chargebee().clearRequests();
        Sandboxes.shared().acumatica().clearRequests();
    }

    @Test
    void batch_shouldWriteOneFunctionLineAndOneLinePerDocumentType_withPostedAndHeldCounts() {
        Sandboxes.shared().acumatica().removeReferenceRecord("Currency", "JPY");

        lambda.invoke(LambdaEvents.sqs(List.of(SqsRecord.of(queued(invoiceEvent("INV-MIN-0001"))),
                SqsRecord.of(queued(invoiceEvent("INV-MIN-0002"))))));

        assertThat(metricLines).as("one line for the function, one for the only document type").hasSize(2);
        JsonNode function = EmfLines.valid(metricLines.get(0));
        assertThat(dimensionSets(function)).containsExactly(List.of(MetricNames.FUNCTION_NAME));
        assertThat(function.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo(MetricNames.NAMESPACE);
        assertThat(function.path(MetricNames.FUNCTION_NAME).asText()).isNotBlank();
        assertThat(function.path(MetricNames.POSTED).asLong()).isEqualTo(1);
        assertThat(function.path(MetricNames.HELD).asLong()).as("the JPY invoice: no such currency").isEqualTo(1);
        assertThat(function.path(MetricNames.RETRIED).asLong()).isZero();
        assertThat(function.path(MetricNames.SKIPPED).asLong()).isZero();
        assertThat(function.path(MetricNames.CHARGEBEE_CALLS).asLong())
                .isEqualTo(Sandboxes.shared().chargebee().requests().size()).isPositive();
        assertThat(function.path(MetricNames.ACUMATICA_CALLS).asLong()).isEqualTo(acumaticaEntityRequests())
                .isPositive();
        assertThat(function.path(MetricNames.CHARGEBEE_429).asLong()).isZero();
        assertThat(function.path(MetricNames.ACUMATICA_429).asLong()).isZero();

        JsonNode invoices = EmfLines.valid(metricLines.get(1));
        assertThat(dimensionSets(invoices))
                .containsExactly(List.of(MetricNames.FUNCTION_NAME, MetricNames.DOCUMENT_TYPE));
        assertThat(invoices.path(MetricNames.DOCUMENT_TYPE).asText()).isEqualTo("invoice");
        assertThat(invoices.path(MetricNames.FUNCTION_NAME).asText())
                .isEqualTo(function.path(MetricNames.FUNCTION_NAME).asText());
        assertThat(invoices.path(MetricNames.POSTED).asLong()).isEqualTo(1);
        assertThat(invoices.path(MetricNames.HELD).asLong()).isEqualTo(1);
    }

    @Test
    void batch_shouldCountAcumatica429s_andTheMessageRetried_whenAcumaticaKeepsRefusingTheCustomer() {
        Sandboxes.shared().acumatica().faults().failNext(1_000, 429, FaultScope.of("PUT", "Customer"));

        lambda.invoke(LambdaEvents.sqs(List.of(SqsRecord.of(queued(invoiceEvent("INV-MIN-0001"))))));

        JsonNode function = EmfLines.valid(metricLines.get(0));
        long refused = Sandboxes.shared().acumatica().requests().stream().filter(r -> r.status() == 429).count();
        assertThat(function.path(MetricNames.ACUMATICA_429).asLong()).isEqualTo(refused).isPositive();
        assertThat(function.path(MetricNames.ACUMATICA_CALLS).asLong()).isEqualTo(acumaticaEntityRequests());
        assertThat(function.path(MetricNames.RETRIED).asLong()).isEqualTo(1);
        assertThat(function.path(MetricNames.POSTED).asLong()).isZero();
        assertThat(EmfLines.valid(metricLines.get(1)).path(MetricNames.RETRIED).asLong()).isEqualTo(1);
    }

    @Test
    void batch_shouldCountChargebee429s_thatTheClientWaitedOutAndRetried() {
        Sandboxes.shared().chargebee().faults().rateLimitNext(1, 1);

        lambda.invoke(LambdaEvents.sqs(List.of(SqsRecord.of(queued(invoiceEvent("INV-MIN-0001"))))));

        JsonNode function = EmfLines.valid(metricLines.get(0));
        assertThat(function.path(MetricNames.CHARGEBEE_429).asLong()).isEqualTo(1);
        assertThat(function.path(MetricNames.CHARGEBEE_CALLS).asLong())
                .isEqualTo(Sandboxes.shared().chargebee().requests().size());
        assertThat(function.path(MetricNames.POSTED).asLong()).as("the retry got through").isEqualTo(1);
    }

    @Test
    void batch_shouldWriteZeroOutcomes_andNoDocumentTypeLine_whenEveryMessageIsADuplicate() {
        String body = queued(invoiceEvent("INV-MIN-0001"));
        lambda.invoke(LambdaEvents.sqs(List.of(SqsRecord.of(body))));
        metricLines.clear();

        lambda.invoke(LambdaEvents.sqs(List.of(SqsRecord.of(body))));

        assertThat(metricLines).hasSize(1);
        JsonNode function = EmfLines.valid(metricLines.get(0));
        for (String outcome : List.of(MetricNames.POSTED, MetricNames.HELD, MetricNames.RETRIED, MetricNames.SKIPPED)) {
            assertThat(function.path(outcome).isNumber()).as(outcome + " is written as 0").isTrue();
            assertThat(function.path(outcome).asLong()).isZero();
        }
    }

    private static List<List<String>> dimensionSets(JsonNode line) {
        return json(line.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions"));
    }

    private static List<List<String>> json(JsonNode sets) {
        List<List<String>> result = new java.util.ArrayList<>();
        sets.forEach(set -> {
            List<String> names = new java.util.ArrayList<>();
            set.forEach(name -> names.add(name.asText()));
            result.add(names);
        });
        return result;
    }

    /** Requests to the contract-based API; token and sign-in requests are not the client's calls. */
    private static long acumaticaEntityRequests() {
        return Sandboxes.shared().acumatica().requests().stream()
                .filter(r -> !r.path().contains("/identity/") && !r.path().contains("/entity/auth/")).count();
    }

    private static String invoiceEvent(String invoiceId) {
        return Sandboxes.shared().chargebee().events().stream()
                .filter(e -> "invoice_generated".equals(e.path("event_type").asText()))
                .filter(e -> invoiceId.equals(e.at("/content/invoice/id").asText()))
                .map(e -> e.path("id").asText()).findFirst().orElseThrow();
    }

    private static String queued(String eventId) {
        return "{\"event_id\":\"" + eventId + "\",\"event_type\":\"invoice_generated\","
                + "\"received_at\":\"2026-11-27T10:00:00Z\",\"source\":\"webhook\"}";
    }
}
