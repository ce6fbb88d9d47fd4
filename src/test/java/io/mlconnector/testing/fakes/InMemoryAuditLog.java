package io.mlconnector.testing.fakes;

import io.mlconnector.store.AuditLog;
import io.mlconnector.store.AuditRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link AuditLog} in memory: rows per event, oldest first, with DynamoAuditLog's cap on each payload field (reason,
 * received, fetched, sent, answer) so a test sees what the table would keep.
 */
public final class InMemoryAuditLog implements AuditLog {
    /** As DynamoAuditLog.PAYLOAD_CHARS_MAX: what fits five payloads into one 400 KB item. */
    static final int PAYLOAD_CHARS_MAX = 80_000;

    private final Map<String, List<AuditRecord>> rows = new HashMap<>();

    @Override
    public synchronized void record(AuditRecord row) {
        AuditRecord kept = new AuditRecord(row.eventId(), row.eventType(), row.resourceType(), row.resourceId(),
                row.outcome(), cap(row.reason()), cap(row.received()), cap(row.fetched()), cap(row.sent()),
                cap(row.answer()), row.acumaticaRef(), row.at());
        rows.computeIfAbsent(row.eventId(), id -> new ArrayList<>()).add(kept);
    }

    @Override
    public synchronized List<AuditRecord> forEvent(String eventId) {
        List<AuditRecord> ofEvent = new ArrayList<>(rows.getOrDefault(eventId, List.of()));
        ofEvent.sort(Comparator.comparing(AuditRecord::at));
        return ofEvent;
    }

    private static String cap(String text) {
        return text == null || text.length() <= PAYLOAD_CHARS_MAX
                ? text : text.substring(0, PAYLOAD_CHARS_MAX) + "…[truncated]";
    }
}
