package io.mlconnector.report;

import java.util.List;

/**
 * One row of cells, already formatted as text. A flagged row needs the reader's attention (a difference, a missing
 * reason): renderers make it stand out.
 */
public record Row(List<String> cells, boolean flagged) {
    public Row {
        cells = List.copyOf(cells);
    }

    public static Row of(String... cells) {
        return new Row(List.of(cells), false);
    }

    public static Row flagged(String... cells) {
        return new Row(List.of(cells), true);
    }
}
