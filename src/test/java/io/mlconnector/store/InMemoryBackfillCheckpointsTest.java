package io.mlconnector.store;

import io.mlconnector.testing.fakes.InMemoryBackfillCheckpoints;

/** The checkpoint contract on the in-memory fake. */
class InMemoryBackfillCheckpointsTest extends BackfillCheckpointsContract {

    @Override
    protected BackfillCheckpoints store() {
        return new InMemoryBackfillCheckpoints();
    }
}
