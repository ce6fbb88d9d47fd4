package io.mlconnector.store;

import io.mlconnector.store.dynamodb.DynamoBackfillCheckpoints;
import io.mlconnector.testing.DynaliteTable;
import org.junit.jupiter.api.AfterEach;

/** The checkpoint contract on the DynamoDB adapter against dynalite. */
class DynamoBackfillCheckpointsTest extends BackfillCheckpointsContract {
    private final DynaliteTable table = DynaliteTable.empty();

    @Override
    protected BackfillCheckpoints store() {
        return new DynamoBackfillCheckpoints(table.client(), table.config());
    }

    @AfterEach
    void closeTable() {
        table.close();
    }
}
