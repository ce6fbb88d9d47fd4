package io.mlconnector.store;

import io.mlconnector.testing.fakes.InMemoryClaimStore;
import java.time.Duration;

/** The claim contract on the in-memory fake: milliseconds, no Quarkus. */
class InMemoryClaimStoreTest extends ClaimStoreContract {

    @Override
    protected ClaimStore store(Duration dedupRetention) {
        return new InMemoryClaimStore(dedupRetention);
    }
}
