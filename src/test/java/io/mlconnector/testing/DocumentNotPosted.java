package io.mlconnector.testing;

import io.mlconnector.store.AuditRecord;
import java.util.List;
import java.util.Optional;

/**
 * A Chargebee event about an invoice, credit note or transaction that has no Acumatica document, with the audit rows
 * of that event.
 *
 * @param documentKind {@code invoice}, {@code credit_note} or {@code transaction}
 */
public record DocumentNotPosted(String eventId, String eventType, String documentKind, String documentId,
                                List<AuditRecord> audit) {
    /** Outcomes that mean "nothing to post, on purpose". */
    static final List<String> NOT_POSTED_OUTCOMES = List.of("SKIPPED", "IGNORED");

    public DocumentNotPosted {
        audit = List.copyOf(audit);
    }

    /** The audit row saying why nothing posted (skipped or ignored, with a reason), if there is one. */
    public Optional<AuditRecord> reason() {
        return audit.stream().filter(row -> NOT_POSTED_OUTCOMES.contains(row.outcome()))
                .filter(row -> row.reason() != null && !row.reason().isBlank()).findFirst();
    }
}
