package io.mlconnector.report;

import java.util.List;

/** Columns and rows; every row has one cell per column. A table without rows is rendered as "none". */
public record Table(List<Column> columns, List<Row> rows) {
    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A table needs at least one column");
        }
        for (Row row : rows) {
            if (row.cells().size() != columns.size()) {
                throw new IllegalArgumentException("Row " + row.cells() + " has " + row.cells().size()
                        + " cells; the table has " + columns.size() + " columns");
            }
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public boolean hasFlaggedRows() {
        return rows.stream().anyMatch(Row::flagged);
    }
}
