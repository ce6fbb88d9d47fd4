package io.mlconnector.store;

import java.util.Optional;

/** Port: the Chargebee id → Acumatica document ledger. */
public interface LedgerStore {

    Optional<LedgerEntry> find(String chargebeeType, String chargebeeId);

    /**
     * Records where a document stands, only forward: nothing is written over a later state (a released document is
     * never recorded as created again, a voided one never as released). At the same status, an entry with a
     * {@code sourceVersion} older than the stored one is refused too (a stale customer change never wins). An intent
     * ({@link LedgerStatus#CREATING}) is written only where nothing is recorded yet.
     *
     * @return false when a later state was already recorded and is kept
     */
    boolean record(LedgerEntry entry);
}
