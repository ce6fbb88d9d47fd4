package io.mlconnector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV a spreadsheet opens: RFC 4180 quoting, CRLF lines, and no cell that runs as a formula. */
class CsvReportTest {

    private static String render(Row... rows) {
        return CsvReport.render(new Table(List.of(Column.text("id"), Column.number("amount"), Column.text("detail")),
                List.of(rows)));
    }

    @Test
    void render_shouldWriteAHeaderWithFlaggedAndOneCrlfLinePerRow() {
        String csv = render(Row.of("inv_1", "19.99", "agree"), Row.flagged("inv_2", "1200", "DIFFER"));

        assertThat(csv).isEqualTo("id,amount,detail,flagged\r\ninv_1,19.99,agree,\r\ninv_2,1200,DIFFER,yes\r\n");
    }

    @Test
    void render_shouldQuoteCommasQuotesAndLineBreaks_doublingQuotes() {
        String csv = render(Row.of("inv,1", "1.00", "say \"hi\"\nthen go"));

        assertThat(csv).endsWith("\"inv,1\",1.00,\"say \"\"hi\"\"\nthen go\",\r\n");
    }

    @Test
    void render_shouldPrefixAQuote_whenACellStartsLikeAFormula() {
        String csv = render(Row.of("=HYPERLINK(\"http://x\")", "+1+2", "@SUM(A1)"), Row.of("-2+3", "1", "\tcmd"));

        assertThat(csv.split("\r\n")[1]).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1+2,'@SUM(A1),");
        assertThat(csv.split("\r\n")[2]).isEqualTo("'-2+3,1,'\tcmd,");
    }

    @Test
    void render_shouldLeaveNegativeAmountsAsNumbers() {
        String csv = render(Row.of("cust_1", "-12.50", "-5"));

        assertThat(csv.split("\r\n")[1]).isEqualTo("cust_1,-12.50,-5,");
    }
}
