package io.mlconnector.store;

import java.time.Instant;

/**
 * One row of the audit trail: what came in, what was fetched from Chargebee, what was sent to Acumatica, what it
 * answered, and the outcome. Payloads are JSON text; secrets are never put here.
 */
public record AuditRecord(String eventId, String eventType, String resourceType, String resourceId, String outcome,
                          String reason, String received, String fetched, String sent, String answer,
                          String acumaticaRef, Instant at) {

    public static AuditRecord of(String eventId, String eventType, String outcome, String reason, Instant at) {
        return new AuditRecord(eventId, eventType, null, null, outcome, reason, null, null, null, null, null, at);
    }
}
