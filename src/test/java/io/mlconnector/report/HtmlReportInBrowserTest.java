package io.mlconnector.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlconnector.mapping.file.SiteCalendar;
import io.mlconnector.reconcile.CheckStatus;
import io.mlconnector.reconcile.Comparison;
import io.mlconnector.reconcile.DocumentCheck;
import io.mlconnector.reconcile.Period;
import io.mlconnector.reconcile.ReconciliationReport;
import io.mlconnector.reconcile.ReconciliationResult;
import io.mlconnector.testing.HeadlessChromium;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.swing.text.MutableAttributeSet;
import javax.swing.text.html.HTML;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.parser.ParserDelegator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciliation page as a browser builds it (Debian's headless Chromium, {@code --dump-dom}): every section's
 * table with its header cells, the differing rows flagged, the amounts with their currency's decimals. Catches markup
 * a browser would rearrange (a cell outside a row, a row outside its table), which string checks on our own output
 * cannot.
 */
class HtmlReportInBrowserTest {

    @TempDir
    Path temp;

    @Test
    void reconciliationPage_shouldShowEveryTableWithItsHeadersAndTheDifferingInvoiceFlagged() throws IOException {
        HeadlessChromium chromium = chromium();
        ReconciliationResult result = new ReconciliationResult(
                Period.month(YearMonth.of(2026, 5), SiteCalendar.UTC),
                List.of(new DocumentCheck("invoice", "INV-1", "Invoice 000001", "USD", new BigDecimal("19.99"),
                                new BigDecimal("20.00"), CheckStatus.AMOUNT, "amount 19.99 in Chargebee, 20.00 in Acumatica"),
                        new DocumentCheck("invoice", "INV-2", "Invoice 000002", "JPY", new BigDecimal("1200"),
                                new BigDecimal("1200"), CheckStatus.MATCHED, ""),
                        new DocumentCheck("invoice", "INV-3 <b>&", "", "USD", new BigDecimal("5.00"), null,
                                CheckStatus.HELD, "no account for <script>")),
                List.of(new Comparison("cust_1", "USD", new BigDecimal("19.99"), new BigDecimal("20.00"))),
                List.of(new Comparison("40000", "JPY", new BigDecimal("1200"), new BigDecimal("1200"))),
                List.of(new Comparison("Invoices", "USD", new BigDecimal("24.99"), new BigDecimal("20.00"))));
        Path page = temp.resolve("reconciliation.html");
        Files.writeString(page, HtmlReport.render(ReconciliationReport.of(result,
                Instant.parse("2026-06-01T07:00:00Z"))));

        List<DomTable> tables = DomTable.parse(chromium.dumpDom(page, Duration.ofSeconds(60)));

        assertThat(tables).extracting(DomTable::headers).containsExactly(
                List.of("Check", "Value"),
                List.of("Status", "Kind", "Chargebee id", "Acumatica reference", "Currency", "Chargebee", "Acumatica",
                        "Detail"),
                List.of("Customer", "Currency", "Chargebee", "Acumatica", "Check"),
                List.of("Account", "Currency", "Chargebee", "Acumatica", "Check"),
                List.of("Total", "Currency", "Chargebee", "Acumatica", "Check"));
        DomTable documents = tables.get(1);
        assertThat(documents.rows()).hasSize(3).allSatisfy(row -> assertThat(row.cells()).hasSize(8));
        assertThat(documents.flagged()).extracting(row -> row.cells().get(2))
                .containsExactlyInAnyOrder("INV-1", "INV-3 <b>&");
        assertThat(documents.rows()).filteredOn(row -> row.cells().get(2).equals("INV-2")).singleElement()
                .satisfies(row -> {
                    assertThat(row.flagged()).isFalse();
                    assertThat(row.cells().get(5)).as("yen without decimals").isEqualTo("1200");
                });
        assertThat(tables.get(2).flagged()).extracting(row -> row.cells()).containsExactly(
                List.of("cust_1", "USD", "19.99", "20.00", "DIFFER"));
        assertThat(tables.get(3).flagged()).isEmpty();
        assertThat(tables.get(0).rows()).filteredOn(row -> row.cells().get(0).equals("Differences")).singleElement()
                .satisfies(row -> assertThat(row.cells().get(1)).isEqualTo("4"));
    }

    private static HeadlessChromium chromium() {
        var found = HeadlessChromium.find();
        if (found.isEmpty() && System.getenv("CI") != null) {
            fail("Chromium is required in CI: .ci/run installs it (apt-get install chromium), or set CHROMIUM");
        }
        assumeTrue(found.isPresent(), "no Chromium at $CHROMIUM or /usr/bin/chromium (apt-get install chromium)");
        return found.get();
    }

    /** A table of the dumped DOM: its header cells and its body rows (text of each cell, and the row's flag class). */
    record DomTable(List<String> headers, List<DomRow> rows) {
        record DomRow(boolean flagged, List<String> cells) {}

        List<DomRow> flagged() {
            return rows.stream().filter(DomRow::flagged).toList();
        }

        static List<DomTable> parse(String dom) throws IOException {
            List<DomTable> tables = new ArrayList<>();
            new ParserDelegator().parse(new StringReader(dom), new HTMLEditorKit.ParserCallback() {
                List<String> headers;
                List<DomRow> rows;
                List<String> cells;
                boolean flag;
                StringBuilder cell;

                @Override
                public void handleStartTag(HTML.Tag tag, MutableAttributeSet attributes, int pos) {
                    if (tag == HTML.Tag.TABLE) {
                        headers = new ArrayList<>();
                        rows = new ArrayList<>();
                    } else if (tag == HTML.Tag.TR && rows != null) {
                        cells = new ArrayList<>();
                        flag = "flag".equals(attributes.getAttribute(HTML.Attribute.CLASS));
                    } else if ((tag == HTML.Tag.TD || tag == HTML.Tag.TH) && cells != null) {
                        cell = new StringBuilder();
                    }
                }

                @Override
                public void handleText(char[] data, int pos) {
                    if (cell != null) {
                        cell.append(data);
                    }
                }

                @Override
                public void handleEndTag(HTML.Tag tag, int pos) {
                    if (tag == HTML.Tag.TH && cell != null) {
                        headers.add(cell.toString().strip());
                        cell = null;
                    } else if (tag == HTML.Tag.TD && cell != null) {
                        cells.add(cell.toString().strip());
                        cell = null;
                    } else if (tag == HTML.Tag.TR && cells != null) {
                        if (!cells.isEmpty()) {
                            rows.add(new DomRow(flag, List.copyOf(cells)));
                        }
                        cells = null;
                    } else if (tag == HTML.Tag.TABLE && rows != null) {
                        tables.add(new DomTable(List.copyOf(headers), List.copyOf(rows)));
                        rows = null;
                    }
                }
            }, true);
            return tables;
        }
    }
}
