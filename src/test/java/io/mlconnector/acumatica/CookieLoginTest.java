package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the legacy cookie login, a batch signs in, posts, and always signs out, giving its licensed seat back. */
@QuarkusTest
@TestProfile(CookieLoginTest.CookieLogin.class)
class CookieLoginTest {

    public static class CookieLogin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "worker", "acumatica.auth", "cookie",
                    "acumatica.tenant", "SandboxTenant");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StandInsResource.class));
        }
    }

    @Test
    void batch_shouldSignInWithCookies_post_andSignOut() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
        String eventId = Sandboxes.shared().chargebee().events().stream()
                .filter(e -> "invoice_generated".equals(e.path("event_type").asText())).findFirst().orElseThrow()
                .path("id").asText();

        JsonNode response = new LambdaInvoker().invoke(LambdaEvents.sqs(List.of(SqsRecord.of("{\"event_id\":\""
                + eventId + "\",\"event_type\":\"invoice_generated\",\"received_at\":\"2026-11-27T10:00:00Z\","
                + "\"source\":\"webhook\"}"))));

        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(Sandboxes.shared().acumatica().salesInvoices()).hasSize(1);
        assertThat(Sandboxes.shared().acumatica().requests()).extracting(r -> r.method() + " " + r.path())
                .anyMatch(call -> call.endsWith("/entity/auth/login"))
                .last().asString().endsWith("/entity/auth/logout");
        assertThat(Sandboxes.shared().acumatica().openApiSessions()).isZero();
    }
}
