package io.mlconnector.report;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A report as plain text for a console: fixed-width columns, amounts right-aligned so their decimals line up, flagged
 * rows marked with "!" in the left margin, notes wrapped. Lines end with "\n"; no trailing spaces.
 */
public final class TextReport {
    /** Notes wrap here: readable in an 80-to-120-column terminal without the table widths depending on them. */
    static final int NOTE_WIDTH = 100;
    private static final String GAP = "  ";

    private TextReport() {}

    public static String render(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("=== ").append(report.title()).append(" ===\n");
        out.append("Generated ").append(DateTimeFormatter.ISO_INSTANT.format(
                report.generatedAt().truncatedTo(ChronoUnit.SECONDS))).append('\n');
        for (Section section : report.sections()) {
            out.append('\n').append(section.heading()).append('\n');
            wrap(section.note(), NOTE_WIDTH).forEach(line -> out.append(line).append('\n'));
            appendTable(out, section.table());
        }
        return out.toString();
    }

    private static void appendTable(StringBuilder out, Table table) {
        if (table.isEmpty()) {
            out.append(GAP).append("none\n");
            return;
        }
        int[] widths = new int[table.columns().size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = table.columns().get(c).heading().length();
            for (Row row : table.rows()) {
                widths[c] = Math.max(widths[c], row.cells().get(c).length());
            }
        }
        List<String> headings = table.columns().stream().map(Column::heading).toList();
        appendLine(out, GAP, table.columns(), headings, widths);
        appendLine(out, GAP, table.columns(), Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths);
        for (Row row : table.rows()) {
            appendLine(out, row.flagged() ? "! " : GAP, table.columns(), row.cells(), widths);
        }
    }

    private static void appendLine(StringBuilder out, String margin, List<Column> columns, List<String> cells,
                                   int[] widths) {
        StringBuilder line = new StringBuilder(margin);
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(GAP);
            }
            String padding = " ".repeat(widths[c] - cells.get(c).length());
            line.append(columns.get(c).alignment() == Alignment.RIGHT ? padding + cells.get(c) : cells.get(c) + padding);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Breaks text at spaces so no line is longer than the width, unless one word alone is. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
