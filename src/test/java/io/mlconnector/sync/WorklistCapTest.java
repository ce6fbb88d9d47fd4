package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.ingest.QueuedEvent;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.lambda.WorkerHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditRecord;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The work one event may cause is bounded: a payment whose customer and invoice are not in Acumatica yet takes three
 * documents on the worklist; with {@code sync.max-documents-per-event} at 2 it is held with the reason, never posted
 * half-way and never looped on.
 */
@QuarkusTest
@TestProfile(WorklistCapTest.TwoDocumentsPerEvent.class)
class WorklistCapTest {
    private static final String PAYMENT = "txn_min_0001";

    /** The worker, allowed two documents per event. */
    public static final class TwoDocumentsPerEvent extends HandlerProfiles.Worker {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("sync.max-documents-per-event", "2");
            return overrides;
        }
    }

    @Inject
    WorkerHandler worker;

    @Inject
    AuditLog audit;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private ChargebeeSandbox chargebee;
    private AcumaticaSandbox acumatica;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        chargebee = Sandboxes.shared().chargebee();
        acumatica = Sandboxes.shared().acumatica();
        chargebee.loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
    }

    @Test
    void payment_shouldBeHeldWithTheCap_whenItNeedsMoreDocumentsFirstThanOneEventMayTake() throws Exception {
        String succeeded = chargebee.events().stream()
                .filter(e -> "payment_succeeded".equals(e.path("event_type").asText())
                        && PAYMENT.equals(e.at("/content/transaction/id").asText()))
                .map(e -> e.path("id").asText()).findFirst().orElseThrow();
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("msg-" + succeeded);
        message.setReceiptHandle("rh-" + succeeded);
        message.setBody(json.writeValueAsString(QueuedEvent.chargebeeEvent(succeeded, "payment_succeeded",
                Instant.now(), QueuedEvent.FROM_WEBHOOK, "transaction", PAYMENT)));
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));

        worker.handleRequest(event, null);

        assertThat(audit.forEvent(succeeded)).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo("HELD");
            assertThat(row.reason()).contains("needs more than 2 documents", "sync.max-documents-per-event");
        });
        assertThat(acumatica.payments()).as("nothing posted for it").isEmpty();
        assertThat(acumatica.salesInvoices()).as("nothing posted half-way").isEmpty();
        assertThat(acumatica.customers()).as("not even its customer")
                .noneMatch(c -> "cust_min_usd".equals(c.at("/AccountRef/value").asText()));
    }
}
