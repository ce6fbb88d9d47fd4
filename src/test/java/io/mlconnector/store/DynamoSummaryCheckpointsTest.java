package io.mlconnector.store;

import io.mlconnector.store.dynamodb.DynamoSummaryCheckpoints;
import io.mlconnector.testing.DynaliteTable;
import org.junit.jupiter.api.AfterEach;

/** The summary checkpoint contract on the DynamoDB adapter against dynalite. */
class DynamoSummaryCheckpointsTest extends SummaryCheckpointsContract {
    private final DynaliteTable table = DynaliteTable.empty();

    @Override
    protected SummaryCheckpoints store() {
        return new DynamoSummaryCheckpoints(table.client(), table.config());
    }

    @AfterEach
    void closeTable() {
        table.close();
    }
}
