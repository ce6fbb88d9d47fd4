package io.mlconnector.testing;

import io.mlconnector.config.StoreConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An empty connector table on the shared dynalite, for tests that build a DynamoDB adapter directly (no Quarkus):
 * {@code new DynamoLedgerStore(table.client(), table.config())}. Create one per test; close it after.
 */
public final class DynaliteTable implements AutoCloseable {
    private final DynamoDbClient client;

    private DynaliteTable(DynamoDbClient client) {
        this.client = client;
    }

    /** Drops and recreates the table, then opens a client on it. */
    public static DynaliteTable empty() {
        Dynalite dynalite = StandIns.shared().dynamo();
        dynalite.reset();
        return new DynaliteTable(dynalite.client());
    }

    public DynamoDbClient client() {
        return client;
    }

    public StoreConfig config() {
        return () -> Dynalite.TABLE;
    }

    @Override
    public void close() {
        client.close();
    }
}
