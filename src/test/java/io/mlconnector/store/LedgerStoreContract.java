package io.mlconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LedgerStore} does: a document's state only moves forward by {@link LedgerStatus#rank()}, whoever
 * writes last. The checks run over every pair of states, so a state added later is covered without a new test.
 */
public abstract class LedgerStoreContract {
    protected static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    protected LedgerStore ledger;

    /** A ledger on an empty table. */
    protected abstract LedgerStore store();

    @BeforeEach
    void setUpContract() {
        ledger = store();
    }

    @Test
    void find_shouldBeEmpty_whenNothingWasRecorded() {
        assertThat(ledger.find("invoice", "INV-1")).isEmpty();
    }

    @Test
    void find_shouldReturnTheEntryAsRecorded_whenRecordedOnce() {
        LedgerEntry entry = new LedgerEntry("invoice", "INV-1", "SalesInvoice", "guid-INV-1", "Invoice/AR000042",
                LedgerStatus.CREATED, Instant.parse("2026-12-03T10:00:00.123456Z"));

        assertThat(ledger.record(entry)).isTrue();

        assertThat(ledger.find("invoice", "INV-1")).contains(entry);
    }

    @Test
    void find_shouldReturnNoAcumaticaId_whenRecordedWithout() {
        LedgerEntry entry = new LedgerEntry("customer", "cust_1", "Customer", null, "C000001", LedgerStatus.ACTIVE, NOW);
        ledger.record(entry);

        assertThat(ledger.find("customer", "cust_1")).contains(entry);
    }

    @Test
    void find_shouldKeepDocumentsApart_whenTypesShareAnId() {
        ledger.record(entry("invoice", "X-1", LedgerStatus.VOIDED));
        ledger.record(entry("credit_note", "X-1", LedgerStatus.CREATED));

        assertThat(ledger.find("invoice", "X-1")).get().extracting(LedgerEntry::status).isEqualTo(LedgerStatus.VOIDED);
        assertThat(ledger.find("credit_note", "X-1")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.CREATED);
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
        assertThat(ledger.record(entry("transaction", "txn_1", LedgerStatus.CREATED))).isTrue();
        assertThat(ledger.record(entry("transaction", "txn_1", LedgerStatus.RELEASED))).isTrue();
        assertThat(ledger.record(entry("transaction", "txn_1", LedgerStatus.VOIDED))).isTrue();

        assertThat(ledger.record(entry("transaction", "txn_1", LedgerStatus.RELEASED))).isFalse();
        assertThat(ledger.find("transaction", "txn_1")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.VOIDED);
    }

    @Test
    void record_shouldLetACustomerGoInactiveAndActiveAgain() {
        ledger.record(entry("customer", "cust_1", LedgerStatus.ACTIVE));

        assertThat(ledger.record(entry("customer", "cust_1", LedgerStatus.INACTIVE))).isTrue();
        assertThat(ledger.record(entry("customer", "cust_1", LedgerStatus.ACTIVE))).isTrue();
        assertThat(ledger.find("customer", "cust_1")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.ACTIVE);
    }

    @Test
    void record_shouldReplaceTheWholeEntry_whenTheSameStateIsRecordedAgain() {
        ledger.record(entry("invoice", "INV-1", LedgerStatus.CREATED));
        LedgerEntry again = new LedgerEntry("invoice", "INV-1", "SalesInvoice", null, "Invoice/AR000043",
                LedgerStatus.CREATED, NOW.plusSeconds(5));

        assertThat(ledger.record(again)).isTrue();
        assertThat(ledger.find("invoice", "INV-1")).contains(again);
    }

    @Test
    void record_shouldAcceptAnEqualOrLaterState_andRefuseAnEarlierOne_forEveryPairOfStates() {
        List<String> wrong = new ArrayList<>();
        for (LedgerStatus stored : LedgerStatus.values()) {
            for (LedgerStatus offered : LedgerStatus.values()) {
                String id = stored + "-then-" + offered;
                ledger.record(entry("invoice", id, stored));
                // An intent goes only where nothing is recorded; every other state moves forward or stays.
                boolean forward = offered != LedgerStatus.CREATING && offered.rank() >= stored.rank();

                boolean written = ledger.record(entry("invoice", id, offered));
                LedgerStatus kept = ledger.find("invoice", id).orElseThrow().status();

                if (written != forward || kept != (forward ? offered : stored)) {
                    wrong.add(id + ": written " + written + ", kept " + kept);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void record_shouldKeepTheLatestState_whenWritersRace() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> writers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                LedgerStatus status = List.of(LedgerStatus.CREATED, LedgerStatus.VOIDED, LedgerStatus.RELEASED).get(i % 3);
                writers.add(() -> ledger.record(entry("invoice", "INV-RACE", status)));
            }
            pool.invokeAll(writers);
        } finally {
            pool.shutdownNow();
        }

        assertThat(ledger.find("invoice", "INV-RACE")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.VOIDED);
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
    void record_shouldWriteAnIntentOnlyOnce_soTwoWritersNeverBothSkipTheLookup() {
        assertThat(ledger.record(entry("invoice", "INV-I", LedgerStatus.CREATING))).isTrue();

        assertThat(ledger.record(entry("invoice", "INV-I", LedgerStatus.CREATING))).as("the second writer").isFalse();
        assertThat(ledger.record(entry("invoice", "INV-I", LedgerStatus.CREATED))).isTrue();
    }

    @Test
    void record_shouldKeepATombstone_whenALaterAttemptTriesToCreateTheDocument() {
        assertThat(ledger.record(entry("invoice", "INV-T", LedgerStatus.NEVER_POSTED))).isTrue();

        assertThat(ledger.record(entry("invoice", "INV-T", LedgerStatus.CREATING))).isFalse();
        assertThat(ledger.record(entry("invoice", "INV-T", LedgerStatus.RELEASED))).isFalse();
        assertThat(ledger.find("invoice", "INV-T")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.NEVER_POSTED);
    }

    @Test
    void record_shouldKeepASkip_overAnIntentAndAgainstEveryLaterAttempt() {
        ledger.record(entry("invoice", "INV-S", LedgerStatus.CREATING));

        assertThat(ledger.record(entry("invoice", "INV-S", LedgerStatus.SKIPPED))).as("a held document's intent")
                .isTrue();
        assertThat(ledger.record(entry("invoice", "INV-S", LedgerStatus.CREATING))).isFalse();
        assertThat(ledger.record(entry("invoice", "INV-S", LedgerStatus.CREATED))).isFalse();
        assertThat(ledger.record(entry("invoice", "INV-S", LedgerStatus.RELEASED))).isFalse();
        assertThat(ledger.record(entry("invoice", "INV-S", LedgerStatus.VOIDED))).isFalse();
        assertThat(ledger.find("invoice", "INV-S")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerStatus.SKIPPED);
    }

    protected static LedgerEntry versioned(String id, LedgerStatus status, long version) {
        return new LedgerEntry("customer", id, "Customer", "guid-" + id, "CB" + id, status, NOW, version);
    }

    protected static LedgerEntry entry(String type, String id, LedgerStatus status) {
        return new LedgerEntry(type, id, "SalesInvoice", "guid-" + id, "Invoice/" + id, status, NOW);
    }
}
