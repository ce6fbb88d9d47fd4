package io.mlconnector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the webhook endpoint. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Largest accepted webhook body; larger ones get 413 (Chargebee events are far smaller). */
    @WithDefault("262144")
    int bodyBytesMax();
}
