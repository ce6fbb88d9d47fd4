package io.mlconnector.reconcile;

import io.mlconnector.report.Column;
import io.mlconnector.report.Report;
import io.mlconnector.report.Row;
import io.mlconnector.report.Section;
import io.mlconnector.report.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A reconciliation as the finance reader sees it: the {@link Report} (for the HTML page and the console) and one flat
 * table for the CSV. Differences come first in every section and are flagged; amounts keep their currency's decimals.
 */
public final class ReconciliationReport {
    private ReconciliationReport() {}

    public static Report of(ReconciliationResult result, Instant generatedAt) {
        return new Report("Reconciliation " + result.period().label() + ": Chargebee and Acumatica", generatedAt,
                List.of(summary(result), documents(result),
                        comparison("Open AR per customer and currency", "Documents of the period: invoices due, less"
                                + " credits available and payments unused (Acumatica: balances, credit memos and"
                                + " unapplied payments negative).", "Customer", result.openAr()),
                        comparison("Revenue and discounts per account and currency", "Each line on the account the"
                                + " mapping gives it, discounts negative, credit notes negative.", "Account",
                                result.revenue()),
                        comparison("Totals per currency", "Documents that stand: voided and failed ones count on"
                                + " neither side.", "Total", result.totals())));
    }

    /**
     * Every check as one table with the same columns (for the CSV): check, kind, key, acumatica_ref, currency,
     * chargebee, acumatica, status, detail.
     */
    public static Table csvTable(ReconciliationResult result) {
        List<Row> rows = new ArrayList<>();
        for (DocumentCheck d : sortedDocuments(result)) {
            rows.add(new Row(List.of("document", d.kind(), d.chargebeeId(), d.acumaticaRef(), d.currency(),
                    plain(d.chargebeeAmount()), plain(d.acumaticaAmount()), d.status().name(), d.detail()),
                    d.isDifference()));
        }
        addFigures(rows, "open_ar", "customer", result.openAr());
        addFigures(rows, "revenue", "account", result.revenue());
        addFigures(rows, "total", "total", result.totals());
        return new Table(List.of(Column.text("check"), Column.text("kind"), Column.text("key"),
                Column.text("acumatica_ref"), Column.text("currency"), Column.number("chargebee"),
                Column.number("acumatica"), Column.text("status"), Column.text("detail")), rows);
    }

    private static void addFigures(List<Row> rows, String check, String kind, List<Comparison> figures) {
        for (Comparison c : figures) {
            rows.add(new Row(List.of(check, kind, c.key(), "", c.currency(), plain(c.chargebee()),
                    plain(c.acumatica()), c.differs() ? "DIFFER" : "agree", ""), c.differs()));
        }
    }

    private static Section summary(ReconciliationResult result) {
        List<Row> rows = new ArrayList<>();
        rows.add(row(result.differences() == 0, "Period", result.period().from() + " to "
                + result.period().until().minusDays(1)));
        rows.add(row(result.differences() == 0, "Differences", Long.toString(result.differences())));
        for (Map.Entry<CheckStatus, Long> e : result.countsByStatus().entrySet()) {
            rows.add(row(!(e.getKey().isDifference() && e.getValue() > 0), "Documents " + e.getKey().name(),
                    Long.toString(e.getValue())));
        }
        return new Section("Summary", "Differences count every document and every figure that differs; HELD"
                + " documents count until they post.", new Table(List.of(Column.text("Check"),
                Column.number("Value")), rows));
    }

    private static Section documents(ReconciliationResult result) {
        List<Row> rows = sortedDocuments(result).stream().map(d -> new Row(List.of(d.status().name(), d.kind(),
                d.chargebeeId(), d.acumaticaRef(), d.currency(), plain(d.chargebeeAmount()),
                plain(d.acumaticaAmount()), d.detail()), d.isDifference())).toList();
        return new Section("Documents", "Each Chargebee document of the period by its id (Acumatica's ExternalRef),"
                + " and any Acumatica document no Chargebee document accounts for.", new Table(List.of(
                Column.text("Status"), Column.text("Kind"), Column.text("Chargebee id"),
                Column.text("Acumatica reference"), Column.text("Currency"), Column.number("Chargebee"),
                Column.number("Acumatica"), Column.text("Detail")), rows));
    }

    private static List<DocumentCheck> sortedDocuments(ReconciliationResult result) {
        return result.documents().stream().sorted(Comparator.comparing((DocumentCheck d) -> !d.isDifference())
                .thenComparing(DocumentCheck::status).thenComparing(DocumentCheck::kind)
                .thenComparing(DocumentCheck::chargebeeId)).toList();
    }

    private static Section comparison(String heading, String note, String keyHeading, List<Comparison> figures) {
        List<Row> rows = figures.stream().sorted(Comparator.comparing((Comparison c) -> !c.differs()))
                .map(c -> new Row(List.of(c.key(), c.currency(), plain(c.chargebee()), plain(c.acumatica()),
                        c.differs() ? "DIFFER" : "agree"), c.differs())).toList();
        return new Section(heading, note, new Table(List.of(Column.text(keyHeading), Column.text("Currency"),
                Column.number("Chargebee"), Column.number("Acumatica"), Column.text("Check")), rows));
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static Row row(boolean fine, String... cells) {
        return fine ? Row.of(cells) : Row.flagged(cells);
    }
}
