package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.store.AuditLog;
import io.mlconnector.testing.LambdaEvents;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The webhook endpoint, driven through API Gateway HTTP API (payload 2.0) events on the mock event server. */
@QuarkusTest
@TestProfile(HandlerProfiles.Ingest.class)
class IngestHandlerTest {
    private static final String USER = "chargebee";
    private static final String PASSWORD = "hook-pass-CANARY-4c3b2a";
    private static final String EVENT = "{\"id\":\"ev_16BHbhF4s42tO2lK\",\"occurred_at\":1795694400,\"object\":\"event\","
            + "\"api_version\":\"v2\",\"event_type\":\"invoice_generated\",\"content\":{\"invoice\":{\"id\":\"INV-1\","
            + "\"customer_id\":\"cust_1\",\"total\":12345}}}";

    private final LambdaInvoker lambda = new LambdaInvoker();

    @Inject
    AuditLog audit;

    @BeforeEach
    void cleanQueues() {
        StandIns.shared().reset();
    }

    @Test
    void webhook_shouldQueueOnlyTheEventAndDocumentIdentity_whenBasicAuthIsRight() {
        JsonNode response = lambda.invoke(LambdaEvents.webhook(EVENT, LambdaEvents.basic(USER, PASSWORD), null, false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        List<Message> queued = StandIns.shared().sqs().receive(StandIns.shared().sqs().queueUrl(), 1);
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).body())
                .contains("\"event_id\":\"ev_16BHbhF4s42tO2lK\"", "\"event_type\":\"invoice_generated\"",
                        "\"received_at\"", "\"source\":\"webhook\"", "\"resource_type\":\"invoice\"",
                        "\"resource_id\":\"INV-1\"")
                .as("the rest of the unsigned payload is never trusted, so never queued")
                .doesNotContain("cust_1", "12345");
    }

    @Test
    void webhook_shouldAcceptThePathToken_whenNoBasicAuthIsSent() {
        JsonNode response = lambda.invoke(LambdaEvents.webhook(EVENT, null, "path-token-CANARY-1a2b3c", false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(StandIns.shared().sqs().receive(StandIns.shared().sqs().queueUrl(), 1)).hasSize(1);
    }

    @Test
    void webhook_shouldAnswer401AndQueueNothing_whenPasswordIsWrong() {
        JsonNode response = lambda.invoke(LambdaEvents.webhook(EVENT, LambdaEvents.basic(USER, "wrong"), null, false));

        assertUnauthorizedAndNothingQueued(response);
    }

    @Test
    void webhook_shouldAnswer401AndQueueNothing_whenCredentialsAreMissing() {
        assertUnauthorizedAndNothingQueued(lambda.invoke(LambdaEvents.webhook(EVENT, null, null, false)));
    }

    @Test
    void webhook_shouldAnswer401AndQueueNothing_whenPathTokenIsWrong() {
        assertUnauthorizedAndNothingQueued(lambda.invoke(LambdaEvents.webhook(EVENT, null, "guess", false)));
    }

    @Test
    void webhook_shouldAnswer400WithReason_whenBodyIsNotJson() {
        JsonNode response = lambda.invoke(LambdaEvents.webhook("not json {", LambdaEvents.basic(USER, PASSWORD), null, false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(response.path("body").asText()).contains("not JSON");
        assertNothingQueued();
    }

    @Test
    void webhook_shouldAnswer400WithReason_whenEventIdIsMissing() {
        JsonNode response = lambda.invoke(LambdaEvents.webhook("{\"event_type\":\"invoice_generated\"}",
                LambdaEvents.basic(USER, PASSWORD), null, false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(response.path("body").asText()).contains("event id");
        assertNothingQueued();
    }

    @Test
    void webhook_shouldAnswer413_whenBodyExceeds256KiB() {
        String huge = "{\"id\":\"ev_big\",\"event_type\":\"invoice_generated\",\"pad\":\"" + "x".repeat(262_144) + "\"}";

        JsonNode response = lambda.invoke(LambdaEvents.webhook(huge, LambdaEvents.basic(USER, PASSWORD), null, false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(413);
        assertNothingQueued();
    }

    @Test
    void webhook_shouldDecodeBase64Bodies_asApiGatewaySendsThemForBinaryTypes() {
        JsonNode response = lambda.invoke(LambdaEvents.webhook(EVENT, LambdaEvents.basic(USER, PASSWORD), null, true));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(StandIns.shared().sqs().receive(StandIns.shared().sqs().queueUrl(), 1)).hasSize(1);
    }

    @Test
    void webhook_shouldAnswer200AndRecordIgnored_whenEventTypeIsNotHandled() {
        String event = "{\"id\":\"ev_ignored_1\",\"event_type\":\"subscription_paused\",\"content\":{}}";

        JsonNode response = lambda.invoke(LambdaEvents.webhook(event, LambdaEvents.basic(USER, PASSWORD), null, false));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("body").asText()).contains("ignored");
        assertNothingQueued();
        assertThat(audit.forEvent("ev_ignored_1")).singleElement()
                .satisfies(row -> assertThat(row.outcome()).isEqualTo("IGNORED"));
    }

    private void assertUnauthorizedAndNothingQueued(JsonNode response) {
        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        assertThat(response.path("body").asText()).doesNotContain(PASSWORD);
        assertNothingQueued();
    }

    private void assertNothingQueued() {
        assertThat(StandIns.shared().sqs().receive(StandIns.shared().sqs().queueUrl(), 0)).isEmpty();
    }
}
