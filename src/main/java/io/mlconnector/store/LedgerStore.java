package io.mlconnector.store;

import java.util.Optional;

/** Port: the Chargebee id → Acumatica document ledger. */
public interface LedgerStore {

    Optional<LedgerEntry> find(String chargebeeType, String chargebeeId);

    void record(LedgerEntry entry);
}
