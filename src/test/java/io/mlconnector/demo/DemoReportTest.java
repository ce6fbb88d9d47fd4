package io.mlconnector.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.mlconnector.report.Row;
import io.mlconnector.report.Section;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo report's comparisons; fast, without Quarkus (the demo itself runs with -Pdemo). */
class DemoReportTest {

    @Test
    void comparisonSection_shouldListDifferingRowsFirstFlagged_withEachCurrencysDecimals() {
        Map<String, BigDecimal> chargebee = Map.of("cust_1 USD", new BigDecimal("10"), "cust_2 USD",
                new BigDecimal("5.5"), "cust_3 JPY", new BigDecimal("1200"));
        Map<String, BigDecimal> acumatica = Map.of("cust_1 USD", new BigDecimal("10.00"), "cust_2 USD",
                new BigDecimal("5.4"), "cust_4 EUR", new BigDecimal("1E+2"));

        Section section = DemoReport.comparisonSection("Open AR", "", "Customer", chargebee, acumatica);

        assertThat(section.table().rows()).extracting(Row::cells, Row::flagged).containsExactly(
                tuple(List.of("cust_2", "USD", "5.50", "5.40", "DIFFER"), true),
                tuple(List.of("cust_3", "JPY", "1200", "0", "DIFFER"), true),
                tuple(List.of("cust_4", "EUR", "0.00", "100.00", "DIFFER"), true),
                tuple(List.of("cust_1", "USD", "10.00", "10.00", "agree"), false));
    }

    @Test
    void comparisonSection_shouldKeyByCurrencyAlone_whenThereIsNoKeyHeading() {
        Section section = DemoReport.comparisonSection("Totals", "", null, Map.of("JPY", new BigDecimal("2395878")),
                Map.of("JPY", new BigDecimal("2395878")));

        assertThat(section.table().columns()).extracting(c -> c.heading())
                .containsExactly("Currency", "Chargebee", "Acumatica", "Check");
        assertThat(section.table().rows()).extracting(Row::cells)
                .containsExactly(List.of("JPY", "2395878", "2395878", "agree"));
    }
}
