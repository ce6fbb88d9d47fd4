package io.mlconnector.store;

import io.mlconnector.testing.fakes.InMemoryLedgerStore;

/** The ledger contract on the in-memory fake. */
class InMemoryLedgerStoreTest extends LedgerStoreContract {

    @Override
    protected LedgerStore store() {
        return new InMemoryLedgerStore();
    }
}
