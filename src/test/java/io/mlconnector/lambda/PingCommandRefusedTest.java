package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.LogCapture;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.mlconnector.testing.StandInsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code {"ping": true}} when the connector's Chargebee key is not the site's and Acumatica does not publish the
 * configured endpoint version: each check says so in plain words, the others still answer, no secret is echoed.
 */
@QuarkusTest
@TestProfile(PingCommandRefusedTest.Refused.class)
class PingCommandRefusedTest {
    private static final String CANARY = "CANARY";

    /** The connector's Chargebee key is not the site's, and Acumatica does not publish the configured version. */
    public static class Refused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "poller",
                    "credentials.local.chargebee-api-key", "test_cb_key_CANARY_revoked",
                    "acumatica.endpoint-version", "25.200.001");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StandInsResource.class));
        }
    }

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
    }

    @Test
    void ping_shouldSayChargebeeRefusedTheKey_andWhichVersionsAcumaticaPublishes_echoingNoSecret() {
        try (LogCapture logs = LogCapture.install()) {
            JsonNode answer = new LambdaInvoker().invoke("{\"ping\":true}");

            assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isFalse();
            Map<String, String> checks = PingCommandTest.checks(answer);
            assertThat(checks.get("chargebee")).contains("refused the API key (401)")
                    .contains("infra/put-secrets.sh");
            assertThat(checks.get("acumatica_sign_in")).contains("ok");
            assertThat(checks.get("acumatica_endpoint")).contains("does not publish endpoint Default/25.200.001")
                    .contains("24.200.001").contains("ACUMATICA_ENDPOINT_VERSION");
            assertThat(PingCommandTest.oks(answer)).containsEntry("chargebee", false)
                    .containsEntry("acumatica_endpoint", false).containsEntry("acumatica_sign_in", true);
            assertThat(answer.toString()).doesNotContain(CANARY);
            assertThat(logs.lines()).noneMatch(line -> line.contains(CANARY));
        }
    }
}

