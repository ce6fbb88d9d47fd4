package io.mlconnector.store;

import io.mlconnector.store.dynamodb.DynamoAuditLog;
import io.mlconnector.testing.DynaliteTable;
import io.mlconnector.testing.SyncConfigs;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** The audit contract on the DynamoDB adapter against dynalite (its query pages at 1 MB as DynamoDB does). */
class DynamoAuditLogTest extends AuditLogContract {
    private final DynaliteTable table = DynaliteTable.empty();

    @Override
    protected AuditLog store() {
        return new DynamoAuditLog(table.client(), table.config(), SyncConfigs.retaining(Duration.ofDays(30),
                Duration.ofDays(400)));
    }

    @AfterEach
    void closeTable() {
        table.close();
    }
}
