package io.mlconnector.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mlconnector.lambda.command.PollerCommand;
import io.mlconnector.lambda.command.PollerCommands;
import io.mlconnector.support.InvocationDeadline;
import io.mlconnector.sync.Backfill;
import io.mlconnector.sync.DocumentBusy;
import io.mlconnector.sync.EventPoller;
import io.mlconnector.sync.Ping;
import io.mlconnector.sync.Preflight;
import io.mlconnector.sync.SummaryJournals;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The poller function: EventBridge Scheduler → {@link EventPoller}, which reads while the invocation has time and
 * then writes one metrics line ({@link PollerMetrics}); invoked by hand, the operator's commands
 * ({@link PollerCommand}, decoded by {@link PollerCommands}: backfill, gl_summary, preflight, ping, dry_run,
 * reconcile, held). A payload that is no command is answered with what was wrong and the commands there are, never
 * with a Lambda error.
 */
@Named("poller")
public class PollerHandler implements RequestHandler<Object, Map<String, Object>> {
    private final PollerCommands commands;
    private final EventPoller poller;
    private final Backfill backfill;
    private final Preflight preflight;
    private final SummaryJournals journals;
    private final Ping ping;
    private final DryRunAnswers dryRun;
    private final Clock clock;
    private final InvocationDeadline deadline;
    private final PollerMetrics metrics;
    private final ReconcileAnswers reconcile;
    private final HeldAnswers held;

    public PollerHandler(PollerCommands commands, EventPoller poller, Backfill backfill, Preflight preflight,
                         SummaryJournals journals, Ping ping, DryRunAnswers dryRun, Clock clock,
                         InvocationDeadline deadline, PollerMetrics metrics, ReconcileAnswers reconcile,
                         HeldAnswers held) {
        this.commands = commands;
        this.poller = poller;
        this.backfill = backfill;
        this.preflight = preflight;
        this.journals = journals;
        this.ping = ping;
        this.dryRun = dryRun;
        this.clock = clock;
        this.deadline = deadline;
        this.metrics = metrics;
        this.reconcile = reconcile;
        this.held = held;
    }

    /**
     * @param input the payload as Jackson reads any JSON (an object as a map, an array as a list...): typed as
     *              {@code Object} so that a payload of the wrong shape reaches the decoder and is answered, instead of
     *              failing in the runtime's deserialisation as a Lambda error
     */
    @Override
    public Map<String, Object> handleRequest(Object input, Context context) {
        PollerCommand command;
        try {
            command = commands.decode(input);
        } catch (PollerCommands.Invalid e) {
            return Map.of("error", e.getMessage());
        }
        if (command instanceof PollerCommand.Backfill request) {
            return runBackfill(request, context);
        }
        if (command instanceof PollerCommand.GlSummary request) {
            return runSummary(request, context);
        }
        if (command instanceof PollerCommand.Preflight) {
            return preflight();
        }
        if (command instanceof PollerCommand.Ping) {
            Ping.Answer answer = ping.run();
            return Map.of("ok", answer.ok(), "checks", answer.checks());
        }
        if (command instanceof PollerCommand.DryRun request) {
            return dryRun.answer(request, period -> period(period));
        }
        if (command instanceof PollerCommand.Reconcile request) {
            return reconcile.answer(period(request.period()));
        }
        if (command instanceof PollerCommand.Held request) {
            return held.answer(request);
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

    private Map<String, Object> preflight() {
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

    /**
     * As much of the period as this invocation has time for; the same period again goes on from where it stopped,
     * and its journals post once all of it is read. Answers whether it is complete, the documents read per type and,
     * once complete, the journals.
     */
    private Map<String, Object> runSummary(PollerCommand.GlSummary request, Context context) {
        try {
            YearMonth period = period(request.period());
            // The period's lease ends with this invocation: a run that dies blocks the next one no longer.
            untilEndOf(context);
            SummaryJournals.Run run = journals.post(period, request.unlessPosted());
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
            // Another run holds the period: it posts the journals; this one posts nothing and says so.
            return Map.of("busy", busy.getMessage());
        } catch (InvocationDeadline.Reached e) {
            return Map.of("complete", false, "stopped", e.getMessage() + "; run the period again to go on");
        } catch (IllegalArgumentException e) {
            return Map.of("error", "gl_summary needs a period like 2026-05 (or \"previous\", the month before"
                    + " this one in the site's time zone) and gl_summary.enabled in the mapping: " + e.getMessage());
        } finally {
            deadline.clear();
        }
    }

    /**
     * A month, or one relative to now in the site's time zone (the mapping's {@code site.time_zone}): "previous" as
     * the monthly period-close schedule sends.
     */
    private YearMonth period(PollerCommand.PeriodChoice choice) {
        if (choice instanceof PollerCommand.Month month) {
            return month.month();
        }
        YearMonth previous = journals.previousPeriod(clock.instant());
        return choice == PollerCommand.RelativePeriod.PREVIOUS ? previous : previous.plusMonths(1);
    }

    /**
     * As much as this invocation has time for (its context deadline); the same request again goes on from where it
     * stopped. Answers whether it is complete, the windows done of the total and the documents queued per type so far.
     */
    private Map<String, Object> runBackfill(PollerCommand.Backfill request, Context context) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            Backfill.Request parsed = new Backfill.Request(request.from(), request.to(), request.window(),
                    request.types());
            Optional<Instant> invocationEnds = context == null || context.getRemainingTimeInMillis() <= 0
                    ? Optional.empty() : Optional.of(clock.instant().plusMillis(context.getRemainingTimeInMillis()));
            Backfill.Result result = backfill.run(parsed, invocationEnds);
            answer.put("complete", result.complete());
            answer.put("resumed", result.resumed());
            answer.put("windows_done", result.windowsDone());
            answer.put("windows_total", result.windowsTotal());
            answer.put("queued", result.queued());
            result.stoppedBecause().ifPresent(reason -> answer.put("stopped", reason));
        } catch (IllegalArgumentException e) {
            answer.put("error", "backfill needs ISO-8601 'from' and 'to' (from before to), e.g. 2024-01-01T00:00:00Z,"
                    + " and 'types' among customer, invoice, credit_note, transaction: " + e.getMessage());
        }
        return answer;
    }
}
