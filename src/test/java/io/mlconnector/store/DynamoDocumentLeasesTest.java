package io.mlconnector.store;

import io.mlconnector.store.dynamodb.DynamoDocumentLeases;
import io.mlconnector.testing.DynaliteTable;
import org.junit.jupiter.api.AfterEach;

/** The document lease contract on the DynamoDB adapter against dynalite. */
class DynamoDocumentLeasesTest extends DocumentLeasesContract {
    private final DynaliteTable table = DynaliteTable.empty();

    @Override
    protected DocumentLeases store() {
        return new DynamoDocumentLeases(table.client(), table.config());
    }

    @AfterEach
    void closeTable() {
        table.close();
    }
}
