package io.mlconnector.store;

import io.mlconnector.testing.fakes.InMemoryCursorStore;

/** The cursor contract on the in-memory fake. */
class InMemoryCursorStoreTest extends CursorStoreContract {

    @Override
    protected CursorStore store() {
        return new InMemoryCursorStore();
    }
}
