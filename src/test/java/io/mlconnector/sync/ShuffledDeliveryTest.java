package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.lambda.IngestHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The same slice of a billing cycle, delivered in order once and shuffled with duplicates once (as Chargebee may),
 * ends in the same Acumatica state: the same documents with the same amounts, balances and statuses.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class ShuffledDeliveryTest {
    private static final int CUSTOMERS = 25;

    @Inject
    IngestHandler ingest;

    @Test
    void billingCycle_shouldEndInTheSameAcumaticaState_whenDeliveredShuffledWithDuplicates() {
        List<String> inOrder = load();
        Map<String, String> expected = run(inOrder);

        List<String> shuffled = new ArrayList<>(inOrder);
        Random random = new Random(20261127);
        for (int i = 0; i < inOrder.size(); i += 4) {
            shuffled.add(inOrder.get(random.nextInt(inOrder.size()))); // about one event in four twice
        }
        Collections.shuffle(shuffled, random);
        load();
        Map<String, String> actual = run(shuffled);

        assertThat(expected).hasSizeGreaterThan(CUSTOMERS);
        assertThat(actual).isEqualTo(expected);
    }

    /** Resets everything, seeds the demo cycle, and returns the event ids of the first customers, in order. */
    private List<String> load() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        ChargebeeSandbox chargebee = Sandboxes.shared().chargebee();
        chargebee.loadDirectory(Path.of("src/test/resources/chargebee/demo-cycle"));
        Set<String> customers = chargebee.events().stream()
                .filter(e -> "customer_created".equals(e.path("event_type").asText()))
                .map(e -> e.at("/content/customer/id").asText()).limit(CUSTOMERS).collect(Collectors.toSet());
        return chargebee.events().stream().filter(e -> customers.contains(customerOf(e)))
                .map(e -> e.path("id").asText()).toList();
    }

    private Map<String, String> run(List<String> eventIds) {
        ChargebeeSandbox chargebee = Sandboxes.shared().chargebee();
        try (ApiGatewayEmulator apiGateway = ApiGatewayEmulator.start(ingest)) {
            for (String eventId : eventIds) {
                chargebee.deliver(eventId, apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER, Sandboxes.WEBHOOK_PASSWORD);
            }
        }
        new SqsEventSource(StandIns.shared().sqs().client(), StandIns.shared().sqs().queueUrl(),
                new LambdaInvoker()::invoke).drain(1, 200);
        return snapshot(Sandboxes.shared().acumatica());
    }

    /** Everything an accountant would compare, keyed by the Chargebee id (Acumatica's numbers depend on order). */
    private static Map<String, String> snapshot(AcumaticaSandbox acumatica) {
        Map<String, String> state = new TreeMap<>();
        for (JsonNode document : acumatica.salesInvoices()) {
            state.put(document.at("/ExternalRef/value").asText(), String.join("|", document.at("/Type/value").asText(),
                    document.at("/Status/value").asText(), document.at("/Amount/value").decimalValue().toPlainString(),
                    document.at("/Balance/value").decimalValue().toPlainString()));
        }
        for (JsonNode payment : acumatica.payments()) {
            state.put(payment.at("/ExternalRef/value").asText(), String.join("|", payment.at("/Type/value").asText(),
                    payment.at("/Status/value").asText(), payment.at("/PaymentAmount/value").decimalValue().toPlainString(),
                    payment.at("/AvailableBalance/value").decimalValue().toPlainString()));
        }
        for (JsonNode customer : acumatica.customers()) {
            state.put(customer.at("/AccountRef/value").asText(), customer.at("/CustomerID/value").asText());
        }
        return state;
    }

    private static String customerOf(JsonNode event) {
        JsonNode content = event.path("content");
        for (String resource : List.of("customer", "invoice", "credit_note", "transaction")) {
            JsonNode node = content.path(resource);
            if (node.isObject()) {
                return "customer".equals(resource) ? node.path("id").asText() : node.path("customer_id").asText();
            }
        }
        return "";
    }
}
