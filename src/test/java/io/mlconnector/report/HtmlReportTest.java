package io.mlconnector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final Instant GENERATED = Instant.parse("2026-05-04T09:30:15Z");
    private static final String SCRIPT = "<script>alert('x' & \"y\")</script>";

    @Test
    void render_shouldEscapeEveryText_whenItContainsMarkup() {
        Report report = new Report("Title " + SCRIPT, GENERATED, List.of(new Section("Heading " + SCRIPT,
                "Note " + SCRIPT, new Table(List.of(Column.text("Column " + SCRIPT)), List.of(Row.of("Cell " + SCRIPT))))));

        String html = HtmlReport.render(report);

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("alert('x'")
                .contains("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
        assertThat(Pattern.compile("&lt;script&gt;").matcher(html).results().count())
                .as("title (twice: <title> and <h1>), contents, heading, note, column, cell").isEqualTo(7);
    }

    @Test
    void render_shouldBeOnePageWithInlineStyle_andNoScriptsOrExternalResources() {
        String html = HtmlReport.render(sampleReport());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "default-src 'none'")
                .doesNotContainIgnoringCase("<script").doesNotContain("src=", "url(", "<link", "@import");
        assertThat(Pattern.compile("href=\"([^\"]*)\"").matcher(html).results().map(m -> m.group(1)))
                .isNotEmpty().allSatisfy(href -> assertThat(href).startsWith("#section-"));
    }

    @Test
    void render_shouldWriteEachTableWithItsHeadingsAndOneRowPerRow() {
        String html = HtmlReport.render(sampleReport());

        assertThat(html).contains("<h2>Totals per currency</h2>", "<p class=\"note\">Closed invoices.</p>",
                "<th scope=\"col\">Currency</th><th class=\"num\" scope=\"col\">Chargebee</th>",
                "<tr><td>USD</td><td class=\"num\">1234.50</td><td>agree</td></tr>",
                "<tr><td>JPY</td><td class=\"num\">120000</td><td>agree</td></tr>");
        assertThat(Pattern.compile("<tr").matcher(html).results().count()).as("one header row and two rows")
                .isEqualTo(3);
    }

    @Test
    void render_shouldRightAlignNumberColumnsOnly() {
        String html = HtmlReport.render(sampleReport());

        assertThat(html).contains("th.num, td.num { text-align: right;");
        assertThat(Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(html).results().map(m -> m.group(1)))
                .containsExactly("1234.50", "120000");
    }

    @Test
    void render_shouldHighlightFlaggedRows() {
        Table table = new Table(List.of(Column.text("Account"), Column.text("Check")),
                List.of(Row.flagged("40000 USD", "DIFFER"), Row.of("40100 USD", "agree")));

        String html = HtmlReport.render(new Report("t", GENERATED, List.of(new Section("Revenue", "", table))));

        assertThat(html).contains("<tr class=\"flag\"><td>40000 USD</td><td>DIFFER</td></tr>",
                "<tr><td>40100 USD</td><td>agree</td></tr>");
    }

    @Test
    void render_shouldSayNone_whenASectionHasNoRows() {
        Section empty = new Section("Documents not posted", "", new Table(List.of(Column.text("Event")), List.of()));

        String html = HtmlReport.render(new Report("t", GENERATED, List.of(empty)));

        assertThat(html).contains("<h2>Documents not posted</h2>\n<p class=\"none\">none</p>")
                .doesNotContain("<table", "class=\"note\"");
    }

    static Report sampleReport() {
        return new Report("Billing cycle", GENERATED, List.of(new Section("Totals per currency", "Closed invoices.",
                new Table(List.of(Column.text("Currency"), Column.number("Chargebee"), Column.text("Check")),
                        List.of(Row.of("USD", "1234.50", "agree"), Row.of("JPY", "120000", "agree"))))));
    }
}
