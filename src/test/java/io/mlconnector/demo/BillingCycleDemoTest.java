package io.mlconnector.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.lambda.IngestHandler;
import io.mlconnector.reconcile.NotPosted;
import io.mlconnector.reconcile.Reconciler;
import io.mlconnector.report.HtmlReport;
import io.mlconnector.report.Report;
import io.mlconnector.report.TextReport;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.sandbox.chargebee.WebhookDelivery;
import io.mlconnector.store.CursorStore;
import io.mlconnector.store.HeldDocument;
import io.mlconnector.store.HeldDocuments;
import io.mlconnector.sync.EventPoller;
import io.mlconnector.testing.ApiGatewayEmulator;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.NotPostedEvent;
import io.mlconnector.testing.ReconciliationAssertions;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The main job on the embedded default ({@code ./mvnw verify -Pdemo}): one billing cycle of demo data from the
 * Chargebee sandbox, delivered as webhooks through ingest, the queue and the worker into the Acumatica sandbox, then
 * the poller as the safety net. Prints a report of what was posted and what was not (and writes it as one HTML page
 * under target/demo-report), then checks it against Chargebee: totals per currency, open AR per customer, revenue per
 * account, one Acumatica document per Chargebee document, a reason for every document not posted.
 */
@Tag("demo")
@QuarkusTest
@TestProfile(DemoProfile.class)
class BillingCycleDemoTest {
    private static final Path DEMO_CYCLE = Path.of("src/test/resources/chargebee/demo-cycle");
    /** Every document of the demo cycle is dated in May 2026 (DemoBillingCycle, seed 20260501). */
    private static final YearMonth DEMO_MONTH = YearMonth.of(2026, 5);
    private static final Path REPORT = Path.of("target", "demo-report", "index.html");
    private static final PrintStream OUT = System.out;

    @Inject
    IngestHandler ingest;

    @Inject
    EventPoller poller;

    @Inject
    CursorStore cursors;

    @Inject
    io.mlconnector.store.AuditLog audit;

    @Inject
    Reconciler reconciler;

    @Inject
    HeldDocuments held;

    @Test
    void oneBillingCycle_throughIngestQueueAndWorker_intoTheAcumaticaSandbox() throws IOException {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        ChargebeeSandbox chargebee = Sandboxes.shared().chargebee();
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
        DemoRun run = new DemoRun(deliveries, fromWebhooks, poll, fromPoller, Duration.between(started, delivered),
                Duration.between(delivered, drained), Duration.between(drained, Instant.now()),
                chargebee.requests().stream().filter(r -> r.queryParams().containsKey("line_items_offset")).count());

        // The report first, on the console and as a page, so that a run whose checks fail still shows what happened.
        // The production reconciliation (both sandboxes through their APIs) for the demo cycle's month; it also
        // writes its own HTML and CSV under target/demo-report/reconciliation/. Held and skipped documents read HELD
        // and SKIPPED with their reasons, as the operator's reconcile command has them; for every document without an
        // Acumatica document, the audit trail's reason for each event about it.
        Reconciler.Answer reconciled = reconciler.run(DEMO_MONTH, notPosted(held.list()));
        List<NotPostedEvent> notPosted = NotPostedEvent.of(reconciled.result(), chargebee.events(), audit::forEvent);
        Report report = DemoReport.of(reconciled.result(), notPosted, run, Instant.now());
        OUT.println();
        OUT.print(TextReport.render(report));
        OUT.printf("%nReport written to %s (reconciliation: %s, %s)%n%n", write(HtmlReport.render(report)),
                reconciled.html(), reconciled.csv());

        assertThat(reconciled.differing()).as("documents that differ between Chargebee and Acumatica").isEmpty();
        assertThat(reconciled.differences()).as("documents and figures that differ").isZero();
        ReconciliationAssertions.assertAgrees(reconciled.result(), chargebee);
        assertThat(NotPostedEvent.assertEachHasAReason(notPosted))
                .as("events about the pending and voided invoices and the failed payment").isPositive();
        assertThat(run.lineItemPageCalls()).as("the demo's 130-line invoice arrives truncated and is paged in")
                .isPositive();
    }

    /** As the reconcile command (ReconcileAnswers) passes them. */
    private static List<NotPosted> notPosted(List<HeldDocument> held) {
        return held.stream().filter(document -> !"event".equals(document.resourceType()))
                .map(document -> document.status() == HeldDocument.Status.SKIPPED
                        ? NotPosted.skipped(document.resourceType(), document.resourceId(),
                                "skipped by " + document.skippedBy() + ": " + document.skipReason())
                        : NotPosted.held(document.resourceType(), document.resourceId(), document.reason()))
                .toList();
    }

    private static Path write(String html) throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, html, StandardCharsets.UTF_8);
        return REPORT;
    }

    private static Instant firstEventAt(ChargebeeSandbox chargebee) {
        return Instant.ofEpochSecond(chargebee.events().get(0).path("occurred_at").asLong());
    }
}
