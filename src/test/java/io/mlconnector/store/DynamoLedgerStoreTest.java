package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.store.dynamodb.DynamoLedgerStore;
import io.mlconnector.testing.Dynalite;
import io.mlconnector.testing.StandIns;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ledger on dynalite: a document's state only moves forward, whoever writes last. */
class DynamoLedgerStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private DynamoDbClient dynamo;
    private LedgerStore ledger;

    @BeforeEach
    void setUp() {
        Dynalite dynalite = StandIns.shared().dynamo();
        dynalite.reset();
        dynamo = dynalite.client();
        ledger = new DynamoLedgerStore(dynamo, () -> Dynalite.TABLE);
    }

    @AfterEach
    void tearDown() {
        dynamo.close();
    }

    @Test
    void record_shouldNeverMoveAReleasedDocumentBackToCreated_whenAnEarlierAttemptWritesLast() {
        assertThat(ledger.record(entry("invoice", "INV-1", LedgerStatus.RELEASED))).isTrue();

        boolean written = ledger.record(entry("invoice", "INV-1", LedgerStatus.CREATED));

        assertThat(written).isFalse();
        assertThat(ledger.find("invoice", "INV-1")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.RELEASED);
    }

    @Test
    void record_shouldKeepAVoidedPayment_whenALateReleaseArrives_andMoveForwardOtherwise() {
        ledger.record(entry("transaction", "txn_1", LedgerStatus.CREATED));
        ledger.record(entry("transaction", "txn_1", LedgerStatus.RELEASED));
        ledger.record(entry("transaction", "txn_1", LedgerStatus.VOIDED));

        assertThat(ledger.record(entry("transaction", "txn_1", LedgerStatus.RELEASED))).isFalse();
        assertThat(ledger.find("transaction", "txn_1")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.VOIDED);
    }

    @Test
    void record_shouldLetACustomerGoInactiveAndActiveAgain() {
        ledger.record(entry("customer", "cust_1", LedgerStatus.ACTIVE));

        assertThat(ledger.record(entry("customer", "cust_1", LedgerStatus.INACTIVE))).isTrue();
        assertThat(ledger.record(entry("customer", "cust_1", LedgerStatus.ACTIVE))).isTrue();
    }

    @Test
    void record_shouldMoveAnEntryWrittenBeforeStatesHadRanks() {
        dynamo.putItem(put -> put.tableName(Dynalite.TABLE).item(Map.of(
                "pk", AttributeValue.fromS("doc#invoice#INV-OLD"), "sk", AttributeValue.fromS("acumatica"),
                "acumaticaEntity", AttributeValue.fromS("SalesInvoice"), "acumaticaKey", AttributeValue.fromS("Invoice/1"),
                "status", AttributeValue.fromS("Created"), "recordedAt", AttributeValue.fromS(NOW.toString()))));

        assertThat(ledger.record(entry("invoice", "INV-OLD", LedgerStatus.RELEASED))).isTrue();
        assertThat(ledger.find("invoice", "INV-OLD")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.RELEASED);
    }

    @Test
    void record_shouldKeepALegacyReleasedEntry_whenItsStoredRankNumberWouldLookLowerThanCreatedToday() {
        dynamo.putItem(put -> put.tableName(Dynalite.TABLE).item(Map.of(
                "pk", AttributeValue.fromS("doc#invoice#INV-V1"), "sk", AttributeValue.fromS("acumatica"),
                "acumaticaEntity", AttributeValue.fromS("SalesInvoice"), "acumaticaKey", AttributeValue.fromS("Invoice/1"),
                "status", AttributeValue.fromS("Released"), "statusRank", AttributeValue.fromN("2"),
                "recordedAt", AttributeValue.fromS(NOW.toString()))));

        assertThat(ledger.record(entry("invoice", "INV-V1", LedgerStatus.CREATED))).isFalse();
        assertThat(ledger.find("invoice", "INV-V1")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.RELEASED);
    }

    @Test
    void record_shouldRefuseAnOlderSourceVersion_atTheSameStatus_andTakeANewerOne() {
        assertThat(ledger.record(versioned("cust_v", LedgerStatus.ACTIVE, 200L))).isTrue();

        assertThat(ledger.record(versioned("cust_v", LedgerStatus.INACTIVE, 100L))).as("stale").isFalse();
        assertThat(ledger.find("customer", "cust_v")).get().extracting(LedgerEntry::status, LedgerEntry::sourceVersion)
                .containsExactly(LedgerStatus.ACTIVE, 200L);
        assertThat(ledger.record(versioned("cust_v", LedgerStatus.INACTIVE, 300L))).isTrue();
        assertThat(ledger.find("customer", "cust_v")).get().extracting(LedgerEntry::sourceVersion).isEqualTo(300L);
    }

    @Test
    void record_shouldKeepATombstone_whenALaterAttemptTriesToCreateTheDocument() {
        assertThat(ledger.record(entry("invoice", "INV-T", LedgerStatus.NEVER_POSTED))).isTrue();

        assertThat(ledger.record(entry("invoice", "INV-T", LedgerStatus.CREATING))).isFalse();
        assertThat(ledger.record(entry("invoice", "INV-T", LedgerStatus.RELEASED))).isFalse();
        assertThat(ledger.find("invoice", "INV-T")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.NEVER_POSTED);
    }

    private static LedgerEntry versioned(String id, LedgerStatus status, long version) {
        return new LedgerEntry("customer", id, "Customer", "guid-" + id, "CB" + id, status, NOW, version);
    }

    private static LedgerEntry entry(String type, String id, LedgerStatus status) {
        return new LedgerEntry(type, id, "SalesInvoice", "guid-" + id, "Invoice/" + id, status, NOW);
    }
}
