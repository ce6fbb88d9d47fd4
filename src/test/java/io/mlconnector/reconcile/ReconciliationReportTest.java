package io.mlconnector.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.mlconnector.mapping.file.SiteCalendar;
import io.mlconnector.report.Row;
import io.mlconnector.report.Section;
import io.mlconnector.report.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report a finance reader scans: differences first and flagged, each currency's decimals kept. */
class ReconciliationReportTest {
    private static final Period MAY = Period.month(YearMonth.of(2026, 5), SiteCalendar.UTC);

    private static ReconciliationResult result(List<DocumentCheck> documents, List<Comparison> openAr) {
        return new ReconciliationResult(MAY, documents, openAr, List.of(), List.of());
    }

    @Test
    void of_shouldListDifferingFiguresFirstFlagged_withEachCurrencysDecimals() {
        ReconciliationResult result = result(List.of(), List.of(
                new Comparison("cust_1", "USD", new BigDecimal("10.00"), new BigDecimal("10.00")),
                new Comparison("cust_2", "USD", new BigDecimal("5.50"), new BigDecimal("5.40")),
                new Comparison("cust_3", "JPY", new BigDecimal("1200"), new BigDecimal("0"))));

        Section openAr = ReconciliationReport.of(result, Instant.EPOCH).sections().get(2);

        assertThat(openAr.heading()).isEqualTo("Open AR per customer and currency");
        assertThat(openAr.table().rows()).extracting(Row::cells, Row::flagged).containsExactly(
                tuple(List.of("cust_2", "USD", "5.50", "5.40", "DIFFER"), true),
                tuple(List.of("cust_3", "JPY", "1200", "0", "DIFFER"), true),
                tuple(List.of("cust_1", "USD", "10.00", "10.00", "agree"), false));
    }

    @Test
    void of_shouldSummariseDifferencesAndFlagOnlyStatusesThatDiffer() {
        ReconciliationResult result = result(List.of(
                new DocumentCheck("invoice", "inv_1", "Invoice 000001", "USD", new BigDecimal("1.00"),
                        new BigDecimal("1.00"), CheckStatus.MATCHED, ""),
                new DocumentCheck("invoice", "inv_2", "", "USD", new BigDecimal("2.00"), null, CheckStatus.MISSING,
                        "no Acumatica document carries this id"),
                new DocumentCheck("invoice", "inv_3", "", "USD", new BigDecimal("3.00"), null, CheckStatus.SKIPPED,
                        "skipped by ana")), List.of());

        List<Row> summary = ReconciliationReport.of(result, Instant.EPOCH).sections().get(0).table().rows();

        assertThat(summary).filteredOn(Row::flagged).extracting(r -> r.cells().get(0))
                .containsExactly("Period", "Differences", "Documents MISSING");
        assertThat(summary).filteredOn(r -> r.cells().get(0).equals("Differences")).singleElement()
                .extracting(r -> r.cells().get(1)).isEqualTo("1");
    }

    @Test
    void csvTable_shouldPutEveryCheckInTheSameColumns_documentsThatDifferFirst() {
        ReconciliationResult result = new ReconciliationResult(MAY, List.of(
                new DocumentCheck("invoice", "inv_1", "Invoice 000001", "USD", new BigDecimal("1.00"),
                        new BigDecimal("1.00"), CheckStatus.MATCHED, ""),
                new DocumentCheck("payment", "txn_2", "Payment 000002", "JPY", new BigDecimal("500"),
                        new BigDecimal("501"), CheckStatus.AMOUNT, "amount 500 in Chargebee, 501 in Acumatica")),
                List.of(), List.of(new Comparison("40000", "JPY", new BigDecimal("500"), new BigDecimal("501"))),
                List.of());

        Table table = ReconciliationReport.csvTable(result);

        assertThat(table.rows()).extracting(Row::cells, Row::flagged).containsExactly(
                tuple(List.of("document", "payment", "txn_2", "Payment 000002", "JPY", "500", "501", "AMOUNT",
                        "amount 500 in Chargebee, 501 in Acumatica"), true),
                tuple(List.of("document", "invoice", "inv_1", "Invoice 000001", "USD", "1.00", "1.00", "MATCHED",
                        ""), false),
                tuple(List.of("revenue", "account", "40000", "", "JPY", "500", "501", "DIFFER", ""), true));
    }
}
