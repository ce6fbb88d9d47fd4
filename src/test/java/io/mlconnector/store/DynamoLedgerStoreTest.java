package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.store.dynamodb.DynamoLedgerStore;
import io.mlconnector.testing.Dynalite;
import io.mlconnector.testing.DynaliteTable;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ledger contract on the DynamoDB adapter against dynalite, and items written by other versions of it. */
class DynamoLedgerStoreTest extends LedgerStoreContract {
    private final DynaliteTable table = DynaliteTable.empty();

    @Override
    protected LedgerStore store() {
        return new DynamoLedgerStore(table.client(), table.config());
    }

    @AfterEach
    void closeTable() {
        table.close();
    }

    @Test
    void record_shouldMoveAnEntryWrittenBeforeStatesHadRanks() {
        putItem("INV-OLD", "Created");

        assertThat(ledger.record(entry("invoice", "INV-OLD", LedgerStatus.RELEASED))).isTrue();
        assertThat(ledger.find("invoice", "INV-OLD")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.RELEASED);
    }

    @Test
    void find_shouldReadAStateItDoesNotKnowAsCreated_whenANewerVersionWroteIt() {
        putItem("INV-NEW", "Reversed");

        assertThat(ledger.find("invoice", "INV-NEW")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.CREATED);
    }

    @Test
    void record_shouldKeepALegacyReleasedEntry_whenItsStoredRankNumberWouldLookLowerThanCreatedToday() {
        table.client().putItem(put -> put.tableName(Dynalite.TABLE).item(Map.of(
                "pk", AttributeValue.fromS("doc#invoice#INV-V1"), "sk", AttributeValue.fromS("acumatica"),
                "acumaticaEntity", AttributeValue.fromS("SalesInvoice"), "acumaticaKey", AttributeValue.fromS("Invoice/1"),
                "status", AttributeValue.fromS("Released"), "statusRank", AttributeValue.fromN("2"),
                "recordedAt", AttributeValue.fromS(NOW.toString()))));

        assertThat(ledger.record(entry("invoice", "INV-V1", LedgerStatus.CREATED))).isFalse();
        assertThat(ledger.find("invoice", "INV-V1")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.RELEASED);
    }

    @Test
    void record_shouldNeverOverwriteAStateANewerVersionWrote() {
        putItem("INV-NEWER", "Reversed");

        assertThat(ledger.record(entry("invoice", "INV-NEWER", LedgerStatus.RELEASED))).isFalse();
    }

    /** An item as an older or newer adapter left it: no rank, whatever state word it knew. */
    private void putItem(String invoiceId, String status) {
        table.client().putItem(put -> put.tableName(Dynalite.TABLE).item(Map.of(
                "pk", AttributeValue.fromS("doc#invoice#" + invoiceId), "sk", AttributeValue.fromS("acumatica"),
                "acumaticaEntity", AttributeValue.fromS("SalesInvoice"), "acumaticaKey", AttributeValue.fromS("Invoice/1"),
                "status", AttributeValue.fromS(status), "recordedAt", AttributeValue.fromS(NOW.toString()))));
    }
}
