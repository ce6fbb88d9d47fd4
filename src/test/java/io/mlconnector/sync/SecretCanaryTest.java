package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.lambda.IngestHandler;
import io.mlconnector.sandbox.acumatica.FaultScope;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditRecord;
import io.mlconnector.testing.ApiGatewayEmulator;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.LogCapture;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every test credential contains CANARY. Drive the paths that log, fail and audit — a refused webhook, an expired
 * Acumatica token, a lost response, a rejected document — and look for the canary everywhere.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class SecretCanaryTest {
    private static final String CANARY = "CANARY";

    @Inject
    IngestHandler ingest;

    @Inject
    AuditLog audit;

    @Test
    void secrets_shouldAppearInNoLogLineAuditRowOrError_onEveryFailurePath() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        var chargebee = Sandboxes.shared().chargebee();
        var acumatica = Sandboxes.shared().acumatica();
        chargebee.loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
        List<String> eventIds = chargebee.events().stream().map(e -> e.path("id").asText()).toList();
        SqsEventSource worker = new SqsEventSource(StandIns.shared().sqs().client(), StandIns.shared().sqs().queueUrl(),
                new LambdaInvoker()::invoke);

        try (LogCapture logs = LogCapture.install(); ApiGatewayEmulator apiGateway = ApiGatewayEmulator.start(ingest)) {
            chargebee.deliver(eventIds.get(0), apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER, "wrong-" + CANARY);
            acumatica.faults().expireAllTokens();
            acumatica.faults().commitThenDropResponseNext(1, FaultScope.of("PUT", "SalesInvoice"));
            acumatica.removeReferenceRecord("Currency", "JPY");
            chargebee.deliverAll(apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER, Sandboxes.WEBHOOK_PASSWORD);
            worker.drain(1, 20);

            List<String> everything = new ArrayList<>(logs.lines());
            for (String eventId : eventIds) {
                for (AuditRecord row : audit.forEvent(eventId)) {
                    everything.add(row.toString());
                }
            }

            assertThat(logs.lines()).as("the capture sees the connector's logs").anyMatch(l -> l.contains("Webhook refused"));
            assertThat(everything).as("log lines and audit rows were produced").hasSizeGreaterThan(5);
            assertThat(everything).noneMatch(line -> line.contains(CANARY));
            assertThat(acumatica.salesInvoices()).as("the USD invoice still posted").isNotEmpty();
        }
    }
}
