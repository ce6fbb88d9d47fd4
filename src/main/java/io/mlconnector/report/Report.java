package io.mlconnector.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A report a finance reader scans: a title, when it was made, and sections of tables. Plain data, rendered by
 * {@link TextReport} for a console and {@link HtmlReport} for a page; neither does I/O, so the caller decides where the
 * text goes (a console, a file, an S3 object).
 */
public record Report(String title, Instant generatedAt, List<Section> sections) {
    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(generatedAt, "generatedAt");
        sections = List.copyOf(sections);
    }
}
