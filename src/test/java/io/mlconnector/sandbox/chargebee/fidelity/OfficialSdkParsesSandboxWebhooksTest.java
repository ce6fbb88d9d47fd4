package io.mlconnector.sandbox.chargebee.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chargebee.Environment;
import com.chargebee.models.Event;
import com.chargebee.models.enums.ApiVersion;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandboxOptions;
import io.mlconnector.sandbox.chargebee.WebhookDelivery;
import io.mlconnector.sandbox.chargebee.WebhookTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhook bodies the sandbox POSTs are events the official SDK parses the way its users parse webhooks
 * ({@code new Event(body)}), with every typed getter readable, and the delivery outcome it records afterwards
 * ({@code webhook_status}) is a value the SDK knows.
 */
class OfficialSdkParsesSandboxWebhooksTest {

    private static final String WEBHOOK_USER = "webhook_user";
    private static final String WEBHOOK_PASSWORD = "webhook_test_password";

    private static SdkGlobalState sdkStateBefore;
    private static ChargebeeSandbox sandbox;
    private static Environment sdk;
    private static HttpServer receiver;
    private static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        sdkStateBefore = SdkGlobalState.capture();
        sandbox = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults()
                .withDataDirectory(DemoCycleData.load().directory()));
        sdk = SandboxSdkEnvironment.of(sandbox, ChargebeeSandboxOptions.DEFAULT_API_KEY);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/webhooks/chargebee", exchange -> {
            try (exchange) {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        sandbox.stop();
        assertEquals(sdkStateBefore, SdkGlobalState.capture(), "the tests must leave no static SDK state behind");
    }

    /**
     * One event of each type the sandbox derives: a webhook body is the same event object the events API serves
     * (all of which {@link OfficialSdkReadsSandboxTest} reads), so one per type proves the delivery path without
     * posting a thousand requests.
     */
    @Test
    void webhookBody_shouldBeParsedByTheSdkAsAnEvent_forEveryDerivedEventType() throws Exception {
        Map<String, String> oneEventPerType = new LinkedHashMap<>();
        for (ObjectNode event : sandbox.events()) {
            oneEventPerType.putIfAbsent(event.path("event_type").asText(), event.path("id").asText());
        }
        WebhookTarget target = WebhookTarget.of(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/chargebee"),
                WEBHOOK_USER, WEBHOOK_PASSWORD);
        received.clear();

        List<WebhookDelivery> deliveries = new ArrayList<>();
        oneEventPerType.values().forEach(id -> deliveries.add(sandbox.deliver(id, target)));

        assertTrue(deliveries.stream().allMatch(WebhookDelivery::succeeded), deliveries.toString());
        assertEquals(oneEventPerType.size(), received.size());
        List<String> problems = new ArrayList<>();
        for (String body : received) {
            Event event = new Event(body);
            assertEquals(ApiVersion.V2, event.apiVersion());
            assertEquals(oneEventPerType.get(event.eventType().name().toLowerCase(Locale.ROOT)), event.id());
            problems.addAll(TypedGetterSweep.problemsIn(event, "webhook " + event.id()));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    @SuppressWarnings("deprecation") // Event.WebhookStatus: see webhookStatus(...)
    void deliveredEvent_shouldReadAsSucceededOrFailedThroughTheSdk_afterTheSandboxRecordsTheOutcome()
            throws Exception {
        List<ObjectNode> events = sandbox.events();
        String deliveredId = events.get(0).path("id").asText();
        String failedId = events.get(1).path("id").asText();
        URI nowhere = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/no-such-endpoint");

        sandbox.deliver(deliveredId, WebhookTarget.of(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/chargebee"),
                WEBHOOK_USER, WEBHOOK_PASSWORD));
        sandbox.deliver(failedId, WebhookTarget.of(nowhere, WEBHOOK_USER, WEBHOOK_PASSWORD));

        assertEquals(Event.WebhookStatus.SUCCEEDED, webhookStatus(deliveredId));
        assertEquals(Event.WebhookStatus.FAILED, webhookStatus(failedId));
    }

    /** Deprecated in the SDK in favour of per-endpoint {@code webhooks[]}, which the sandbox does not model. */
    @SuppressWarnings("deprecation")
    private static Event.WebhookStatus webhookStatus(String eventId) throws Exception {
        return Event.retrieve(eventId).request(sdk).event().webhookStatus();
    }
}
