package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.lambda.IngestHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaContract;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.acumatica.RecordedRequest;
import io.mlconnector.testing.ApiGatewayEmulator;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every body the connector sends to Acumatica, and every record Acumatica's sandbox answers with, validates against
 * the official Default/24.200.001 OpenAPI description: PUT bodies against their entity's schema, action bodies
 * against the action's schema.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class ConnectorRequestsMatchContractTest {
    private static final AcumaticaContract CONTRACT = AcumaticaContract.load();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    IngestHandler ingest;

    @Inject
    AcumaticaClient acumatica;

    @Test
    void everyRequestBodyAndAnswer_shouldValidateAgainstTheOfficialContract() throws Exception {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        AcumaticaSandbox sandbox = Sandboxes.shared().acumatica();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
        try (ApiGatewayEmulator apiGateway = ApiGatewayEmulator.start(ingest)) {
            Sandboxes.shared().chargebee().deliverAll(apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER,
                    Sandboxes.WEBHOOK_PASSWORD);
        }
        new SqsEventSource(StandIns.shared().sqs().client(), StandIns.shared().sqs().queueUrl(),
                new LambdaInvoker()::invoke).drain(1, 20);

        List<String> problems = new ArrayList<>();
        Set<String> checked = new LinkedHashSet<>();
        for (RecordedRequest request : sandbox.requests()) {
            if (request.body() == null || request.body().isBlank() || !request.path().contains("/entity/")) {
                continue;
            }
            String schema = schemaFor(request);
            checked.add(request.method() + " " + schema);
            CONTRACT.validate(schema, json.readTree(request.body()))
                    .forEach(problem -> problems.add(request.method() + " " + request.path() + ": " + problem));
        }
        for (JsonNode customer : sandbox.customers()) {
            CONTRACT.validate("Customer", customer).forEach(problem -> problems.add("Customer answer: " + problem));
        }
        for (JsonNode invoice : sandbox.salesInvoices()) {
            CONTRACT.validate("SalesInvoice", invoice).forEach(problem -> problems.add("SalesInvoice answer: " + problem));
        }

        for (JsonNode payment : sandbox.payments()) {
            CONTRACT.validate("Payment", payment).forEach(problem -> problems.add("Payment answer: " + problem));
        }

        assertThat(checked).containsExactlyInAnyOrder("PUT Customer", "PUT SalesInvoice", "POST ReleaseSalesInvoice",
                "PUT Payment", "POST ReleasePayment");
        assertThat(problems).isEmpty();
    }

    /** {@code PUT .../SalesInvoice} → SalesInvoice; {@code POST .../SalesInvoice/ReleaseSalesInvoice} → ReleaseSalesInvoice. */
    private static String schemaFor(RecordedRequest request) {
        String[] segments = request.path().split("/");
        return segments[segments.length - 1];
    }
}
