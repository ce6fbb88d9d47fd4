package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.store.HeldDocuments;
import io.mlconnector.support.EmbeddedMetrics;
import io.mlconnector.testing.EmfLines;
import io.mlconnector.testing.FakeS3;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.mlconnector.testing.StandInsResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The operator's commands as an operator sends them, {@code aws lambda invoke} payloads to the poller: held documents
 * listed, retried and skipped, and a reconciliation that writes its report to the stack's bucket, shows the held and
 * skipped documents with their reasons and publishes its differences for the alarm.
 */
@QuarkusTest
@TestProfile(OperatorCommandsTest.PollerWithReportBucket.class)
class OperatorCommandsTest {
    static final String BUCKET = "acme-connector-reports";

    public static class PollerWithReportBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(new HandlerProfiles.Poller().getConfigOverrides());
            overrides.put("reports.bucket", BUCKET);
            return overrides;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StandInsResource.class), new TestResourceEntry(FakeS3.class));
        }
    }

    private final LambdaInvoker lambda = new LambdaInvoker();
    private final List<String> metricLines = new ArrayList<>();

    @Inject
    HeldDocuments held;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private String heldInvoice;
    private String otherInvoice;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
        QuarkusMock.installMockForType(new EmbeddedMetrics(json, clock, metricLines::add), EmbeddedMetrics.class);
        List<String> mayInvoices = Sandboxes.shared().chargebee().invoices().stream()
                .filter(invoice -> "paid".equals(invoice.path("status").asText()))
                .filter(invoice -> invoice.path("date").asLong() >= 1_777_593_600L
                        && invoice.path("date").asLong() < 1_780_272_000L) // May 2026 UTC
                .map(invoice -> invoice.path("id").asText()).limit(2).toList();
        heldInvoice = mayInvoices.get(0);
        otherInvoice = mayInvoices.get(1);
    }

    @Test
    void heldCommands_shouldListWithReason_retryOneThroughTheQueue_andSkipOneForGood() {
        Instant now = Instant.now();
        held.hold("invoice", heldInvoice, "ev_1", "account 40100 does not exist in Acumatica", now);
        held.hold("invoice", otherInvoice, "ev_2", "currency JPY does not exist in Acumatica", now);

        JsonNode listed = lambda.invoke("{\"held\":{\"list\":{\"reason\":\"40100\"}}}");
        JsonNode retried = lambda.invoke("{\"held\":{\"retry\":{\"type\":\"invoice\",\"id\":\"" + heldInvoice + "\"}}}");
        JsonNode skipped = lambda.invoke("{\"held\":{\"skip\":{\"type\":\"invoice\",\"id\":\"" + otherInvoice
                + "\",\"reason\":\"booked by hand in Acumatica\",\"by\":\"ana@acme.example\"}}}");
        JsonNode all = lambda.invoke("{\"held\":{\"list\":{}}}");

        assertThat(listed.path("count").asInt()).isEqualTo(1);
        JsonNode row = listed.path("held").get(0);
        assertThat(row.path("id").asText()).isEqualTo(heldInvoice);
        assertThat(row.path("type").asText()).isEqualTo("invoice");
        assertThat(row.path("reason").asText()).isEqualTo("account 40100 does not exist in Acumatica");
        assertThat(row.path("age").asText()).startsWith("PT");
        assertThat(retried.at("/retried/outcome").asText()).as("no DLQ message for it: a fresh one names it")
                .isEqualTo("enqueued");
        assertThat(queuedBodies()).singleElement().asString().contains(heldInvoice);
        assertThat(skipped.path("outcome").asText()).isEqualTo("skipped");
        assertThat(all.path("held")).extracting(node -> node.path("id").asText() + ":" + node.path("status").asText())
                .containsExactlyInAnyOrder(heldInvoice + ":retrying", otherInvoice + ":skipped");
    }

    @Test
    void heldRetryAll_shouldSendBackOnlyTheDocumentsHeldForThatReason() {
        Instant now = Instant.now();
        held.hold("invoice", heldInvoice, "ev_1", "account 40100 does not exist in Acumatica", now);
        held.hold("invoice", otherInvoice, "ev_2", "currency JPY does not exist in Acumatica", now);

        JsonNode answer = lambda.invoke("{\"held\":{\"retry_all\":{\"reason\":\"account 40100\"}}}");

        assertThat(answer.path("retried")).extracting(node -> node.path("id").asText())
                .containsExactly(heldInvoice);
        assertThat(queuedBodies()).singleElement().asString().contains(heldInvoice).doesNotContain(otherInvoice);
        assertThat(held.find("invoice", otherInvoice).orElseThrow().status())
                .isEqualTo(io.mlconnector.store.HeldDocument.Status.HELD);
    }

    @Test
    void reconcile_shouldWriteHtmlAndCsvToTheBucket_showHeldAndSkippedWithReasons_andPublishTheDifferences() {
        Instant now = Instant.now();
        held.hold("invoice", heldInvoice, "ev_1", "account 40100 does not exist in Acumatica", now);
        held.skip("invoice", otherInvoice, "booked by hand in Acumatica", "ana@acme.example", now);

        JsonNode answer = lambda.invoke("{\"reconcile\":{\"period\":\"2026-05\"}}");

        assertThat(answer.path("error").isMissingNode()).as(answer.toString()).isTrue();
        assertThat(answer.path("period").asText()).isEqualTo("2026-05");
        assertThat(answer.path("agrees").asBoolean()).as("nothing was posted: Acumatica has none of May").isFalse();
        assertThat(answer.path("differences").asLong()).isPositive();
        assertThat(answer.path("html").asText()).startsWith("s3://" + BUCKET + "/reconciliation/2026-05/")
                .endsWith(".html");
        String csv = object(URI.create(answer.path("csv").asText()));
        assertThat(line(csv, heldInvoice)).contains("HELD").contains("account 40100 does not exist in Acumatica");
        assertThat(line(csv, otherInvoice)).contains("SKIPPED").contains("booked by hand in Acumatica");
        assertThat(object(URI.create(answer.path("html").asText()))).startsWith("<!DOCTYPE html>");
        assertThat(metricLines).singleElement().satisfies(line -> {
            JsonNode emf = EmfLines.valid(line);
            assertThat(emf.path("ReconciliationDifferences").asLong()).isEqualTo(answer.path("differences").asLong());
        });
    }

    private static String line(String csv, String id) {
        return csv.lines().filter(l -> l.contains(id)).findFirst().orElseThrow(() -> new AssertionError(
                "no CSV line names " + id));
    }

    private static String object(URI s3) {
        return new String(FakeS3.read(s3.getHost(), s3.getPath().substring(1)).orElseThrow(), StandardCharsets.UTF_8);
    }

    private static List<String> queuedBodies() {
        var sqs = StandIns.shared().sqs();
        List<String> bodies = new ArrayList<>();
        for (Message message : sqs.receive(sqs.queueUrl(), 0)) {
            bodies.add(message.body());
        }
        return bodies;
    }
}
