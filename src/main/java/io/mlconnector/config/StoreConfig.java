package io.mlconnector.config;

import io.smallrye.config.ConfigMapping;

/** The DynamoDB table holding dedup claims, cursors, the document ledger and audit rows. */
@ConfigMapping(prefix = "store")
public interface StoreConfig {

    /** Table name (partition key {@code pk}, sort key {@code sk}, TTL attribute {@code expiresAt}). */
    String table();
}
