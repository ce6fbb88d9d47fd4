package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.testing.LambdaEvents;
import io.mlconnector.testing.LambdaEvents.SqsRecord;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.mlconnector.testing.StandInsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tenant that does not publish the configured endpoint version stops the worker before anything posts. */
@QuarkusTest
@TestProfile(UnpublishedEndpointVersionTest.Version25.class)
class UnpublishedEndpointVersionTest {

    public static class Version25 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "worker", "acumatica.endpoint-version", "25.200.001");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StandInsResource.class));
        }
    }

    @Inject
    EndpointCheck endpoint;

    @Test
    void worker_shouldPostNothingAndReturnEveryMessage_whenTheVersionIsNotPublished() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
        String eventId = Sandboxes.shared().chargebee().events().get(0).path("id").asText();
        SqsRecord message = SqsRecord.of("{\"event_id\":\"" + eventId + "\",\"event_type\":\"invoice_generated\","
                + "\"received_at\":\"2026-11-27T10:00:00Z\",\"source\":\"webhook\"}");

        JsonNode response = new LambdaInvoker().invoke(LambdaEvents.sqs(List.of(message)));

        assertThat(response.path("batchItemFailures")).extracting(f -> f.path("itemIdentifier").asText())
                .containsExactly(message.messageId());
        assertThat(Sandboxes.shared().acumatica().requests()).noneMatch(r -> r.method().equals("PUT"));
        assertThatThrownBy(endpoint::requireConfiguredVersion)
                .isInstanceOf(EndpointCheck.EndpointNotPublished.class)
                .hasMessageContaining("Default/25.200.001").hasMessageContaining("24.200.001");
    }
}
