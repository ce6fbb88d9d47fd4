package io.mlconnector.store;

import io.mlconnector.testing.fakes.InMemorySummaryCheckpoints;

/** The summary checkpoint contract on the in-memory fake. */
class InMemorySummaryCheckpointsTest extends SummaryCheckpointsContract {

    @Override
    protected SummaryCheckpoints store() {
        return new InMemorySummaryCheckpoints();
    }
}
