package io.mlconnector.store;

import io.mlconnector.store.dynamodb.DynamoClaimStore;
import io.mlconnector.testing.DynaliteTable;
import io.mlconnector.testing.SyncConfigs;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** The claim contract on the DynamoDB adapter against dynalite: conditional writes decide, not the adapter's memory. */
class DynamoClaimStoreTest extends ClaimStoreContract {
    private final DynaliteTable table = DynaliteTable.empty();

    @Override
    protected ClaimStore store(Duration dedupRetention) {
        return new DynamoClaimStore(table.client(), table.config(), SyncConfigs.retaining(dedupRetention,
                Duration.ofDays(400)));
    }

    @AfterEach
    void closeTable() {
        table.close();
    }
}
