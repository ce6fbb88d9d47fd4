package io.mlconnector.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.lambda.IngestHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.sandbox.chargebee.WebhookDelivery;
import io.mlconnector.store.CursorStore;
import io.mlconnector.sync.EventPoller;
import io.mlconnector.testing.ApiGatewayEmulator;
import io.mlconnector.testing.BillingCycleReconciliation;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The main job on the embedded default ({@code ./mvnw verify -Pdemo}): one billing cycle of demo data from the
 * Chargebee sandbox, delivered as webhooks through ingest, the queue and the worker into the Acumatica sandbox, then
 * the poller as the safety net; prints what was posted and checks totals per currency against Chargebee.
 */
@Tag("demo")
@QuarkusTest
@TestProfile(DemoProfile.class)
class BillingCycleDemoTest {
    private static final Path DEMO_CYCLE = Path.of("src/test/resources/chargebee/demo-cycle");
    private static final PrintStream OUT = System.out;

    @Inject
    IngestHandler ingest;

    @Inject
    EventPoller poller;

    @Inject
    CursorStore cursors;

    @Inject
    io.mlconnector.store.AuditLog audit;

    @Test
    void oneBillingCycle_throughIngestQueueAndWorker_intoTheAcumaticaSandbox() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        ChargebeeSandbox chargebee = Sandboxes.shared().chargebee();
        AcumaticaSandbox acumatica = Sandboxes.shared().acumatica();
        chargebee.loadDirectory(DEMO_CYCLE);
        SqsEventSource worker = new SqsEventSource(StandIns.shared().sqs().client(), StandIns.shared().sqs().queueUrl(),
                new LambdaInvoker()::invoke);
        Instant started = Instant.now();

        List<WebhookDelivery> deliveries;
        try (ApiGatewayEmulator apiGateway = ApiGatewayEmulator.start(ingest)) {
            deliveries = chargebee.deliverAll(apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER, Sandboxes.WEBHOOK_PASSWORD);
        }
        Instant delivered = Instant.now();
        SqsEventSource.DrainResult fromWebhooks = worker.drain(2, 1_000);
        Instant drained = Instant.now();
        cursors.advance("events", firstEventAt(chargebee).minusSeconds(1), Instant.now());
        EventPoller.PollResult poll = poller.poll();
        SqsEventSource.DrainResult fromPoller = worker.drain(2, 1_000);
        Duration took = Duration.between(started, Instant.now());
        OUT.printf("%nPhases: webhooks %d ms, worker %d ms, poll and duplicates %d ms%n",
                Duration.between(started, delivered).toMillis(), Duration.between(delivered, drained).toMillis(),
                Duration.between(drained, Instant.now()).toMillis());

        BillingCycleReconciliation reconciliation = BillingCycleReconciliation.of(chargebee, acumatica);
        printReport(reconciliation, deliveries, fromWebhooks, poll, fromPoller, took);
        reconciliation.assertAgrees();
        OUT.printf("Chargebee events whose document did not post, each with its reason in the audit trail: %d%n%n",
                reconciliation.assertEveryDocumentNotPostedHasAReason(audit::forEvent));
    }

    private static void printReport(BillingCycleReconciliation r, List<WebhookDelivery> deliveries,
                                    SqsEventSource.DrainResult fromWebhooks, EventPoller.PollResult poll,
                                    SqsEventSource.DrainResult fromPoller, Duration took) {
        OUT.println();
        OUT.println("=== Demo billing cycle: Chargebee sandbox → ingest → SQS → worker → Acumatica sandbox ===");
        OUT.printf("%-18s %-12s %-14s %-10s %-8s %14s%n", "Chargebee invoice", "Customer", "Acumatica", "Status",
                "Currency", "Amount");
        r.acumaticaInvoices().stream()
                .sorted((a, b) -> a.at("/ExternalRef/value").asText().compareTo(b.at("/ExternalRef/value").asText()))
                .forEach(i -> OUT.printf("%-18s %-12s %-14s %-10s %-8s %14s%n", i.at("/ExternalRef/value").asText(),
                        i.at("/CustomerID/value").asText(), i.at("/Type/value").asText().replace("Invoice", "INV") + " "
                                + i.at("/ReferenceNbr/value").asText(), i.at("/Status/value").asText(),
                        i.at("/Currency/value").asText(), i.at("/Amount/value").decimalValue().toPlainString()));
        OUT.println();
        OUT.printf("Webhooks delivered: %d (%d answered 200)%n", deliveries.size(),
                deliveries.stream().filter(d -> d.status() == 200).count());
        OUT.printf("Worker invocations: %d from webhooks (%d messages), %d after the poll (%d messages re-enqueued,"
                + " all duplicates)%n", fromWebhooks.invocations(), fromWebhooks.delivered(), fromPoller.invocations(),
                poll.enqueued());
        OUT.printf("Customers in Acumatica: %d · invoices: %d · in %d s%n", r.acumatica().customers().size(),
                r.acumaticaInvoices().size(), took.toSeconds());
        OUT.println("Totals per currency (Chargebee closed invoices vs Acumatica released invoices):");
        r.chargebeeTotals().forEach((currency, total) -> OUT.printf("  %-4s Chargebee %14s   Acumatica %14s   %s%n",
                currency, total.toPlainString(), r.acumaticaTotals().getOrDefault(currency, BigDecimal.ZERO)
                        .toPlainString(), total.compareTo(r.acumaticaTotals().getOrDefault(currency, BigDecimal.ZERO))
                        == 0 ? "agree" : "DIFFER"));
        OUT.println("Not posted on purpose: pending and voided invoices (recorded as SKIPPED in the audit trail).");
        OUT.println();
        OUT.printf("Open AR per customer and currency: %d of %d agree with Chargebee (invoices due, less unapplied"
                + " payments and credits); payments posted: %d; credit memos posted: %d%n%n", r.openAgreeing(),
                r.chargebeeOpen().size(), r.acumatica().payments().size(),
                r.acumaticaDocuments().size() - r.acumaticaInvoices().size());
        OUT.println("Revenue and discounts per mapped account and currency (each line's price, and each discount on the"
                + " account its type maps to, without the tax inside prices):");
        r.chargebeeRevenue().forEach((key, amount) -> OUT.printf("  %-14s Chargebee %14s   Acumatica %14s%n", key,
                amount.toPlainString(), r.acumaticaRevenue().getOrDefault(key, BigDecimal.ZERO).toPlainString()));
    }

    private static Instant firstEventAt(ChargebeeSandbox chargebee) {
        return Instant.ofEpochSecond(chargebee.events().get(0).path("occurred_at").asLong());
    }
}
