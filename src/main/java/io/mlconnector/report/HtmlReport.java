package io.mlconnector.report;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A report as one self-contained HTML page: inline CSS, no scripts, no external resources (the page's own
 * Content-Security-Policy forbids them), readable on screen and on paper. Every piece of text is escaped, so a
 * customer name or a reason that contains markup shows as text.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 14px;
                   color: #1a1a1a; margin: 2em auto; max-width: 72em; padding: 0 1em; }
            h1 { font-size: 1.5em; margin-bottom: 0.2em; }
            h2 { font-size: 1.15em; margin: 1.8em 0 0.3em; border-bottom: 1px solid #999; break-after: avoid; }
            .generated, .note { color: #444; margin: 0.2em 0 0.6em; }
            nav ul { margin: 0.5em 0; padding-left: 1.2em; }
            table { border-collapse: collapse; margin: 0.4em 0; }
            th, td { padding: 0.2em 0.8em; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
            th { background: #eee; border-bottom: 1px solid #999; }
            th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tbody tr:nth-child(even) { background: #f7f7f7; }
            tr.flag td { background: #fde2e1; font-weight: bold; }
            tr.flag td:first-child { border-left: 4px solid #b00020; }
            p.none { font-style: italic; color: #444; }
            @media print {
              body { margin: 0; max-width: none; font-size: 10pt; }
              nav { display: none; }
              thead { display: table-header-group; }
              tr { break-inside: avoid; }
              tr.flag td { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
            }
            """;

    private HtmlReport() {}

    public static String render(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(report.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(report.title())).append("</h1>\n")
                .append("<p class=\"generated\">Generated ").append(escape(DateTimeFormatter.ISO_INSTANT.format(
                        report.generatedAt().truncatedTo(ChronoUnit.SECONDS)))).append("</p>\n");
        appendContents(out, report.sections());
        for (int s = 0; s < report.sections().size(); s++) {
            appendSection(out, report.sections().get(s), anchor(s));
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void appendContents(StringBuilder out, List<Section> sections) {
        out.append("<nav>\n<ul>\n");
        for (int s = 0; s < sections.size(); s++) {
            out.append("<li><a href=\"#").append(anchor(s)).append("\">").append(escape(sections.get(s).heading()))
                    .append("</a></li>\n");
        }
        out.append("</ul>\n</nav>\n");
    }

    private static void appendSection(StringBuilder out, Section section, String anchor) {
        out.append("<section id=\"").append(anchor).append("\">\n<h2>").append(escape(section.heading()))
                .append("</h2>\n");
        if (!section.note().isBlank()) {
            out.append("<p class=\"note\">").append(escape(section.note())).append("</p>\n");
        }
        Table table = section.table();
        if (table.isEmpty()) {
            out.append("<p class=\"none\">none</p>\n</section>\n");
            return;
        }
        out.append("<table>\n<thead>\n<tr>");
        for (Column column : table.columns()) {
            out.append("<th").append(cellClass(column)).append(" scope=\"col\">").append(escape(column.heading()))
                    .append("</th>");
        }
        out.append("</tr>\n</thead>\n<tbody>\n");
        for (Row row : table.rows()) {
            out.append(row.flagged() ? "<tr class=\"flag\">" : "<tr>");
            for (int c = 0; c < row.cells().size(); c++) {
                out.append("<td").append(cellClass(table.columns().get(c))).append('>')
                        .append(escape(row.cells().get(c))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private static String cellClass(Column column) {
        return column.alignment() == Alignment.RIGHT ? " class=\"num\"" : "";
    }

    private static String anchor(int index) {
        return "section-" + (index + 1);
    }

    /** Text as HTML: the five characters that can open markup or end an attribute become entities. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
