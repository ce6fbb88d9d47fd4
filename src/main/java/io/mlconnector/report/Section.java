package io.mlconnector.report;

import java.util.Objects;

/**
 * One heading, an optional note saying what the table shows (empty for none), and the table.
 */
public record Section(String heading, String note, Table table) {
    public Section {
        Objects.requireNonNull(heading, "heading");
        note = note == null ? "" : note;
        Objects.requireNonNull(table, "table");
    }
}
