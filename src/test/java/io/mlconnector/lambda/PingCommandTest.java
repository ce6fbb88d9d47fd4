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
 * {@code {"ping": true}} through the poller function's invocations against both sandboxes: every check in plain words,
 * and the test credentials (each contains CANARY) in no answer and no log line.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Poller.class)
class PingCommandTest {
    private static final String CANARY = "CANARY";

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
    }

    @Test
    void ping_shouldAnswerOkForEveryCheck_inPlainWords_echoingNoSecret() {
        // Earlier tests in the same JVM may leave the connector's categories above INFO: Ping's own lines must reach
        // the capture, or the canary check below would pass on nothing.
        java.util.logging.Logger connector = java.util.logging.Logger.getLogger("io.mlconnector");
        java.util.logging.Level before = connector.getLevel();
        connector.setLevel(java.util.logging.Level.INFO);
        try (LogCapture logs = LogCapture.install()) {
            JsonNode answer = new LambdaInvoker().invoke("{\"ping\":true}");

            assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isTrue();
            assertThat(checks(answer)).containsOnlyKeys("chargebee", "acumatica_sign_in", "acumatica_endpoint",
                    "mapping");
            assertThat(checks(answer).values()).allSatisfy(says -> assertThat(says).contains("ok"));
            assertThat(checks(answer).get("acumatica_endpoint")).contains("Default/24.200.001");
            assertThat(answer.toString()).doesNotContain(CANARY);
            assertThat(logs.lines()).anyMatch(line -> line.contains("Ping")).noneMatch(l -> l.contains(CANARY));
        } finally {
            connector.setLevel(before);
        }
    }

    static Map<String, String> checks(JsonNode answer) {
        return StreamSupport.stream(answer.path("checks").spliterator(), false).collect(
                java.util.stream.Collectors.toMap(c -> c.path("name").asText(), c -> c.path("says").asText()));
    }

    static Map<String, Boolean> oks(JsonNode answer) {
        return StreamSupport.stream(answer.path("checks").spliterator(), false).collect(
                java.util.stream.Collectors.toMap(c -> c.path("name").asText(), c -> c.path("ok").asBoolean()));
    }
}
