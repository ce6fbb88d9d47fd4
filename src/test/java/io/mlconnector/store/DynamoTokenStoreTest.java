package io.mlconnector.store;

import io.mlconnector.acumatica.auth.TokenStore;
import io.mlconnector.store.dynamodb.DynamoTokenStore;
import io.mlconnector.testing.DynaliteTable;
import org.junit.jupiter.api.AfterEach;

/** The token store contract on the DynamoDB adapter against dynalite. */
class DynamoTokenStoreTest extends TokenStoreContract {
    private final DynaliteTable table = DynaliteTable.empty();

    @Override
    protected TokenStore store() {
        return new DynamoTokenStore(table.client(), table.config());
    }

    @AfterEach
    void closeTable() {
        table.close();
    }
}
