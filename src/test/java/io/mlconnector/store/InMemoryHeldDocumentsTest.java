package io.mlconnector.store;

import io.mlconnector.testing.fakes.InMemoryHeldDocuments;

/** The held-documents contract on the in-memory fake. */
class InMemoryHeldDocumentsTest extends HeldDocumentsContract {

    @Override
    protected HeldDocuments store() {
        return new InMemoryHeldDocuments();
    }
}
