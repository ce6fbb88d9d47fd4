package io.mlconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.reconcile.CheckStatus;
import io.mlconnector.reconcile.DocumentCheck;
import io.mlconnector.reconcile.ReconciliationResult;
import io.mlconnector.store.AuditRecord;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A Chargebee event about a document the production reconciliation found not posted (not postable, held, skipped or
 * missing), with the audit rows of that event ({@link io.mlconnector.store.AuditLog#forEvent}). What posted and what
 * did not is the {@link ReconciliationResult}'s; the events only join a document to its audit rows, which the audit log
 * looks up by event alone.
 */
public record NotPostedEvent(DocumentCheck document, String eventId, String eventType, List<AuditRecord> audit) {
    /** Outcomes that say why nothing posted. */
    public static final Set<String> REASON_OUTCOMES = Set.of("SKIPPED", "IGNORED", "HELD");
    /** The checks of documents that have no Acumatica document. */
    static final Set<CheckStatus> NOT_POSTED = EnumSet.of(CheckStatus.NOT_POSTABLE, CheckStatus.HELD,
            CheckStatus.SKIPPED, CheckStatus.MISSING);

    public NotPostedEvent {
        audit = List.copyOf(audit);
    }

    /**
     * Every event whose document (its transaction, else its credit note, else its invoice) the reconciliation found
     * not posted, in the events' order.
     */
    public static List<NotPostedEvent> of(ReconciliationResult reconciliation, List<? extends JsonNode> events,
                                          Function<String, List<AuditRecord>> auditOfEvent) {
        Map<String, DocumentCheck> notPosted = new LinkedHashMap<>();
        reconciliation.documents().stream().filter(d -> NOT_POSTED.contains(d.status()))
                .forEach(d -> notPosted.put(contentKey(d.kind()) + ":" + d.chargebeeId(), d));
        List<NotPostedEvent> out = new ArrayList<>();
        for (JsonNode event : events) {
            String key = null;
            for (String candidate : List.of("invoice", "credit_note", "transaction")) {
                if (event.at("/content/" + candidate).isObject()) {
                    key = candidate + ":" + event.at("/content/" + candidate + "/id").asText();
                }
            }
            DocumentCheck document = key == null ? null : notPosted.get(key);
            if (document != null) {
                String eventId = event.path("id").asText();
                out.add(new NotPostedEvent(document, eventId, event.path("event_type").asText(),
                        auditOfEvent.apply(eventId)));
            }
        }
        return out;
    }

    /** The audit row saying why nothing posted (skipped, ignored or held, with a reason), if there is one. */
    public Optional<AuditRecord> reason() {
        return audit.stream().filter(row -> REASON_OUTCOMES.contains(row.outcome()))
                .filter(row -> row.reason() != null && !row.reason().isBlank()).findFirst();
    }

    /**
     * Every event about a document that did not post has an audit row saying why.
     *
     * @return how many such events there were
     */
    public static long assertEachHasAReason(List<NotPostedEvent> events) {
        for (NotPostedEvent event : events) {
            assertThat(event.reason()).as("audit rows of %s (%s, %s %s: %s), which posted nothing", event.eventId(),
                    event.eventType(), event.document().kind(), event.document().chargebeeId(),
                    event.document().detail()).isPresent();
        }
        return events.size();
    }

    /** The key of an event's {@code content} that holds a document of this check's kind. */
    static String contentKey(String kind) {
        return switch (kind) {
            case "invoice", "credit_note" -> kind;
            default -> "transaction";
        };
    }
}
