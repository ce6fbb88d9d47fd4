package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.store.CursorStore;
import io.mlconnector.support.EmbeddedMetrics;
import io.mlconnector.support.MetricNames;
import io.mlconnector.sync.HandledEventTypes;
import io.mlconnector.testing.ElasticMq;
import io.mlconnector.testing.EmfLines;
import io.mlconnector.testing.LambdaEvents;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The poller through EventBridge Scheduler invocations on the mock event server. */
@QuarkusTest
@TestProfile(HandlerProfiles.Poller.class)
class PollerHandlerTest {
    private final LambdaInvoker lambda = new LambdaInvoker();

    @Inject
    CursorStore cursors;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    io.mlconnector.support.CallMeter calls;

    private final List<String> metricLines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        QuarkusMock.installMockForType(new EmbeddedMetrics(json, clock, metricLines::add), EmbeddedMetrics.class);
        calls.drain(); // requests of earlier tests' backfills
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
    }

    @Test
    void poll_shouldEnqueueEveryHandledEventAfterTheCursor_acrossPages_andAdvanceTheCursor() {
        Instant start = firstEventAt().minusSeconds(1);
        cursors.advance("events", start, Instant.now());

        JsonNode result = lambda.invoke(LambdaEvents.schedule());

        long handled = Sandboxes.shared().chargebee().events().stream()
                .filter(e -> HandledEventTypes.isHandled(e.path("event_type").asText())).count();
        assertThat(result.path("pages").asInt()).isGreaterThan(1);
        assertThat(result.path("enqueued").asLong()).isEqualTo(handled);
        assertThat(queuedEventIds()).hasSize((int) handled).allMatch(body -> body.contains("\"source\":\"poller\""));
        assertThat(cursors.read("events")).contains(lastEventAt());
    }

    @Test
    void poll_shouldReadOnlyTheOverlapAgain_whenNothingNewHappened() {
        cursors.advance("events", firstEventAt().minusSeconds(1), Instant.now());
        lambda.invoke(LambdaEvents.schedule());
        StandIns.shared().sqs().purge();

        JsonNode second = lambda.invoke(LambdaEvents.schedule());

        long inOverlap = Sandboxes.shared().chargebee().events().stream()
                .filter(e -> HandledEventTypes.isHandled(e.path("event_type").asText()))
                .filter(e -> e.path("occurred_at").asLong() > lastEventAt().minusSeconds(600).getEpochSecond()).count();
        assertThat(second.path("enqueued").asLong()).isEqualTo(inOverlap);
        assertThat(cursors.read("events")).contains(lastEventAt());
    }

    @Test
    void poll_shouldLogOneEmbeddedMetricsLine_withMorePendingAndEventsQueued_byFunctionName() {
        cursors.advance("events", firstEventAt().minusSeconds(1), Instant.now());

        JsonNode result = lambda.invoke(LambdaEvents.schedule());

        assertThat(metricLines).hasSize(1);
        JsonNode line = EmfLines.valid(metricLines.get(0));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo(PollerMetrics.NAMESPACE);
        assertThat(directive.path("Dimensions").get(0).get(0).asText()).isEqualTo(PollerMetrics.DIMENSION);
        assertThat(directive.path("Metrics").findValuesAsText("Name"))
                .containsExactlyInAnyOrder(PollerMetrics.MORE_PENDING, PollerMetrics.EVENTS_QUEUED,
                        PollerMetrics.LAG_SECONDS, MetricNames.CHARGEBEE_CALLS, MetricNames.CHARGEBEE_429,
                        MetricNames.ACUMATICA_CALLS, MetricNames.ACUMATICA_429);
        assertThat(line.path("cursorLagSeconds").asLong()).as("the last demo event is in the past").isPositive();
        assertThat(line.path(PollerMetrics.LAG_SECONDS).asLong()).as("read to the end: caught up, not behind")
                .isZero();
        assertThat(line.path(MetricNames.CHARGEBEE_CALLS).asLong()).as("one events list call a page")
                .isEqualTo(result.path("pages").asLong());
        assertThat(line.path(MetricNames.CHARGEBEE_429).asLong()).isZero();
        assertThat(line.path(PollerMetrics.DIMENSION).asText()).isNotBlank();
        assertThat(result.path("morePending").asBoolean()).isFalse();
        assertThat(line.path(PollerMetrics.MORE_PENDING).asDouble()).isZero();
        assertThat(line.path(PollerMetrics.EVENTS_QUEUED).asLong()).isEqualTo(result.path("enqueued").asLong())
                .isPositive();
    }

    @Test
    void backfillInput_shouldQueueEveryCustomerAndInvoiceCreatedInTheRange_asBackfilledRecords() {
        JsonNode result = lambda.invoke("{\"backfill\":{\"from\":\"2020-01-01T00:00:00Z\","
                + "\"to\":\"2030-01-01T00:00:00Z\",\"window_days\":400}}");

        assertThat(result.path("queued").path("customer").asLong()).isEqualTo(300);
        assertThat(result.path("queued").path("invoice").asLong()).isEqualTo(303);
        Set<String> queued = queuedEventIds();
        assertThat(queued).as("credit notes and transactions too: PollerBackfillTest").hasSize(862)
                .allMatch(body -> body.contains("\"source\":\"backfill\""));
    }

    @Test
    void backfillInput_shouldAnswerWithAReason_whenTheRangeIsNotIso8601() {
        JsonNode result = lambda.invoke("{\"backfill\":{\"from\":\"last year\",\"to\":\"now\"}}");

        assertThat(result.path("error").asText()).contains("ISO-8601");
    }

    private Set<String> queuedEventIds() {
        ElasticMq sqs = StandIns.shared().sqs();
        Set<String> ids = new HashSet<>();
        for (int round = 0; round < 200; round++) {
            var batch = sqs.receive(sqs.queueUrl(), 0);
            if (batch.isEmpty()) {
                break;
            }
            for (Message message : batch) {
                ids.add(message.body());
            }
        }
        return ids;
    }

    private static Instant firstEventAt() {
        return Instant.ofEpochSecond(Sandboxes.shared().chargebee().events().get(0).path("occurred_at").asLong());
    }

    private static Instant lastEventAt() {
        return Sandboxes.shared().chargebee().events().stream()
                .filter(e -> HandledEventTypes.isHandled(e.path("event_type").asText()))
                .map(e -> Instant.ofEpochSecond(e.path("occurred_at").asLong())).max(Instant::compareTo).orElseThrow();
    }
}
