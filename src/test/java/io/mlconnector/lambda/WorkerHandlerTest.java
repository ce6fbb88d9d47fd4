package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.acumatica.FaultScope;
import io.mlconnector.testing.LambdaEvents;
import io.mlconnector.testing.LambdaEvents.SqsRecord;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker through SQS event shapes on the mock event server: per-record outcomes, one Chargebee call a batch. */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class WorkerHandlerTest {
    private final LambdaInvoker lambda = new LambdaInvoker();

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        Sandboxes.shared().chargebee().loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
    }

    @Test
    void batch_shouldParkTheRejectedRecordAndPostTheOther_whenAcumaticaRejectsOneDocument() {
        SqsRecord usd = SqsRecord.of(queued(invoiceEvent("INV-MIN-0001")));
        SqsRecord jpy = SqsRecord.of(queued(invoiceEvent("INV-MIN-0002")));
        Sandboxes.shared().acumatica().removeReferenceRecord("Currency", "JPY");

        JsonNode response = lambda.invoke(LambdaEvents.sqs(List.of(usd, jpy)));

        assertThat(response.path("batchItemFailures")).as("a rejection is parked, not retried").isEmpty();
        assertThat(Sandboxes.shared().acumatica().salesInvoices())
                .extracting(invoice -> invoice.at("/ExternalRef/value").asText()).containsExactly("INV-MIN-0001");
        assertThat(StandIns.shared().sqs().approximateCount(StandIns.shared().sqs().dlqUrl())).isEqualTo(1);
    }

    @Test
    void batch_shouldReturnOnlyTheTransientFailureForRedelivery_andAckTheRest() {
        lambda.invoke(LambdaEvents.sqs(List.of(SqsRecord.of(queued(invoiceEvent("INV-MIN-0002"))))));
        // From now on Acumatica cannot create customers: the JPY customer exists, the USD one does not.
        Sandboxes.shared().acumatica().faults().failNext(1_000, 503, FaultScope.of("PUT", "Customer"));
        SqsRecord knownCustomer = SqsRecord.of(queued(invoiceEvent("INV-MIN-0003")));
        SqsRecord newCustomer = SqsRecord.of(queued(invoiceEvent("INV-MIN-0001")));

        JsonNode response = lambda.invoke(LambdaEvents.sqs(List.of(knownCustomer, newCustomer)));

        assertThat(response.path("batchItemFailures")).extracting(item -> item.path("itemIdentifier").asText())
                .containsExactly(newCustomer.messageId());
        assertThat(Sandboxes.shared().acumatica().salesInvoices())
                .extracting(invoice -> invoice.at("/ExternalRef/value").asText())
                .containsExactlyInAnyOrder("INV-MIN-0002", "INV-MIN-0003");
    }

    @Test
    void batch_shouldFetchAllEventsFromChargebeeInOneListCall() {
        Sandboxes.shared().chargebee().clearRequests();

        lambda.invoke(LambdaEvents.sqs(List.of(SqsRecord.of(queued(invoiceEvent("INV-MIN-0001"))),
                SqsRecord.of(queued(invoiceEvent("INV-MIN-0002"))), SqsRecord.of(queued(invoiceEvent("INV-MIN-0003"))))));

        assertThat(Sandboxes.shared().chargebee().requests()).filteredOn(r -> r.path().endsWith("/events"))
                .singleElement().satisfies(r -> assertThat(r.queryParams().get("id[in]").get(0))
                        .contains(invoiceEvent("INV-MIN-0001"), invoiceEvent("INV-MIN-0003")));
    }

    @Test
    void batch_shouldPostOnce_whenTheSameEventArrivesTwiceInOneBatch() {
        String body = queued(invoiceEvent("INV-MIN-0001"));

        JsonNode response = lambda.invoke(LambdaEvents.sqs(List.of(SqsRecord.of(body), SqsRecord.of(body))));

        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(Sandboxes.shared().acumatica().salesInvoices()).hasSize(1);
    }

    @Test
    void batch_shouldParkAMalformedMessageInTheDlq_insteadOfRetryingItForever() {
        JsonNode response = lambda.invoke(LambdaEvents.sqs(List.of(SqsRecord.of("{not json"))));

        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(StandIns.shared().sqs().approximateCount(StandIns.shared().sqs().dlqUrl())).isEqualTo(1);
    }

    private static String invoiceEvent(String invoiceId) {
        return Sandboxes.shared().chargebee().events().stream()
                .filter(e -> "invoice_generated".equals(e.path("event_type").asText()))
                .filter(e -> invoiceId.equals(e.at("/content/invoice/id").asText()))
                .map(e -> e.path("id").asText()).findFirst().orElseThrow();
    }

    private static String queued(String eventId) {
        return "{\"event_id\":\"" + eventId + "\",\"event_type\":\"invoice_generated\","
                + "\"received_at\":\"2026-11-27T10:00:00Z\",\"source\":\"webhook\"}";
    }
}
