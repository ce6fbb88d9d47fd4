package io.mlconnector.lambda;

import io.mlconnector.lambda.command.PollerCommand;
import io.mlconnector.sync.HeldDocumentCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code held} → {@link HeldDocumentCommands}: list, retry one, retry all with a reason, skip one; answers as JSON. */
@ApplicationScoped
public class HeldAnswers {
    private final HeldDocumentCommands commands;

    public HeldAnswers(HeldDocumentCommands commands) {
        this.commands = commands;
    }

    Map<String, Object> answer(PollerCommand.Held request) {
        if (request instanceof PollerCommand.HeldList list) {
            return list(list);
        }
        if (request instanceof PollerCommand.HeldRetry retry) {
            HeldDocumentCommands.RetryResult result = commands.retry(retry.type().resourceType(), retry.id());
            return Map.of("retried", retryRow(result));
        }
        if (request instanceof PollerCommand.HeldRetryAll all) {
            HeldDocumentCommands.RetryAllResult result = commands.retryAll(all.reason());
            return Map.of("reason", result.reasonContains(), "retried",
                    result.documents().stream().map(HeldAnswers::retryRow).toList());
        }
        PollerCommand.HeldSkip skip = (PollerCommand.HeldSkip) request;
        HeldDocumentCommands.SkipResult result = commands.skip(skip.type().resourceType(), skip.id(), skip.reason(),
                skip.by());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", result.resourceType());
        answer.put("id", result.resourceId());
        answer.put("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT));
        answer.put("words", result.words());
        answer.put("dlq_messages_deleted", result.dlqMessagesDeleted());
        return answer;
    }

    /** Every held document that matches, oldest first, up to the limit (held documents are few: no paging needed). */
    private Map<String, Object> list(PollerCommand.HeldList list) {
        List<HeldDocumentCommands.HeldRow> rows = commands.list(new HeldDocumentCommands.HeldFilter(
                list.reason().orElse(null), list.type().map(kind -> kind.resourceType()).orElse(null)));
        List<Map<String, Object>> shown = rows.stream()
                .sorted(java.util.Comparator.comparing(HeldDocumentCommands.HeldRow::firstHeldAt))
                .limit(list.limit()).map(HeldAnswers::row).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("held", shown);
        answer.put("count", rows.size());
        answer.put("more", rows.size() > shown.size());
        return answer;
    }

    private static Map<String, Object> row(HeldDocumentCommands.HeldRow row) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("type", row.resourceType());
        one.put("id", row.resourceId());
        one.put("status", row.status().name().toLowerCase(java.util.Locale.ROOT));
        one.put("reason", row.reason());
        one.put("age", row.age().toString());
        one.put("first_held_at", row.firstHeldAt().toString());
        one.put("events", row.eventCount());
        if (row.acumaticaRef() != null) {
            one.put("acumatica_ref", row.acumaticaRef());
        }
        if (row.skipReason() != null) {
            one.put("skip_reason", row.skipReason());
            one.put("skipped_by", row.skippedBy());
        }
        return one;
    }

    private static Map<String, Object> retryRow(HeldDocumentCommands.RetryResult result) {
        return Map.of("type", result.resourceType(), "id", result.resourceId(),
                "outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT),
                "dlq_messages_moved", result.dlqMessagesMoved());
    }
}
