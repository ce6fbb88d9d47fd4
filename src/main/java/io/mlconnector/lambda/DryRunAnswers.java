package io.mlconnector.lambda;

import io.mlconnector.chargebee.ChargebeeException;
import io.mlconnector.lambda.command.PollerCommand;
import io.mlconnector.sync.DryRun;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code dry_run} → {@link DryRun}, its answer as JSON: each document with its action, key, reason and wire body. */
@ApplicationScoped
public class DryRunAnswers {
    private final DryRun dryRun;

    public DryRunAnswers(DryRun dryRun) {
        this.dryRun = dryRun;
    }

    Map<String, Object> answer(PollerCommand.DryRun request,
                               Function<PollerCommand.PeriodChoice, YearMonth> periods) {
        try {
            if (request instanceof PollerCommand.DryRunEvent event) {
                return forEvent(dryRun.forEvent(event.eventId()));
            }
            PollerCommand.DryRunPeriod period = (PollerCommand.DryRunPeriod) request;
            return forPeriod(dryRun.forPeriod(periods.apply(period.period()), period.limit()));
        } catch (DryRun.NotFound e) {
            return Map.of("error", e.getMessage());
        } catch (ChargebeeException e) {
            return Map.of("error", "Chargebee did not answer the dry run's reads (" + e.status() + " "
                    + e.apiErrorCode() + ")" + (e.retryable() ? ": try again later" : ": run {\"ping\": true}"));
        }
    }

    private static Map<String, Object> forEvent(DryRun.ForEvent result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("dry_run", true);
        answer.put("event_id", result.eventId());
        answer.put("event_type", result.eventType());
        result.nothingBecause().ifPresent(reason -> answer.put("nothing_posts", reason));
        result.plan().ifPresent(plan -> {
            answer.put("document", plan.document());
            answer.put("documents", documents(plan));
        });
        return answer;
    }

    private static Map<String, Object> forPeriod(DryRun.ForPeriod result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("dry_run", true);
        answer.put("period", result.period().toString());
        answer.put("from", result.from().toString());
        answer.put("to", result.to().toString());
        answer.put("limit", result.limit());
        answer.put("listed", result.plans().size());
        answer.put("more", result.more());
        answer.put("plans", result.plans().stream().map(plan -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("document", plan.document());
            one.put("documents", documents(plan));
            return one;
        }).toList());
        return answer;
    }

    private static List<Map<String, Object>> documents(DryRun.Plan plan) {
        return plan.documents().stream().map(planned -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("document", planned.document());
            one.put("action", planned.action());
            if (planned.entity() != null) {
                one.put("entity", planned.entity());
            }
            if (planned.key() != null) {
                one.put("key", planned.key());
            }
            if (planned.reason() != null) {
                one.put("reason", planned.reason());
            }
            if (planned.body() != null) {
                one.put("body", planned.body());
            }
            return one;
        }).toList();
    }
}
