package io.mlconnector.acumatica.dto;

import io.mlconnector.acumatica.JournalStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the connector reads back about a journal transaction. */
@RegisterForReflection
public record JournalView(String id, String module, String batchNbr, String status, String description)
        implements ReleasableDocument {

    @Override
    public String type() {
        return module;
    }

    @Override
    public String referenceNbr() {
        return batchNbr;
    }

    /**
     * A released batch is Unposted (released, waiting to be posted: a ledger that does not post on release) or
     * Posted; some versions show Released. Hold and Balanced are not released yet.
     */
    @Override
    public boolean isReleased() {
        return JournalStatus.UNPOSTED.is(status) || JournalStatus.POSTED.is(status)
                || JournalStatus.RELEASED.is(status);
    }
}
