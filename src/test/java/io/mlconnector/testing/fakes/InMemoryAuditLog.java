package io.mlconnector.testing.fakes;

import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditPayloads;
import io.mlconnector.store.AuditRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link AuditLog} in memory: rows per event, oldest first, with the cap every audit log applies to its payload fields
 * ({@link AuditPayloads}) so a test sees what the table would keep.
 */
public final class InMemoryAuditLog implements AuditLog {
    private final Map<String, List<AuditRecord>> rows = new HashMap<>();

    @Override
    public synchronized void record(AuditRecord row) {
        AuditRecord kept = AuditPayloads.fit(row);
        rows.computeIfAbsent(row.eventId(), id -> new ArrayList<>()).add(kept);
    }

    @Override
    public synchronized List<AuditRecord> forEvent(String eventId) {
        List<AuditRecord> ofEvent = new ArrayList<>(rows.getOrDefault(eventId, List.of()));
        ofEvent.sort(Comparator.comparing(AuditRecord::at));
        return ofEvent;
    }
}
