package io.mlconnector.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.mapping.Money;
import io.mlconnector.report.Column;
import io.mlconnector.report.Report;
import io.mlconnector.report.Row;
import io.mlconnector.report.Section;
import io.mlconnector.report.Table;
import io.mlconnector.store.AuditRecord;
import io.mlconnector.testing.BillingCycleReconciliation;
import io.mlconnector.testing.DocumentNotPosted;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo's report for a finance reader, built from the reconciliation: the run and the checks at a glance, what
 * was posted, what was not and why, then open AR, revenue per account and, last (where a console's reader looks
 * first), the totals per currency. Comparisons list differing rows first and flag them.
 */
final class DemoReport {
    static final String TITLE = "Demo billing cycle: Chargebee sandbox → ingest → SQS → worker → Acumatica sandbox";

    private DemoReport() {}

    static Report of(BillingCycleReconciliation reconciliation, List<DocumentNotPosted> notPosted, DemoRun run,
                     Instant generatedAt) {
        return new Report(TITLE, generatedAt, List.of(
                runSection(run),
                checksSection(reconciliation, notPosted),
                postedByTypeSection(reconciliation),
                salesDocumentsSection(reconciliation),
                notPostedSection(notPosted),
                comparisonSection("Open AR per customer and currency", "Invoices due, less unapplied payments and"
                        + " credits, per Chargebee customer id; differing rows first.", "Customer",
                        reconciliation.chargebeeOpen(), reconciliation.acumaticaOpen()),
                comparisonSection("Revenue and discounts per account and currency", "Each Chargebee line's price on"
                        + " its item's account and each discount on the account its type maps to, without the tax"
                        + " inside prices; credit notes count negative. Differing rows first.", "Account",
                        reconciliation.chargebeeRevenue(), reconciliation.acumaticaRevenue()),
                comparisonSection("Invoice totals per currency", "Chargebee's closed invoices (not pending or voided)"
                        + " against Acumatica's released invoices.", null, reconciliation.chargebeeTotals(),
                        reconciliation.acumaticaTotals())));
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

    private static Section checksSection(BillingCycleReconciliation r, List<DocumentNotPosted> notPosted) {
        return new Section("Checks", "Each check compares Chargebee with Acumatica; the sections below give the rows.",
                new Table(List.of(Column.text("Check"), Column.number("Agree"), Column.number("Of")), List.of(
                        check("Invoice totals per currency", r.chargebeeTotals(), r.acumaticaTotals()),
                        check("Open AR per customer and currency", r.chargebeeOpen(), r.acumaticaOpen()),
                        check("Revenue and discounts per account and currency", r.chargebeeRevenue(),
                                r.acumaticaRevenue()),
                        row(notPosted.stream().allMatch(d -> d.reason().isPresent()),
                                "Documents not posted with a reason in the audit trail",
                                count(notPosted.stream().filter(d -> d.reason().isPresent()).count()),
                                count(notPosted.size())))));
    }

    private static Row check(String name, Map<String, BigDecimal> chargebee, Map<String, BigDecimal> acumatica) {
        TreeSet<String> keys = keys(chargebee, acumatica);
        long agreeing = keys.stream().filter(k -> agree(k, chargebee, acumatica)).count();
        return row(agreeing == keys.size(), name, count(agreeing), count(keys.size()));
    }

    private static Section postedByTypeSection(BillingCycleReconciliation r) {
        Map<String, Long> byType = new TreeMap<>();
        byType.put("Customer", (long) r.acumatica().customers().size());
        byType.putAll(countByType(r.acumaticaDocuments()));
        countByType(r.acumatica().payments()).forEach((type, n) -> byType.merge(type, n, Long::sum));
        return new Section("Documents posted in Acumatica, by type", "", new Table(
                List.of(Column.text("Type"), Column.number("Count")),
                byType.entrySet().stream().map(e -> Row.of(e.getKey(), count(e.getValue()))).toList()));
    }

    private static Map<String, Long> countByType(List<JsonNode> documents) {
        return documents.stream().collect(Collectors.groupingBy(d -> d.at("/Type/value").asText(), TreeMap::new,
                Collectors.counting()));
    }

    private static Section salesDocumentsSection(BillingCycleReconciliation r) {
        List<Row> rows = r.acumaticaDocuments().stream()
                .sorted(Comparator.comparing((JsonNode d) -> d.at("/Type/value").asText())
                        .thenComparing(d -> d.at("/ExternalRef/value").asText()))
                .map(d -> Row.of(d.at("/ExternalRef/value").asText(), d.at("/CustomerID/value").asText(),
                        d.at("/Type/value").asText(), d.at("/ReferenceNbr/value").asText(),
                        d.at("/Status/value").asText(), d.at("/Currency/value").asText(),
                        money(d.at("/Amount/value").decimalValue(), d.at("/Currency/value").asText())))
                .toList();
        return new Section("Acumatica invoices and credit memos", "Each Chargebee invoice and credit note that posted,"
                + " by its Chargebee id (Acumatica's ExternalRef).", new Table(List.of(Column.text("Chargebee id"),
                Column.text("Customer"), Column.text("Acumatica type"), Column.text("Reference"), Column.text("Status"),
                Column.text("Currency"), Column.number("Amount")), rows));
    }

    private static Section notPostedSection(List<DocumentNotPosted> notPosted) {
        List<Row> rows = notPosted.stream().sorted(Comparator.comparing((DocumentNotPosted d) -> d.reason().isPresent())
                        .thenComparing(DocumentNotPosted::eventId))
                .map(d -> row(d.reason().isPresent(), d.eventId(), d.eventType(), d.documentKind().replace('_', ' ')
                        + " " + d.documentId(), d.reason().map(AuditRecord::outcome).orElse("no audit row"),
                        d.reason().map(AuditRecord::reason).orElse("nothing in the audit trail says why")))
                .toList();
        return new Section("Chargebee documents not posted, with their reason", "Pending and voided invoices, failed"
                + " payments and events the connector does not handle post nothing on purpose; the audit trail says"
                + " why.", new Table(List.of(Column.text("Chargebee event"), Column.text("Event type"),
                Column.text("Document"), Column.text("Outcome"), Column.text("Reason")), rows));
    }

    /**
     * Chargebee next to Acumatica for keys "name currency" (or just "currency" when keyHeading is null), differing
     * rows first.
     */
    static Section comparisonSection(String heading, String note, String keyHeading,
                                             Map<String, BigDecimal> chargebee, Map<String, BigDecimal> acumatica) {
        List<Column> columns = new ArrayList<>();
        if (keyHeading != null) {
            columns.add(Column.text(keyHeading));
        }
        columns.addAll(List.of(Column.text("Currency"), Column.number("Chargebee"), Column.number("Acumatica"),
                Column.text("Check")));
        Function<String, String> currencyOf = key -> key.substring(key.lastIndexOf(' ') + 1);
        List<Row> rows = keys(chargebee, acumatica).stream()
                .sorted(Comparator.comparing((String k) -> agree(k, chargebee, acumatica)))
                .map(key -> {
                    String currency = currencyOf.apply(key);
                    List<String> cells = new ArrayList<>();
                    if (keyHeading != null) {
                        cells.add(key.substring(0, key.lastIndexOf(' ')));
                    }
                    boolean agree = agree(key, chargebee, acumatica);
                    cells.addAll(List.of(currency, money(chargebee.getOrDefault(key, BigDecimal.ZERO), currency),
                            money(acumatica.getOrDefault(key, BigDecimal.ZERO), currency),
                            agree ? "agree" : "DIFFER"));
                    return new Row(cells, !agree);
                })
                .toList();
        return new Section(heading, note, new Table(columns, rows));
    }

    private static TreeSet<String> keys(Map<String, BigDecimal> chargebee, Map<String, BigDecimal> acumatica) {
        TreeSet<String> keys = new TreeSet<>(chargebee.keySet());
        keys.addAll(acumatica.keySet());
        return keys;
    }

    private static boolean agree(String key, Map<String, BigDecimal> chargebee, Map<String, BigDecimal> acumatica) {
        return chargebee.getOrDefault(key, BigDecimal.ZERO).compareTo(acumatica.getOrDefault(key, BigDecimal.ZERO))
                == 0;
    }

    /** With exactly the currency's decimals (JPY none, USD two), never through a double. */
    static String money(BigDecimal amount, String currency) {
        return new Money(amount, currency).scaled().toPlainString();
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    private static Row row(boolean fine, String... cells) {
        return fine ? Row.of(cells) : Row.flagged(cells);
    }
}
