package io.mlconnector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where reconciliation reports are written: an S3 bucket of the stack, else a local directory. */
@ConfigMapping(prefix = "reports")
public interface ReportsConfig {

    /** The private, encrypted bucket of the stack ({@code REPORTS_BUCKET}); when absent, reports go to {@link #directory()}. */
    Optional<String> bucket();

    /** The local directory for runs without a bucket (the demo, a laptop against the sandboxes). */
    @WithDefault("target/reports")
    Path directory();

    /** Key prefix; a report lands at {@code <prefix><period>/<timestamp>.html} and {@code .csv}. */
    @WithDefault("reconciliation/")
    String prefix();
}
