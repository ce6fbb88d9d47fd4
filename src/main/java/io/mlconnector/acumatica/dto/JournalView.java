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

    /** Released batches are Posted (or Released before posting). */
    @Override
    public boolean isReleased() {
        return JournalStatus.POSTED.is(status) || JournalStatus.RELEASED.is(status);
    }
}
