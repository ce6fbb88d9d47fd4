package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.lambda.IngestHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.testing.ApiGatewayEmulator;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A document date reaches Acumatica as the calendar date the connector meant, whatever time zone the API user's
 * profile has: the connector sends it without an offset, so there is no instant for Acumatica to convert. (Sent as
 * midnight UTC, a user in Los Angeles would get the day before.)
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class DocumentDatesInTheApiUsersTimeZoneTest {
    @Inject
    IngestHandler ingest;

    @AfterEach
    void backToUtc() {
        Sandboxes.shared().reset();
    }

    @Test
    void postedDocuments_shouldKeepTheirChargebeeDates_whenTheApiUserIsInLosAngeles() throws Exception {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        AcumaticaSandbox acumatica = Sandboxes.shared().acumatica();
        acumatica.setUserTimeZone(ZoneId.of("America/Los_Angeles"));
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
        try (ApiGatewayEmulator apiGateway = ApiGatewayEmulator.start(ingest)) {
            Sandboxes.shared().chargebee().deliverAll(apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER,
                    Sandboxes.WEBHOOK_PASSWORD);
        }
        new SqsEventSource(StandIns.shared().sqs().client(), StandIns.shared().sqs().queueUrl(),
                new LambdaInvoker()::invoke).drain(1, 20);

        // INV-MIN-0001 and txn_min_0001 are dated 2026-05-01 09:00 UTC in Chargebee (a UTC site): May 1.
        JsonNode invoice = acumatica.salesInvoices().stream()
                .filter(i -> "INV-MIN-0001".equals(i.at("/ExternalRef/value").asText())).findFirst().orElseThrow();
        assertThat(invoice.at("/Date/value").asText()).isEqualTo("2026-05-01T00:00:00-07:00");
        assertThat(invoice.at("/DueDate/value").asText()).isEqualTo("2026-05-01T00:00:00-07:00");
        JsonNode payment = acumatica.payments().stream()
                .filter(p -> "txn_min_0001".equals(p.at("/ExternalRef/value").asText())).findFirst().orElseThrow();
        assertThat(payment.at("/ApplicationDate/value").asText()).isEqualTo("2026-05-01T00:00:00-07:00");
    }
}
