package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * Payloads the poller function cannot run, through its invocations: each answered with what was wrong, as JSON,
 * never as a Lambda error; and nothing polled for them.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Poller.class)
class PollerCommandErrorsTest {
    private final LambdaInvoker lambda = new LambdaInvoker();

    @Test
    void unknownCommand_shouldAnswerAnErrorListingTheCommands_andPollNothing() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();

        JsonNode answer = lambda.invoke("{\"pong\":true}");

        assertThat(answer.path("error").asText()).contains("unknown command [pong]")
                .contains("expected one of: ").contains("{\"ping\": true}");
        assertThat(answer.has("pages")).isFalse();
        assertThat(Sandboxes.shared().chargebee().requests()).isEmpty();
    }

    @Test
    void malformedCommand_shouldAnswerWhatWasWrong() {
        assertThat(lambda.invoke("{\"dry_run\":{\"period\":\"2026-05\",\"limit\":\"all\"}}").path("error").asText())
                .contains("'limit' must be a whole number from 1 to 200");
        assertThat(lambda.invoke("[1,2]").path("error").asText()).isNotBlank();
        assertThat(lambda.invoke("{\"held\":{\"skip\":{\"type\":\"invoice\",\"id\":\"inv_1\"}}}").path("error")
                .asText()).contains("held.skip needs 'reason'");
    }

    @Test
    void reconcileWithAPeriodThatIsNoMonth_shouldAnswerWhatAPeriodIs() {
        assertThat(lambda.invoke("{\"reconcile\":{\"period\":\"May\"}}").path("error").asText())
                .contains("reconcile needs 'period'");
    }
}
