package io.mlconnector.store;

import java.util.List;

/** Port: the audit trail, one or more rows per event. */
public interface AuditLog {

    void record(AuditRecord row);

    /** Every row of one event, oldest first. */
    List<AuditRecord> forEvent(String eventId);
}
