package io.mlconnector.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mlconnector.support.InvocationDeadline;
import io.mlconnector.sync.Backfill;
import io.mlconnector.sync.DocumentBusy;
import io.mlconnector.sync.DocumentKind;
import io.mlconnector.sync.EventPoller;
import io.mlconnector.sync.Preflight;
import io.mlconnector.sync.SummaryJournals;
import java.time.YearMonth;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * EventBridge Scheduler → {@link EventPoller}, which reads while the invocation has time and then writes one metrics
 * line ({@link PollerMetrics}). Invoked by hand with {@code {"backfill": {"from": ..., "to": ...,
 * "window_days": 31}}} it runs a {@link Backfill} of that creation-date range instead, and with
 * {@code {"preflight": true}} it checks the mapping file against Acumatica and lists every gap.
 */
@Named("poller")
public class PollerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final EventPoller poller;
    private final Backfill backfill;
    private final Preflight preflight;
    private final SummaryJournals journals;
    private final java.time.Clock clock;
    private final InvocationDeadline deadline;
    private final PollerMetrics metrics;

    public PollerHandler(EventPoller poller, Backfill backfill, Preflight preflight, SummaryJournals journals,
                         java.time.Clock clock, InvocationDeadline deadline, PollerMetrics metrics) {
        this.poller = poller;
        this.backfill = backfill;
        this.preflight = preflight;
        this.journals = journals;
        this.clock = clock;
        this.deadline = deadline;
        this.metrics = metrics;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        if (input != null && input.get("backfill") instanceof Map<?, ?> request) {
            return runBackfill(request, context);
        }
        if (input != null && input.get("gl_summary") instanceof Map<?, ?> request) {
            return runSummary(request, context);
        }
        if (input != null && Boolean.TRUE.equals(input.get("preflight"))) {
            Preflight.Report report = preflight.run();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("mapping", report.source());
            answer.put("clean", report.isClean());
            answer.put("gaps", report.lines());
            answer.put("warnings", report.warningLines());
            if (!report.mappingProblems().isEmpty()) {
                answer.put("mapping_problems", report.mappingProblems());
            }
            return answer;
        }
        return poll(context);
    }

    private void untilEndOf(Context context) {
        if (context != null && context.getRemainingTimeInMillis() > 0) {
            deadline.set(clock.instant().plusMillis(context.getRemainingTimeInMillis()));
        }
    }

    private Map<String, Object> poll(Context context) {
        untilEndOf(context);
        EventPoller.PollResult result;
        try {
            result = poller.poll();
        } finally {
            deadline.clear();
        }
        metrics.record(result, context == null ? null : context.getFunctionName());
        return Map.of("pages", result.pages(), "enqueued", result.enqueued(), "from", result.from().toString(),
                "cursor", result.cursor().toString(), "morePending", result.morePending(),
                "cursorLagSeconds", result.cursorLag().toSeconds());
    }

    /**
     * {@code {"gl_summary": {"period": "2026-05" | "previous", "unless_posted": true}}}: as much of the period as this
     * invocation has time for; the same period again goes on from where it stopped, and its journals post once all
     * of it is read. Answers whether it is complete, the documents read per type and, once complete, the journals.
     */
    private Map<String, Object> runSummary(Map<?, ?> request, Context context) {
        try {
            YearMonth period = period(String.valueOf(request.get("period")));
            // The period's lease ends with this invocation: a run that dies blocks the next one no longer.
            untilEndOf(context);
            SummaryJournals.Run run = journals.post(period, Boolean.TRUE.equals(request.get("unless_posted")));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("period", period.toString());
            answer.put("complete", run.complete());
            answer.put("resumed", run.resumed());
            answer.put("read", run.read());
            if (run.complete()) {
                answer.put("journals", run.journals());
            }
            run.postedBefore().ifPresent(at -> answer.put("posted_before", at.toString()));
            run.stoppedBecause().ifPresent(reason -> answer.put("stopped", reason));
            return answer;
        } catch (DocumentBusy busy) {
            return periodBusy(busy);
        } catch (InvocationDeadline.Reached e) {
            return Map.of("complete", false, "stopped", e.getMessage() + "; run the period again to go on");
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Map.of("error", "gl_summary needs a period like 2026-05 (or \"previous\", the month before"
                    + " this one in the site's time zone) and gl_summary.enabled in the mapping: " + e.getMessage());
        } finally {
            deadline.clear();
        }
    }

    /** Another run holds the period: it posts the journals; this one posts nothing and says so. */
    private static Map<String, Object> periodBusy(DocumentBusy busy) {
        return Map.of("busy", busy.getMessage());
    }

    /**
     * "2026-05", or "previous": the month before the current one in the site's time zone (the mapping's
     * {@code site.time_zone}), as the monthly period-close schedule sends.
     */
    private YearMonth period(String requested) {
        return "previous".equals(requested) ? journals.previousPeriod(clock.instant())
                : YearMonth.parse(requested);
    }

    /**
     * {@code {"backfill": {"from", "to", "window_days", "types"}}}: as much as this invocation has time for (its context
     * deadline); the same request again goes on from where it stopped. Answers whether it is complete, the windows
     * done of the total and the documents queued per type so far.
     */
    private Map<String, Object> runBackfill(Map<?, ?> request, Context context) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            Backfill.Request parsed = new Backfill.Request(Instant.parse(String.valueOf(request.get("from"))),
                    Instant.parse(String.valueOf(request.get("to"))),
                    Duration.ofDays(request.get("window_days") instanceof Number days ? days.longValue() : 31),
                    backfillKinds(request.get("types")));
            Optional<Instant> invocationEnds = context == null || context.getRemainingTimeInMillis() <= 0
                    ? Optional.empty() : Optional.of(clock.instant().plusMillis(context.getRemainingTimeInMillis()));
            Backfill.Result result = backfill.run(parsed, invocationEnds);
            answer.put("complete", result.complete());
            answer.put("resumed", result.resumed());
            answer.put("windows_done", result.windowsDone());
            answer.put("windows_total", result.windowsTotal());
            answer.put("queued", result.queued());
            result.stoppedBecause().ifPresent(reason -> answer.put("stopped", reason));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            answer.put("error", "backfill needs ISO-8601 'from' and 'to' (from before to), e.g. 2024-01-01T00:00:00Z,"
                    + " and 'types' among customer, invoice, credit_note, transaction: " + e.getMessage());
        }
        return answer;
    }

    /** "types": a list of resource types (singular or plural); none means every type. */
    private static Set<DocumentKind> backfillKinds(Object types) {
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        if (types instanceof List<?> list) {
            for (Object type : list) {
                String name = String.valueOf(type).trim().toLowerCase(java.util.Locale.ROOT);
                kinds.add(DocumentKind.ofResourceType(name)
                        .or(() -> DocumentKind.ofResourceType(name.endsWith("s") ? name.substring(0, name.length() - 1)
                                : name))
                        .orElseThrow(() -> new IllegalArgumentException("unknown type '" + type + "'")));
            }
        } else if (types != null) {
            throw new IllegalArgumentException("'types' must be a list");
        }
        return kinds;
    }
}
