package io.mlconnector.report;

import java.util.Objects;

/** A column's heading and alignment. */
public record Column(String heading, Alignment alignment) {
    public Column {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(alignment, "alignment");
    }

    public static Column text(String heading) {
        return new Column(heading, Alignment.LEFT);
    }

    /** For amounts and counts, already formatted (an amount with its currency's decimals, never a double). */
    public static Column number(String heading) {
        return new Column(heading, Alignment.RIGHT);
    }
}
