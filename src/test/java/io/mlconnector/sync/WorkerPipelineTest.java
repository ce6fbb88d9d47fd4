package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.acumatica.auth.TokenStore;
import io.mlconnector.lambda.IngestHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.acumatica.FaultScope;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.sandbox.chargebee.RecordedRequest;
import io.mlconnector.sandbox.chargebee.WebhookDelivery;
import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditRecord;
import io.mlconnector.store.CursorStore;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The whole path: Chargebee sandbox webhooks → API Gateway (emulated) → ingest → ElasticMQ → SQS event source
 * (emulated) → worker on the mock event server → Acumatica sandbox, with dynalite holding claims, ledger and audit.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class WorkerPipelineTest {
    private static final Path MINIMAL = Path.of("src/test/resources/chargebee/minimal");
    private static final String INVOICE = "INV-MIN-0001";

    @Inject
    IngestHandler ingest;

    @Inject
    EventPoller poller;

    @Inject
    CursorStore cursors;

    @Inject
    AuditLog audit;

    @Inject
    Backfill backfill;

    @Inject
    TokenStore tokens;

    @Inject
    Preflight preflight;

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
        chargebee.loadDirectory(MINIMAL);
        apiGateway = ApiGatewayEmulator.start(ingest);
        eventSource = new SqsEventSource(sqs.client(), sqs.queueUrl(), worker::invoke);
    }

    @AfterEach
    void tearDown() {
        apiGateway.close();
    }

    @Test
    void invoiceGenerated_shouldPostOnce_whenDeliveredTwiceByWebhookAndAgainByThePoller() {
        String eventId = invoiceGeneratedEvent(INVOICE);
        assertThat(webhook(eventId).status()).isEqualTo(200);
        assertThat(webhook(eventId).status()).isEqualTo(200);
        cursors.advance(EventPoller.CURSOR, occurredAt(eventId).minusSeconds(1), Instant.now());
        assertThat(poller.poll().enqueued()).isPositive();

        eventSource.drain(1, 20);

        assertThat(invoicesWithExternalRef(INVOICE)).hasSize(1);
        assertThat(acumatica.customers()).filteredOn(c -> "cust_min_usd".equals(c.at("/AccountRef/value").asText()))
                .hasSize(1);
        assertThat(acumatica.requests()).filteredOn(r -> r.isTo("PUT", "/SalesInvoice"))
                .as("one create per invoice posted").hasSize(closedInvoicesPolled());
        assertThat(audit.forEvent(eventId)).extracting(AuditRecord::outcome).containsExactly("POSTED");
    }

    @Test
    void invoice_shouldBeFoundByExternalRefAndNotCreatedTwice_whenAcumaticaCommitsButTheResponseIsLost() {
        acumatica.faults().commitThenDropResponseNext(1, FaultScope.of("PUT", "SalesInvoice"));

        webhook(invoiceGeneratedEvent(INVOICE));
        eventSource.drain(1, 10);

        assertThat(invoicesWithExternalRef(INVOICE)).singleElement()
                .satisfies(invoice -> assertThat(invoice.at("/Status/value").asText()).isEqualTo("Open"));
        assertThat(acumatica.requests()).filteredOn(r -> r.isTo("PUT", "/SalesInvoice")).hasSize(1);
        assertThat(acumatica.requests()).filteredOn(r -> r.isTo("GET", "/SalesInvoice"))
                .as("no lookup on the first attempt; one by the retry, which finds the intent in the ledger").hasSize(1);
    }

    @Test
    void chargebeeRateLimit_shouldBeHonoured_noRequestBeforeRetryAfterHasPassed() {
        webhook(invoiceGeneratedEvent(INVOICE));
        chargebee.clearRequests();
        chargebee.faults().rateLimitNext(1, 2);

        eventSource.drain(1, 10);

        List<RecordedRequest> requests = chargebee.requests();
        assertThat(requests.get(0).status()).isEqualTo(429);
        Duration wait = Duration.between(requests.get(0).at(), requests.get(1).at());
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(invoicesWithExternalRef(INVOICE)).hasSize(1);
    }

    @Test
    void messageThatAlwaysFails_shouldReachTheDlqAfterMaxReceiveCount_andPostOnceAfterRedrive() {
        acumatica.faults().failNext(1_000, 500, FaultScope.of("PUT", "SalesInvoice"));
        webhook(invoiceGeneratedEvent(INVOICE));

        SqsEventSource.DrainResult failing = eventSource.drain(3, 20);

        assertThat(failing.failed()).isEqualTo(StandIns.MAX_RECEIVE_COUNT);
        assertThat(sqs.approximateCount(sqs.dlqUrl())).isEqualTo(1);
        assertThat(invoicesWithExternalRef(INVOICE)).isEmpty();

        acumatica.faults().clear();
        redriveDlq();
        eventSource.drain(2, 10);

        assertThat(invoicesWithExternalRef(INVOICE)).hasSize(1);
        assertThat(sqs.approximateCount(sqs.dlqUrl())).isZero();
    }

    @Test
    void rejectedDocument_shouldBeHeldWithItsReasonInTheDlq_andPostAfterTheCauseIsFixedAndReplayed() {
        assertThat(preflight.run().isClean()).as("the item disappears after the preflight passed").isTrue();
        JsonNode item = acumatica.nonStockItems().stream()
                .filter(i -> "SUBSCRIPTION".equals(i.at("/InventoryID/value").asText())).findFirst().orElseThrow();
        acumatica.removeReferenceRecord("NonStockItem", "SUBSCRIPTION");
        String eventId = invoiceGeneratedEvent(INVOICE);
        webhook(eventId);

        eventSource.drain(1, 10);

        List<Message> parked = sqs.receive(sqs.dlqUrl(), 1);
        assertThat(parked).singleElement().satisfies(message -> assertThat(
                message.messageAttributes().get("held_reason").stringValue()).contains("InventoryID"));
        assertThat(audit.forEvent(eventId)).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo("HELD");
            assertThat(row.answer()).as("the detail-line error, with its path").contains("Details[0].InventoryID");
            assertThat(row.reason()).contains("InventoryID");
        });
        assertThat(invoicesWithExternalRef(INVOICE)).isEmpty();

        acumatica.addNonStockItem("SUBSCRIPTION", item.at("/Description/value").asText("Subscription"), "40000");
        sqs.client().changeMessageVisibility(c -> c.queueUrl(sqs.dlqUrl())
                .receiptHandle(parked.get(0).receiptHandle()).visibilityTimeout(0));
        redriveDlq();
        eventSource.drain(2, 10);

        assertThat(invoicesWithExternalRef(INVOICE)).hasSize(1);
        assertThat(audit.forEvent(eventId)).extracting(AuditRecord::outcome).containsExactlyInAnyOrder("HELD", "POSTED");
    }

    @Test
    void pendingInvoice_shouldNotPost_butBeRecordedAsSkipped() {
        ObjectNode pending = chargebee.invoice(INVOICE).orElseThrow().deepCopy();
        pending.put("id", "INV-MIN-PENDING").put("status", "pending");
        chargebee.putInvoice(pending);
        ObjectNode content = pending.objectNode();
        content.set("invoice", pending);
        String eventId = chargebee.addEvent("invoice_updated", content).get("id").asText();
        webhook(eventId);

        eventSource.drain(1, 10);

        assertThat(invoicesWithExternalRef("INV-MIN-PENDING")).isEmpty();
        assertThat(audit.forEvent(eventId)).singleElement()
                .satisfies(row -> assertThat(row.outcome()).isEqualTo("SKIPPED"));
    }

    @Test
    void backfill_shouldPostALegacyPaidInvoiceAndItsPaymentThatHaveNoUpdatedAtAndNoEvent_closed_andOnlyOnceWhenRunTwice() {
        ObjectNode legacy = chargebee.invoice(INVOICE).orElseThrow().deepCopy();
        legacy.put("id", "INV-2015-LEGACY").put("date", 1_430_000_000L).remove("updated_at");
        ((ObjectNode) legacy.withArray("linked_payments").get(0)).put("txn_id", "txn_2015_legacy")
                .put("txn_date", 1_430_000_060L);
        chargebee.putInvoice(legacy);
        ObjectNode payment = chargebee.transaction("txn_min_0001").orElseThrow().deepCopy();
        payment.put("id", "txn_2015_legacy").put("date", 1_430_000_060L).put("id_at_gateway", "ch_legacy")
                .remove("updated_at");
        ((ObjectNode) payment.withArray("linked_invoices").get(0)).put("invoice_id", "INV-2015-LEGACY")
                .put("invoice_date", 1_430_000_000L);
        chargebee.putTransaction(payment);
        Backfill.Request range = new Backfill.Request(Instant.parse("2015-01-01T00:00:00Z"),
                Instant.parse("2016-01-01T00:00:00Z"), Duration.ofDays(366));

        backfill.run(range);
        eventSource.drain(1, 10);
        backfill.run(range);
        eventSource.drain(1, 10);

        assertThat(invoicesWithExternalRef("INV-2015-LEGACY")).as("paid in Chargebee: its payment is backfilled too")
                .singleElement().satisfies(invoice -> {
                    assertThat(invoice.at("/Status/value").asText()).isEqualTo("Closed");
                    assertThat(invoice.at("/Balance/value").decimalValue()).isZero();
                });
        assertThat(acumatica.payments()).filteredOn(p -> "txn_2015_legacy".equals(p.at("/ExternalRef/value").asText()))
                .hasSize(1);
    }

    @Test
    void invoice_shouldBeHeldWithTheReason_andTheCustomerLeftAlone_whenAnotherAcumaticaCustomerHasItsCustomerId() {
        acumatica.addCustomer("CUST_MIN_USD", "Someone Else Inc", "USD"); // same CustomerID, no AccountRef
        String eventId = invoiceGeneratedEvent(INVOICE);

        webhook(eventId);
        eventSource.drain(1, 10);

        assertThat(invoicesWithExternalRef(INVOICE)).as("nothing posts to someone else's customer").isEmpty();
        assertThat(audit.forEvent(eventId)).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo("HELD");
            assertThat(row.reason()).contains("CUST_MIN_USD", "AccountRef", "cust_min_usd");
        });
        assertThat(acumatica.customer("CUST_MIN_USD").orElseThrow().at("/CustomerName/value").asText())
                .isEqualTo("Someone Else Inc");
        assertThat(sqs.approximateCount(sqs.dlqUrl())).as("held: parked for a replay after the fix").isEqualTo(1);
    }

    @Test
    void backfill_shouldSkipACustomerDeletedBeforeTheWorkerFetchedIt_neverHoldingIt() {
        chargebee.putCustomer(legacyCustomer("cust_gone", 1));
        backfill.run(YEAR_2015);
        chargebee.putCustomer(legacyCustomer("cust_gone", 2).put("deleted", true)); // retrieve now answers 404

        eventSource.drain(1, 10);

        assertThat(sqs.approximateCount(sqs.dlqUrl())).as("nothing parked: a 404 never heals").isZero();
        assertThat(audit.forEvent("backfill:customer:cust_gone:1")).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo("SKIPPED");
            assertThat(row.reason()).contains("deleted in Chargebee");
        });
        assertThat(acumatica.customers()).noneMatch(c -> "cust_gone".equals(c.at("/AccountRef/value").asText()));
    }

    @Test
    void backfill_shouldMakeAPostedCustomerInactive_whenChargebeeDeletedItBeforeTheWorkerFetchedIt() {
        chargebee.putCustomer(legacyCustomer("cust_gone", 1));
        backfill.run(YEAR_2015);
        eventSource.drain(1, 10);
        chargebee.putCustomer(legacyCustomer("cust_gone", 2));
        backfill.run(YEAR_2015);
        chargebee.putCustomer(legacyCustomer("cust_gone", 3).put("deleted", true));

        eventSource.drain(1, 10);

        assertThat(sqs.approximateCount(sqs.dlqUrl())).isZero();
        assertThat(acumatica.customers()).filteredOn(c -> "cust_gone".equals(c.at("/AccountRef/value").asText()))
                .singleElement().satisfies(customer -> {
                    assertThat(customer.at("/Status/value").asText()).isEqualTo("Inactive");
                    assertThat(customer.at("/CustomerName/value").asText()).as("only the status changes")
                            .isEqualTo("Gone Ltd");
                });
        assertThat(audit.forEvent("backfill:customer:cust_gone:2")).extracting(AuditRecord::outcome)
                .containsExactly("POSTED");
    }

    @Test
    void backfill_shouldSkipAnInvoiceDeletedBeforeTheWorkerFetchedIt_neverHoldingIt() {
        ObjectNode legacy = chargebee.invoice(INVOICE).orElseThrow().deepCopy();
        legacy.put("id", "INV-2015-GONE").put("date", 1_430_000_000L).remove("updated_at");
        chargebee.putInvoice(legacy);
        backfill.run(YEAR_2015);
        chargebee.putInvoice(legacy.deepCopy().put("deleted", true));

        eventSource.drain(1, 10);

        assertThat(sqs.approximateCount(sqs.dlqUrl())).isZero();
        assertThat(invoicesWithExternalRef("INV-2015-GONE")).isEmpty();
        assertThat(audit.forEvent("backfill:invoice:INV-2015-GONE:" + legacy.path("resource_version").asLong()))
                .singleElement().satisfies(row -> {
                    assertThat(row.outcome()).isEqualTo("SKIPPED");
                    assertThat(row.reason()).contains("deleted in Chargebee");
                });
    }

    private static final Backfill.Request YEAR_2015 = new Backfill.Request(Instant.parse("2015-01-01T00:00:00Z"),
            Instant.parse("2016-01-01T00:00:00Z"), Duration.ofDays(366));

    private ObjectNode legacyCustomer(String id, long resourceVersion) {
        ObjectNode customer = chargebee.customer("cust_min_usd").orElseThrow().deepCopy();
        customer.put("id", id).put("company", "Gone Ltd").put("created_at", 1_430_000_000L)
                .put("resource_version", resourceVersion).put("updated_at", 1_430_000_000L + resourceVersion);
        return customer;
    }

    @Test
    void expiredToken_shouldBeRenewedMidRunWithoutLosingOrDuplicatingADocument_andTheRotatedChainStored() throws Exception {
        acumatica.faults().expireAllTokens(); // whatever this container held is refused: it signs in and stores the chain
        webhook(invoiceGeneratedEvent("INV-MIN-0001"));
        eventSource.drain(1, 10);
        TokenStore.Stored before = tokens.read().orElseThrow();

        acumatica.faults().expireAllTokens();
        webhook(invoiceGeneratedEvent("INV-MIN-0002"));
        eventSource.drain(1, 10);

        assertThat(invoicesWithExternalRef("INV-MIN-0001")).hasSize(1);
        assertThat(invoicesWithExternalRef("INV-MIN-0002")).hasSize(1);
        TokenStore.Stored after = tokens.read().orElseThrow();
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(refreshGrantStatus(before.token().refreshToken().orElseThrow().reveal()))
                .as("the earlier refresh token is used up").isEqualTo(400);
        assertThat(refreshGrantStatus(after.token().refreshToken().orElseThrow().reveal()))
                .as("the stored refresh token is the live end of the chain").isEqualTo(200);
    }

    @Test
    void preflight_shouldListAMissingAccountWithItsMappingLine_holdTheDocumentsThatNeedIt_andPostThemAfterTheFix() {
        acumatica.removeReferenceRecord("Account", "40100");

        Preflight.Report report = preflight.run();

        assertThat(report.lines()).anySatisfy(line -> assertThat(line)
                .contains("account 40100 does not exist", "default-mapping.yaml line", "addon_item_price"));
        String usd = invoiceGeneratedEvent("INV-MIN-0001"); // a plan line and an add-on line (40100)
        String jpy = invoiceGeneratedEvent("INV-MIN-0002"); // a plan line only
        webhook(usd);
        webhook(jpy);
        eventSource.drain(1, 10);
        assertThat(invoicesWithExternalRef("INV-MIN-0001")).isEmpty();
        assertThat(invoicesWithExternalRef("INV-MIN-0002")).hasSize(1);
        assertThat(audit.forEvent(usd)).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo("HELD");
            assertThat(row.reason()).contains("account 40100 does not exist");
        });

        acumatica.addAccount("40100", "Income", "Add-on and Service Revenue");
        redriveDlq();
        eventSource.drain(2, 10);

        assertThat(invoicesWithExternalRef("INV-MIN-0001")).singleElement().satisfies(invoice -> assertThat(
                invoice.at("/Details/1/Account/value").asText()).isEqualTo("40100"));
    }

    private int refreshGrantStatus(String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&client_id=" + enc(Sandboxes.ACUMATICA_CLIENT_ID) + "&client_secret="
                + enc(Sandboxes.ACUMATICA_CLIENT_SECRET) + "&refresh_token=" + enc(refreshToken);
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(acumatica.tokenUrl())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private WebhookDelivery webhook(String eventId) {
        return chargebee.deliver(eventId, apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER, Sandboxes.WEBHOOK_PASSWORD);
    }

    private void redriveDlq() {
        sqs.client().startMessageMoveTask(task -> task.sourceArn(sqs.arn(sqs.dlqUrl())));
        Instant deadline = Instant.now().plusSeconds(10);
        while (sqs.approximateCount(sqs.dlqUrl()) > 0 && Instant.now().isBefore(deadline)) {
            pause();
        }
    }

    private String invoiceGeneratedEvent(String invoiceId) {
        return chargebee.events().stream()
                .filter(e -> "invoice_generated".equals(e.path("event_type").asText()))
                .filter(e -> invoiceId.equals(e.at("/content/invoice/id").asText()))
                .map(e -> e.path("id").asText()).findFirst().orElseThrow();
    }

    private Instant occurredAt(String eventId) {
        return Instant.ofEpochSecond(chargebee.event(eventId).orElseThrow().path("occurred_at").asLong());
    }

    private int closedInvoicesPolled() {
        return (int) chargebee.events().stream()
                .filter(e -> "invoice_generated".equals(e.path("event_type").asText()))
                .filter(e -> e.path("occurred_at").asLong() >= occurredAt(invoiceGeneratedEvent(INVOICE)).getEpochSecond())
                .map(e -> e.at("/content/invoice/id").asText()).distinct().count();
    }

    private List<JsonNode> invoicesWithExternalRef(String externalRef) {
        return acumatica.salesInvoices().stream()
                .filter(invoice -> externalRef.equals(invoice.at("/ExternalRef/value").asText())).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
