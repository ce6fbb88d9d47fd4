package io.mlconnector.store;

import io.mlconnector.testing.fakes.InMemoryDocumentLeases;

/** The document lease contract on the in-memory fake. */
class InMemoryDocumentLeasesTest extends DocumentLeasesContract {

    @Override
    protected DocumentLeases store() {
        return new InMemoryDocumentLeases();
    }
}
