package io.mlconnector.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A table as CSV (RFC 4180): a header line with the column headings and {@code flagged}, one line per row, CRLF line
 * ends, a field quoted when it holds a comma, a quote, CR or LF (quotes doubled). A spreadsheet opens it as it is.
 *
 * <p>Formula injection: a cell that starts with {@code = + - @} (or a tab or CR) would run as a formula in Excel or
 * Sheets, and cells here carry text from outside (ids, reasons, Acumatica references), so such a cell gets a leading
 * {@code '}. Plain numbers ({@code -12.50}) are exempt: they cannot be a formula and must stay numbers.
 */
public final class CsvReport {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private CsvReport() {}

    public static String render(Table table) {
        StringBuilder out = new StringBuilder();
        List<String> headings = new java.util.ArrayList<>(table.columns().stream().map(Column::heading).toList());
        headings.add("flagged");
        line(out, headings);
        for (Row row : table.rows()) {
            List<String> cells = new java.util.ArrayList<>(row.cells());
            cells.add(row.flagged() ? "yes" : "");
            line(out, cells);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One field: guarded against formulas, then quoted if it needs it. */
    static String field(String cell) {
        String text = cell == null ? "" : cell;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
