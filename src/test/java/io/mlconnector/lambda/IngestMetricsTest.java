package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.ingest.SqsEventQueue;
import io.mlconnector.ingest.WebhookIngest;
import io.mlconnector.ingest.WebhookRequest;
import io.mlconnector.ingest.WebhookResponse;
import io.mlconnector.support.EmbeddedMetrics;
import io.mlconnector.support.MetricNames;
import io.mlconnector.testing.EmfLines;
import io.mlconnector.testing.LambdaEvents;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook endpoint's metrics line, one per request, through API Gateway HTTP API (payload 2.0) events. */
@QuarkusTest
@TestProfile(HandlerProfiles.Ingest.class)
class IngestMetricsTest {
    private static final String EVENT = "{\"id\":\"ev_metrics_1\",\"occurred_at\":1795694400,\"object\":\"event\","
            + "\"api_version\":\"v2\",\"event_type\":\"invoice_generated\",\"content\":{\"invoice\":{\"id\":\"INV-1\"}}}";
    private static final String GOOD = LambdaEvents.basic("chargebee", "hook-pass-CANARY-4c3b2a");

    private final LambdaInvoker lambda = new LambdaInvoker();
    private final List<String> metricLines = new CopyOnWriteArrayList<>();

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        QuarkusMock.installMockForType(new EmbeddedMetrics(json, clock, metricLines::add), EmbeddedMetrics.class);
    }

    @Test
    void webhook_shouldWriteOneLineCountingTheRequest_andNoErrors_whenItIsQueued() {
        JsonNode response = lambda.invoke(LambdaEvents.webhook(EVENT, GOOD, null, false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode line = onlyLine();
        assertThat(line.path(MetricNames.WEBHOOK_REQUESTS).asInt()).isEqualTo(1);
        assertThat(line.path(MetricNames.WEBHOOK_UNAUTHORIZED).asInt()).isZero();
        assertThat(line.path(MetricNames.WEBHOOK_SERVER_ERRORS).asInt()).isZero();
        assertThat(line.path("status").asInt()).isEqualTo(200);
    }

    @Test
    void webhook_shouldCountA401_whenThePasswordIsWrong() {
        JsonNode response = lambda.invoke(LambdaEvents.webhook(EVENT, LambdaEvents.basic("chargebee", "guess"), null,
                false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        JsonNode line = onlyLine();
        assertThat(line.path(MetricNames.WEBHOOK_REQUESTS).asInt()).isEqualTo(1);
        assertThat(line.path(MetricNames.WEBHOOK_UNAUTHORIZED).asInt()).isEqualTo(1);
        assertThat(line.path(MetricNames.WEBHOOK_SERVER_ERRORS).asInt()).isZero();
        assertThat(metricLines.get(0)).as("never a credential in a log line").doesNotContain("guess");
    }

    @Test
    void webhook_shouldCountA5xx_whenTheQueueIsDown() {
        QuarkusMock.installMockForType(new DownQueue(), SqsEventQueue.class);

        JsonNode response = lambda.invoke(LambdaEvents.webhook(EVENT, GOOD, null, false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(503);
        JsonNode line = onlyLine();
        assertThat(line.path(MetricNames.WEBHOOK_SERVER_ERRORS).asInt()).isEqualTo(1);
        assertThat(line.path(MetricNames.WEBHOOK_UNAUTHORIZED).asInt()).isZero();
    }

    @Test
    void webhook_shouldCountA5xx_whenTheInvocationFails_asApiGatewayAnswers500ForIt() {
        QuarkusMock.installMockForType(new BrokenIngest(), WebhookIngest.class);

        assertThatThrownBy(() -> lambda.invoke(LambdaEvents.webhook(EVENT, GOOD, null, false)))
                .as("the invocation fails").isInstanceOf(AssertionError.class);

        JsonNode line = onlyLine();
        assertThat(line.path(MetricNames.WEBHOOK_REQUESTS).asInt()).isEqualTo(1);
        assertThat(line.path(MetricNames.WEBHOOK_SERVER_ERRORS).asInt()).isEqualTo(1);
    }

    @Test
    void webhook_shouldNotCountAsAnError_whenTheBodyIsMalformed() {
        JsonNode response = lambda.invoke(LambdaEvents.webhook("not json {", GOOD, null, false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        JsonNode line = onlyLine();
        assertThat(line.path(MetricNames.WEBHOOK_REQUESTS).asInt()).isEqualTo(1);
        assertThat(line.path(MetricNames.WEBHOOK_UNAUTHORIZED).asInt() + line.path(MetricNames.WEBHOOK_SERVER_ERRORS)
                .asInt()).isZero();
    }

    private JsonNode onlyLine() {
        assertThat(metricLines).as("one line per request").hasSize(1);
        JsonNode line = EmfLines.valid(metricLines.get(0));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo(MetricNames.NAMESPACE);
        assertThat(directive.path("Dimensions").get(0).get(0).asText()).isEqualTo(MetricNames.FUNCTION_NAME);
        assertThat(line.path(MetricNames.FUNCTION_NAME).asText()).isNotBlank();
        return line;
    }

    /** A defect below the handler. */
    private static final class BrokenIngest extends WebhookIngest {
        BrokenIngest() {
            super(null, null, null, null, null, null);
        }

        @Override
        public WebhookResponse receive(WebhookRequest request) {
            throw new IllegalStateException("defect");
        }
    }

    /** SQS unreachable: every send fails as the SDK's would. */
    private static final class DownQueue extends SqsEventQueue {
        DownQueue() {
            super(null, null, null);
        }

        @Override
        public void enqueue(QueuedEvent event) {
            throw new IllegalStateException("SQS unreachable");
        }
    }
}
