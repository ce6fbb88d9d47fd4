package io.mlconnector.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {
    private static final Instant GENERATED = Instant.parse("2026-05-04T09:30:15.123Z");

    @Test
    void render_shouldPrintTitleAndTimeThenEachSectionAsFixedWidthColumns() {
        Report report = new Report("Billing cycle", GENERATED, List.of(new Section("Totals per currency",
                "Closed invoices.", new Table(List.of(Column.text("Currency"), Column.number("Chargebee"),
                Column.text("Check")), List.of(Row.of("USD", "1234.50", "agree"), Row.of("JPY", "120000", "agree"))))));

        String text = TextReport.render(report);

        assertThat(text).isEqualTo("""
                === Billing cycle ===
                Generated 2026-05-04T09:30:15Z

                Totals per currency
                Closed invoices.
                  Currency  Chargebee  Check
                  --------  ---------  -----
                  USD         1234.50  agree
                  JPY          120000  agree
                """);
    }

    @Test
    void render_shouldLineUpTheLastDigitOfEveryAmount_whenTheColumnIsANumber() {
        Table amounts = new Table(List.of(Column.text("Currency"), Column.number("Amount")), List.of(
                Row.of("USD", "9.99"), Row.of("EUR", "-1000000.00"), Row.of("JPY", "1200"), Row.of("KWD", "1.234")));

        List<String> rows = TextReport.render(new Report("t", GENERATED, List.of(new Section("Amounts", "", amounts))))
                .lines().skip(6).toList();

        assertThat(rows).hasSize(4).extracting(String::length).containsOnly(rows.get(0).length());
        assertThat(rows).extracting(line -> line.substring(line.lastIndexOf(' ') + 1))
                .containsExactly("9.99", "-1000000.00", "1200", "1.234");
    }

    @Test
    void render_shouldSayNone_whenASectionHasNoRows() {
        Section empty = new Section("Documents not posted", "", new Table(List.of(Column.text("Event")), List.of()));

        String text = TextReport.render(new Report("t", GENERATED, List.of(empty)));

        assertThat(text).endsWith("\nDocuments not posted\n  none\n").doesNotContain("Event");
    }

    @Test
    void render_shouldMarkFlaggedRowsInTheMargin() {
        Table table = new Table(List.of(Column.text("Account"), Column.text("Check")),
                List.of(Row.flagged("40000 USD", "DIFFER"), Row.of("40100 USD", "agree")));

        String text = TextReport.render(new Report("t", GENERATED, List.of(new Section("Revenue", "", table))));

        assertThat(text).contains("\n! 40000 USD  DIFFER\n", "\n  40100 USD  agree\n");
    }

    @Test
    void render_shouldWrapLongNotesAtTheNoteWidth_andLeaveNoTrailingSpaces() {
        String note = "word ".repeat(60);
        Table table = new Table(List.of(Column.text("Name"), Column.text("Long heading")), List.of(Row.of("a", "b")));

        String text = TextReport.render(new Report("t", GENERATED, List.of(new Section("Heading", note, table))));

        assertThat(text.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "))
                .filteredOn(line -> line.startsWith("word")).hasSize(3)
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(TextReport.NOTE_WIDTH));
    }

    @Test
    void table_shouldRefuseARow_whoseCellsDoNotMatchTheColumns() {
        assertThatThrownBy(() -> new Table(List.of(Column.text("A"), Column.text("B")), List.of(Row.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells; the table has 2 columns");
    }
}
