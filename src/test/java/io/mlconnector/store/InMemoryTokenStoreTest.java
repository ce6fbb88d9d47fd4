package io.mlconnector.store;

import io.mlconnector.acumatica.auth.TokenStore;
import io.mlconnector.testing.fakes.InMemoryTokenStore;

/** The token store contract on the in-memory fake. */
class InMemoryTokenStoreTest extends TokenStoreContract {

    @Override
    protected TokenStore store() {
        return new InMemoryTokenStore();
    }
}
