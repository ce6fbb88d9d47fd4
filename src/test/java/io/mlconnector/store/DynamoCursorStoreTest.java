package io.mlconnector.store;

import io.mlconnector.store.dynamodb.DynamoCursorStore;
import io.mlconnector.testing.DynaliteTable;
import org.junit.jupiter.api.AfterEach;

/** The cursor contract on the DynamoDB adapter against dynalite. */
class DynamoCursorStoreTest extends CursorStoreContract {
    private final DynaliteTable table = DynaliteTable.empty();

    @Override
    protected CursorStore store() {
        return new DynamoCursorStore(table.client(), table.config());
    }

    @AfterEach
    void closeTable() {
        table.close();
    }
}
