package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.chargebee.RecordedRequest;
import io.mlconnector.testing.ElasticMq;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The poller invoked by hand with a backfill of the demo cycle: every document type in dependency order, stopped at a
 * page when the invocation's time runs out and resumed by the same request, with its progress in the answer.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Poller.class)
class PollerBackfillTest {
    private final LambdaInvoker lambda = new LambdaInvoker();

    @Inject
    PollerHandler handler;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
    }

    @Test
    void backfillInput_shouldQueueEveryDocumentCreatedInTheRange_customersInvoicesCreditNotesThenTransactions() {
        JsonNode result = lambda.invoke("{\"backfill\":{\"from\":\"2020-01-01T00:00:00Z\","
                + "\"to\":\"2030-01-01T00:00:00Z\",\"window_days\":1000}}");

        assertThat(result.path("complete").asBoolean()).isTrue();
        assertThat(result.path("windows_total").asInt()).as("4 windows of 1000 days, for each of 4 types").isEqualTo(16);
        assertThat(result.path("windows_done").asInt()).isEqualTo(16);
        assertThat(result.path("queued").path("customer").asLong()).isEqualTo(300);
        assertThat(result.path("queued").path("invoice").asLong()).isEqualTo(303);
        assertThat(result.path("queued").path("credit_note").asLong()).isEqualTo(2);
        assertThat(result.path("queued").path("transaction").asLong()).isEqualTo(257);
        List<String> queued = queuedBodies();
        assertThat(queued).hasSize(862).doesNotHaveDuplicates()
                .allMatch(body -> body.contains("\"source\":\"backfill\""));
        assertThat(Sandboxes.shared().chargebee().requests().stream().map(RecordedRequest::path)
                .filter(path -> !path.endsWith("/configurations")).distinct().toList())
                .as("each document after its customer and the invoices it settles or credits")
                .containsExactly("/api/v2/customers", "/api/v2/invoices", "/api/v2/credit_notes", "/api/v2/transactions");
    }

    @Test
    void backfillInput_shouldStopAtAPageBoundaryWhenTheInvocationRunsOutOfTime_andGoOnWithTheSameRequest_queueingEachDocumentOnce() {
        Map<String, Object> request = Map.of("backfill", Map.of("from", "2025-01-01T00:00:00Z",
                "to", "2026-07-01T00:00:00Z", "window_days", 200));
        Sandboxes.shared().chargebee().faults().delayNext(1000, Duration.ofMillis(700)); // each list page takes 0.7 s
        List<Map<String, Object>> answers = new ArrayList<>();
        do { // 32 s left: a 30 s reserve and about three pages
            answers.add(handler.handleRequest(request, remaining(Duration.ofSeconds(32))));
        } while (!Boolean.TRUE.equals(answers.get(answers.size() - 1).get("complete")) && answers.size() < 30);

        Map<String, Object> first = answers.get(0);
        Map<String, Object> last = answers.get(answers.size() - 1);
        assertThat(first).containsEntry("complete", false).containsEntry("resumed", false)
                .containsEntry("windows_total", 12).containsKey("stopped");
        assertThat((int) first.get("windows_done")).isLessThan(12);
        assertThat(answers).as("stopped and resumed more than once").hasSizeGreaterThan(2);
        assertThat(answers).extracting(answer -> (int) answer.get("windows_done")).isSorted();
        assertThat(last).containsEntry("complete", true).containsEntry("resumed", true)
                .containsEntry("windows_done", 12).containsEntry("windows_total", 12)
                .containsEntry("queued", Map.of("customer", 300L, "invoice", 303L, "credit_note", 2L,
                        "transaction", 257L));
        assertThat(queuedBodies()).as("every document of the range queued once across the invocations")
                .hasSize(862).doesNotHaveDuplicates();
    }

    @Test
    void backfillInput_shouldStartAfresh_whenTheRequestDiffersFromTheOneThatStopped() {
        Sandboxes.shared().chargebee().faults().delayNext(1000, Duration.ofMillis(700));
        Map<String, Object> stopped = handler.handleRequest(Map.of("backfill", Map.of("from", "2025-01-01T00:00:00Z",
                "to", "2026-06-01T00:00:00Z", "window_days", 100)), remaining(Duration.ofSeconds(31)));
        Sandboxes.shared().chargebee().faults().clear();

        Map<String, Object> other = handler.handleRequest(Map.of("backfill", Map.of("from", "2025-01-01T00:00:00Z",
                "to", "2026-06-01T00:00:00Z", "window_days", 100, "types", List.of("invoices"))),
                remaining(Duration.ofMinutes(2)));

        assertThat(stopped).containsEntry("complete", false);
        assertThat(other).containsEntry("complete", true).containsEntry("resumed", false)
                .containsEntry("queued", Map.of("invoice", 303L));
    }

    /** Every message on the queue, duplicates included: each deleted once read, so none is read twice. */
    private List<String> queuedBodies() {
        ElasticMq sqs = StandIns.shared().sqs();
        List<String> bodies = new ArrayList<>();
        for (int round = 0; round < 500; round++) {
            var batch = sqs.receive(sqs.queueUrl(), 0);
            if (batch.isEmpty()) {
                break;
            }
            for (Message message : batch) {
                bodies.add(message.body());
                sqs.client().deleteMessage(delete -> delete.queueUrl(sqs.queueUrl())
                        .receiptHandle(message.receiptHandle()));
            }
        }
        return bodies;
    }

    /** A Lambda context with this much time left, as the runtime hands it to the handler. */
    private static Context remaining(Duration left) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> (int) left.toMillis();
                    case "getAwsRequestId" -> "req-" + left.toMillis();
                    default -> null;
                });
    }
}
