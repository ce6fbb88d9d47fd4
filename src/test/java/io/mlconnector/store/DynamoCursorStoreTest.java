package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.store.CursorStore.StoredCursor;
import io.mlconnector.store.dynamodb.DynamoCursorStore;
import io.mlconnector.testing.DynaliteTable;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The cursor contract on the DynamoDB adapter against dynalite, and the items deployed versions left behind. */
class DynamoCursorStoreTest extends CursorStoreContract {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final DynaliteTable table = DynaliteTable.empty();

    @Override
    protected CursorStore store() {
        return new DynamoCursorStore(table.client(), table.config());
    }

    @Test
    void position_shouldReadACursorStoredBeforeEventIds_asCaughtUp_andReplaceWithVersionZeroShouldTakeItOver() {
        table.client().putItem(PutItemRequest.builder().tableName(table.config().table()).item(Map.of(
                "pk", AttributeValue.fromS("cursor#events"), "sk", AttributeValue.fromS("cursor"),
                "position", AttributeValue.fromN(Long.toString(NOW.getEpochSecond())),
                "updatedAt", AttributeValue.fromS(NOW.toString()))).build());
        CursorStore cursors = store();

        assertThat(cursors.position("events")).contains(new StoredCursor(CursorPosition.caughtUpAt(NOW), 0));
        assertThat(cursors.replace("events", 0, CursorPosition.after(NOW.plusSeconds(1), "ev_1", true), NOW))
                .isTrue();
        assertThat(cursors.position("events").orElseThrow().position())
                .isEqualTo(CursorPosition.after(NOW.plusSeconds(1), "ev_1", true));
    }

    @AfterEach
    void closeTable() {
        table.close();
    }
}
