package io.mlconnector.demo;

import io.mlconnector.reconcile.ReconciliationReport;
import io.mlconnector.reconcile.ReconciliationResult;
import io.mlconnector.report.Column;
import io.mlconnector.report.Report;
import io.mlconnector.report.Row;
import io.mlconnector.report.Section;
import io.mlconnector.report.Table;
import io.mlconnector.store.AuditRecord;
import io.mlconnector.testing.NotPostedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The demo's report for a finance reader: the run, the Chargebee events that posted nothing and the audit trail's
 * reason, then the production reconciliation's own sections ({@link ReconciliationReport}: the summary, every document,
 * open AR, revenue per account and, last, where a console's reader looks first, the totals per currency).
 */
final class DemoReport {
    static final String TITLE = "Demo billing cycle: Chargebee sandbox → ingest → SQS → worker → Acumatica sandbox";

    private DemoReport() {}

    static Report of(ReconciliationResult reconciliation, List<NotPostedEvent> notPosted, DemoRun run,
                     Instant generatedAt) {
        List<Section> sections = new ArrayList<>();
        sections.add(runSection(run));
        sections.add(notPostedSection(notPosted));
        sections.addAll(ReconciliationReport.of(reconciliation, generatedAt).sections());
        return new Report(TITLE, generatedAt, sections);
    }

    private static Section runSection(DemoRun run) {
        return new Section("Run", "One billing cycle of demo data delivered as webhooks through ingest and the queue"
                + " to the worker, then the poller as the safety net: it enqueues every event again, and the worker's"
                + " claims make each a duplicate that posts nothing.",
                new Table(List.of(Column.text("Step"), Column.number("Count"), Column.text("Detail")), List.of(
                        Row.of("Webhooks delivered", count(run.deliveries().size()), run.answered200()
                                + " answered 200"),
                        Row.of("Worker invocations for the webhooks", count(run.fromWebhooks().invocations()),
                                run.fromWebhooks().delivered() + " messages, " + run.fromWebhooks().failed()
                                        + " failed"),
                        Row.of("Events the poll enqueued again", count(run.poll().enqueued()),
                                run.poll().pages() + " pages"),
                        Row.of("Worker invocations for the poll's duplicates", count(run.fromPoller().invocations()),
                                run.fromPoller().delivered() + " messages, " + run.fromPoller().failed() + " failed"),
                        Row.of("Chargebee calls completing truncated line items", count(run.lineItemPageCalls()),
                                "invoices and credit notes above 100 lines arrive truncated"),
                        Row.of("Seconds", count(run.took().toSeconds()), "webhooks " + run.webhooksTook().toSeconds()
                                + ", worker " + run.workerTook().toSeconds() + ", poll and duplicates "
                                + run.pollTook().toSeconds()))));
    }

    static Section notPostedSection(List<NotPostedEvent> notPosted) {
        List<Row> rows = notPosted.stream().sorted(Comparator.comparing((NotPostedEvent e) -> e.reason().isPresent())
                        .thenComparing(NotPostedEvent::eventId))
                .map(e -> row(e.reason().isPresent(), e.eventId(), e.eventType(), e.document().kind().replace('_', ' ')
                        + " " + e.document().chargebeeId(), e.document().status() + ": " + e.document().detail(),
                        e.reason().map(AuditRecord::outcome).orElse("no audit row"),
                        e.reason().map(AuditRecord::reason).orElse("nothing in the audit trail says why")))
                .toList();
        return new Section("Chargebee documents not posted, with their reason", "Pending and voided invoices, failed"
                + " payments and events the connector does not handle post nothing on purpose: the reconciliation says"
                + " which documents have no Acumatica document, the audit trail says why for each event about them.",
                new Table(List.of(Column.text("Chargebee event"), Column.text("Event type"), Column.text("Document"),
                        Column.text("Reconciliation"), Column.text("Outcome"), Column.text("Reason")), rows));
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    private static Row row(boolean fine, String... cells) {
        return fine ? Row.of(cells) : Row.flagged(cells);
    }
}
