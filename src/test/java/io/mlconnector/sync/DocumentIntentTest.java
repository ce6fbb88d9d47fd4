package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.lambda.IngestHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.acumatica.FaultScope;
import io.mlconnector.sandbox.acumatica.RecordedRequest;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.store.LedgerStatus;
import io.mlconnector.store.LedgerStore;
import io.mlconnector.testing.ApiGatewayEmulator;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The intent record (issue #10, item 2): a document no attempt ever started is created without a lookup; one whose
 * create may have committed unseen ({@code Creating} in the ledger) is looked up by its natural key first. The
 * sandbox's request log counts the calls.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class DocumentIntentTest {
    private static final String INVOICE = "INV-MIN-0001";
    private static final String CUSTOMER = "cust_min_usd";

    @Inject
    IngestHandler ingest;

    @Inject
    LedgerStore ledger;

    private ChargebeeSandbox chargebee;
    private AcumaticaSandbox acumatica;
    private SqsEventSource worker;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        chargebee = Sandboxes.shared().chargebee();
        acumatica = Sandboxes.shared().acumatica();
        chargebee.loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
        worker = new SqsEventSource(StandIns.shared().sqs().client(), StandIns.shared().sqs().queueUrl(),
                new LambdaInvoker()::invoke);
    }

    @Test
    void invoice_shouldBeCreatedWithoutAnyLookup_whenNoAttemptStartedBefore() {
        deliver(invoiceGeneratedEvent(INVOICE));

        worker.drain(1, 10);

        assertThat(invoicesWithExternalRef(INVOICE)).singleElement()
                .satisfies(invoice -> assertThat(invoice.at("/Status/value").asText()).isEqualTo("Open"));
        assertThat(calls("GET", "/SalesInvoice")).as("no invoice lookup on a first attempt").isEmpty();
        assertThat(calls("GET", "/Customer")).as("no customer lookup on a first attempt").isEmpty();
        assertThat(calls("PUT", "/SalesInvoice")).hasSize(1);
        assertThat(calls("PUT", "/Customer")).hasSize(1);
        assertThat(ledger.find("invoice", INVOICE)).hasValueSatisfying(entry ->
                assertThat(entry.status()).isEqualTo(LedgerStatus.RELEASED));
    }

    @Test
    void invoice_shouldEndAsOneReleasedDocument_whenItsCreateCommittedButTheAnswerWasLost() {
        acumatica.faults().commitThenDropResponseNext(1, FaultScope.of("PUT", "SalesInvoice"));
        deliver(invoiceGeneratedEvent(INVOICE));

        worker.drain(1, 10);

        assertThat(invoicesWithExternalRef(INVOICE)).singleElement()
                .satisfies(invoice -> assertThat(invoice.at("/Status/value").asText()).isEqualTo("Open"));
        assertThat(calls("PUT", "/SalesInvoice")).as("the lost create is not repeated").hasSize(1);
        assertThat(calls("GET", "/SalesInvoice")).as("looked up once, by the retry that found Creating")
                .singleElement().satisfies(lookup -> assertThat(lookup.query()).contains("ExternalRef+eq+'" + INVOICE
                        + "'"));
        assertThat(ledger.find("invoice", INVOICE)).hasValueSatisfying(entry ->
                assertThat(entry.status()).isEqualTo(LedgerStatus.RELEASED));
    }

    @Test
    void invoice_shouldBeLookedUpAndCreatedOnce_whenEarlierCreatesFailedBeforeCommitting() {
        // Five failures exhaust the in-process retries: the event comes back with the intent left in the ledger.
        acumatica.faults().failNext(5, 503, FaultScope.of("PUT", "SalesInvoice"));
        deliver(invoiceGeneratedEvent(INVOICE));

        worker.drain(1, 10);

        assertThat(invoicesWithExternalRef(INVOICE)).singleElement()
                .satisfies(invoice -> assertThat(invoice.at("/Status/value").asText()).isEqualTo("Open"));
        assertThat(calls("PUT", "/SalesInvoice")).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(calls("GET", "/SalesInvoice")).as("every attempt after the first looks up before creating")
                .hasSize(calls("PUT", "/SalesInvoice").size() - 1);
    }

    @Test
    void customer_shouldBeReadAndProvedOursOnce_whenItsCreateCommittedButTheAnswerWasLost() {
        acumatica.faults().commitThenDropResponseNext(1, FaultScope.of("PUT", "Customer"));
        deliver(invoiceGeneratedEvent(INVOICE));

        worker.drain(1, 10);

        assertThat(acumatica.customers()).filteredOn(c -> CUSTOMER.equals(c.at("/AccountRef/value").asText()))
                .hasSize(1);
        assertThat(calls("PUT", "/Customer")).extracting(RecordedRequest::status)
                .as("the lost create, then 412: it exists").containsExactly(RecordedRequest.NO_RESPONSE, 412);
        assertThat(calls("GET", "/Customer")).as("read only after the 412").hasSize(1);
        assertThat(invoicesWithExternalRef(INVOICE)).hasSize(1);
    }

    private List<RecordedRequest> calls(String method, String pathSuffix) {
        return acumatica.requests().stream().filter(r -> r.isTo(method, pathSuffix)).toList();
    }

    private void deliver(String eventId) {
        try (ApiGatewayEmulator apiGateway = ApiGatewayEmulator.start(ingest)) {
            chargebee.deliver(eventId, apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER, Sandboxes.WEBHOOK_PASSWORD);
        }
    }

    private String invoiceGeneratedEvent(String invoiceId) {
        return chargebee.events().stream()
                .filter(e -> "invoice_generated".equals(e.path("event_type").asText()))
                .filter(e -> invoiceId.equals(e.at("/content/invoice/id").asText()))
                .map(e -> e.path("id").asText()).findFirst().orElseThrow();
    }

    private List<JsonNode> invoicesWithExternalRef(String externalRef) {
        return acumatica.salesInvoices().stream()
                .filter(invoice -> externalRef.equals(invoice.at("/ExternalRef/value").asText())).toList();
    }
}
