package io.mlconnector.store;

import io.mlconnector.store.dynamodb.DynamoHeldDocuments;
import io.mlconnector.testing.DynaliteTable;
import org.junit.jupiter.api.AfterEach;

/** The held-documents contract on the DynamoDB adapter against dynalite. */
class DynamoHeldDocumentsTest extends HeldDocumentsContract {
    private final DynaliteTable table = DynaliteTable.empty();

    @Override
    protected HeldDocuments store() {
        return new DynamoHeldDocuments(table.client(), table.config());
    }

    @AfterEach
    void closeTable() {
        table.close();
    }
}
