package io.mlconnector.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditRecord;
import io.mlconnector.store.HeldDocument;
import io.mlconnector.sync.HeldDocumentCommands;
import io.mlconnector.sync.HeldDocumentCommands.HeldFilter;
import io.mlconnector.sync.HeldDocumentCommands.HeldRow;
import io.mlconnector.sync.HeldDocumentCommands.Retried;
import io.mlconnector.sync.HeldDocumentCommands.Skipped;
import io.mlconnector.testing.ApiGatewayEmulator;
import io.mlconnector.testing.ElasticMq;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Held documents one by one: webhooks through API Gateway (emulated) and ingest, the worker through SQS event shapes
 * (ElasticMQ, dynalite, both sandboxes), and the operator's commands in between.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class HeldDocumentCommandsTest {
    private static final String JPY_INVOICE = "INV-MIN-0002";
    private static final String USD_INVOICE = "INV-MIN-0001";

    @Inject
    IngestHandler ingest;

    @Inject
    HeldDocumentCommands held;

    @Inject
    AuditLog audit;

    private final LambdaInvoker worker = new LambdaInvoker();
    private ChargebeeSandbox chargebee;
    private AcumaticaSandbox acumatica;
    private ElasticMq sqs;
    private ApiGatewayEmulator apiGateway;
    private SqsEventSource eventSource;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        chargebee = Sandboxes.shared().chargebee();
        acumatica = Sandboxes.shared().acumatica();
        sqs = StandIns.shared().sqs();
        chargebee.loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
        apiGateway = ApiGatewayEmulator.start(ingest);
        eventSource = new SqsEventSource(sqs.client(), sqs.queueUrl(), worker::invoke);
    }

    @AfterEach
    void tearDown() {
        apiGateway.close();
    }

    @Test
    void heldEvent_shouldLeaveOneDlqMessageAndOneHeldRow_whenDeliveredThreeTimesAndAnotherEventNamesTheDocument() {
        acumatica.removeReferenceRecord("Currency", "JPY");
        String generated = invoiceGeneratedEvent(JPY_INVOICE);
        for (int delivery = 0; delivery < 3; delivery++) {
            deliver(generated);
        }
        deliver(invoiceUpdatedEvent(JPY_INVOICE));

        assertThat(sqs.approximateCount(sqs.dlqUrl())).as("one DLQ message per held document").isEqualTo(1);
        assertThat(held.list(HeldFilter.ALL)).singleElement().satisfies(row -> {
            assertThat(row.resourceType()).isEqualTo("invoice");
            assertThat(row.resourceId()).isEqualTo(JPY_INVOICE);
            assertThat(row.status()).isEqualTo(HeldDocument.Status.HELD);
            assertThat(row.reason()).isNotBlank().isEqualTo(audit.forEvent(generated).get(0).reason());
            assertThat(row.eventCount()).isEqualTo(2);
            assertThat(row.age().isNegative()).isFalse();
        });
        assertThat(audit.forEvent(generated)).extracting(AuditRecord::outcome)
                .as("every delivery still has its audit row").containsExactly("HELD", "HELD", "HELD");
    }

    @Test
    void retry_shouldPostTheHeldDocumentAndEmptyTheList_whenTheCauseIsFixed() {
        acumatica.removeReferenceRecord("Currency", "JPY");
        deliver(invoiceGeneratedEvent(JPY_INVOICE));
        deliver(invoiceGeneratedEvent(JPY_INVOICE));
        acumatica.addCurrency("JPY", 0);

        HeldDocumentCommands.RetryResult retried = held.retry("invoice", JPY_INVOICE);
        eventSource.drain(1, 10);

        assertThat(retried.outcome()).isEqualTo(Retried.MOVED);
        assertThat(retried.dlqMessagesMoved()).isEqualTo(1);
        assertThat(invoicesWithExternalRef(JPY_INVOICE)).hasSize(1);
        assertThat(held.list(HeldFilter.ALL)).isEmpty();
        assertThat(sqs.approximateCount(sqs.dlqUrl())).isZero();
    }

    @Test
    void retry_shouldParkTheDocumentAgainOnce_whenTheCauseIsNotFixedYet() {
        acumatica.removeReferenceRecord("Currency", "JPY");
        deliver(invoiceGeneratedEvent(JPY_INVOICE));

        held.retry("invoice", JPY_INVOICE);
        eventSource.drain(1, 10);

        assertThat(sqs.approximateCount(sqs.dlqUrl())).isEqualTo(1);
        assertThat(held.list(HeldFilter.ALL)).extracting(HeldRow::status).containsExactly(HeldDocument.Status.HELD);
    }

    @Test
    void retry_shouldQueueAFreshMessageNamingTheDocument_whenTheDlqHasNoneForIt() {
        acumatica.removeReferenceRecord("Currency", "JPY");
        deliver(invoiceGeneratedEvent(JPY_INVOICE));
        sqs.client().purgeQueue(p -> p.queueUrl(sqs.dlqUrl())); // as if its 14 days' retention ran out
        acumatica.addCurrency("JPY", 0);

        HeldDocumentCommands.RetryResult retried = held.retry("invoice", JPY_INVOICE);
        eventSource.drain(1, 10);

        assertThat(retried.outcome()).isEqualTo(Retried.ENQUEUED);
        assertThat(invoicesWithExternalRef(JPY_INVOICE)).hasSize(1);
        assertThat(held.list(HeldFilter.ALL)).isEmpty();
    }

    @Test
    void redrive_shouldParkTheDocumentAgainOnce_whenTheWholeDlqIsMovedBackBeforeTheCauseIsFixed() {
        acumatica.removeReferenceRecord("Currency", "JPY");
        deliver(invoiceGeneratedEvent(JPY_INVOICE));
        deliver(invoiceUpdatedEvent(JPY_INVOICE));

        sqs.client().startMessageMoveTask(task -> task.sourceArn(sqs.arn(sqs.dlqUrl())).destinationArn(
                sqs.arn(sqs.queueUrl())));
        awaitDlqEmpty();
        deliver(invoiceGeneratedEvent(JPY_INVOICE)); // and a webhook retry meets it in the queue

        assertThat(sqs.approximateCount(sqs.dlqUrl())).as("parked again, once: the DLQ still lists it")
                .isEqualTo(1);
        assertThat(held.list(HeldFilter.ALL)).extracting(HeldRow::status).containsExactly(HeldDocument.Status.HELD);
    }

    @Test
    void skip_shouldKeepTheDocumentFromEverPosting_evenWhenItsEventIsRedeliveredAfterTheCauseIsFixed() {
        acumatica.removeReferenceRecord("Currency", "JPY");
        String generated = invoiceGeneratedEvent(JPY_INVOICE);
        deliver(generated);

        HeldDocumentCommands.SkipResult skipped = held.skip("invoice", JPY_INVOICE,
                "billed by mistake; credited in Chargebee", "ana@example.com");
        acumatica.addCurrency("JPY", 0);
        deliver(generated);
        deliver(invoiceUpdatedEvent(JPY_INVOICE));

        assertThat(skipped.outcome()).isEqualTo(Skipped.SKIPPED);
        assertThat(skipped.dlqMessagesDeleted()).isEqualTo(1);
        assertThat(invoicesWithExternalRef(JPY_INVOICE)).isEmpty();
        assertThat(sqs.approximateCount(sqs.dlqUrl())).isZero();
        assertThat(held.list(HeldFilter.ALL)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(HeldDocument.Status.SKIPPED);
            assertThat(row.skipReason()).isEqualTo("billed by mistake; credited in Chargebee");
            assertThat(row.skippedBy()).isEqualTo("ana@example.com");
        });
        assertThat(audit.forEvent("skip:invoice:" + JPY_INVOICE)).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo("SKIPPED");
            assertThat(row.reason()).isEqualTo("skipped by ana@example.com: billed by mistake; credited in Chargebee");
        });
        assertThat(audit.forEvent(generated)).last().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo("SKIPPED");
            assertThat(row.reason()).contains("skipped by an operator");
        });
    }

    @Test
    void skip_shouldBeRefused_whenTheLedgerSaysTheDocumentIsInAcumatica() {
        deliver(invoiceGeneratedEvent(USD_INVOICE));

        HeldDocumentCommands.SkipResult refused = held.skip("invoice", USD_INVOICE, "not wanted", "ana@example.com");

        assertThat(refused.outcome()).isEqualTo(Skipped.REFUSED_IN_ACUMATICA);
        assertThat(refused.words()).contains("reverse it there");
        assertThat(held.list(HeldFilter.ALL)).isEmpty();
        assertThat(audit.forEvent("skip:invoice:" + USD_INVOICE)).isEmpty();
    }

    @Test
    void retryAll_shouldRetryOnlyTheDocumentsHeldForThatReason() {
        acumatica.removeReferenceRecord("Account", "40100"); // the USD invoice's add-on line
        acumatica.removeReferenceRecord("Currency", "JPY");
        deliver(invoiceGeneratedEvent(USD_INVOICE));
        deliver(invoiceGeneratedEvent(JPY_INVOICE));
        // "'Account' cannot be found" from Acumatica, or "account 40100 does not exist" from the preflight's check
        assertThat(held.list(new HeldFilter("account", null))).extracting(HeldRow::resourceId)
                .containsExactly(USD_INVOICE);
        acumatica.addAccount("40100", "Income", "Add-on revenue");

        HeldDocumentCommands.RetryAllResult result = held.retryAll("account");
        eventSource.drain(1, 10);

        assertThat(result.documents()).singleElement().satisfies(document -> {
            assertThat(document.resourceId()).isEqualTo(USD_INVOICE);
            assertThat(document.outcome()).isEqualTo(Retried.MOVED);
        });
        assertThat(invoicesWithExternalRef(USD_INVOICE)).hasSize(1);
        assertThat(invoicesWithExternalRef(JPY_INVOICE)).isEmpty();
        assertThat(held.list(HeldFilter.ALL)).extracting(HeldRow::resourceId).containsExactly(JPY_INVOICE);
        assertThat(sqs.approximateCount(sqs.dlqUrl())).as("the JPY invoice's message stays parked").isEqualTo(1);
    }

    /** One webhook delivery through API Gateway and ingest, then the worker drains the queue. */
    private void deliver(String eventId) {
        assertThat(chargebee.deliver(eventId, apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER,
                Sandboxes.WEBHOOK_PASSWORD).status()).isEqualTo(200);
        eventSource.drain(1, 10);
    }

    private void awaitDlqEmpty() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sqs.approximateCount(sqs.dlqUrl()) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String invoiceGeneratedEvent(String invoiceId) {
        return chargebee.events().stream()
                .filter(e -> "invoice_generated".equals(e.path("event_type").asText()))
                .filter(e -> invoiceId.equals(e.at("/content/invoice/id").asText()))
                .map(e -> e.path("id").asText()).findFirst().orElseThrow();
    }

    /** A second event about the same invoice (Chargebee's own copy of it as content). */
    private String invoiceUpdatedEvent(String invoiceId) {
        ObjectNode invoice = chargebee.invoice(invoiceId).orElseThrow().deepCopy();
        ObjectNode content = invoice.objectNode();
        content.set("invoice", invoice);
        return chargebee.addEvent("invoice_updated", content).get("id").asText();
    }

    private List<String> invoicesWithExternalRef(String invoiceId) {
        return acumatica.salesInvoices().stream().map(invoice -> invoice.at("/ExternalRef/value").asText())
                .filter(invoiceId::equals).toList();
    }
}
