package io.mlconnector.lambda;

import io.mlconnector.support.CallMeter;
import io.mlconnector.support.EmbeddedMetrics;
import io.mlconnector.support.MetricNames;
import io.mlconnector.sync.EventPoller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * One metrics line per poll, in namespace {@code MlConnector} by {@code FunctionName}: {@code PollerMorePending} (1
 * when the poll stopped with the list going on, else 0), {@code PollerEventsQueued}, {@code PollerLagSeconds} (how far
 * the cursor is behind the poll) and the Chargebee and Acumatica requests and 429s since the last line (a backfill's
 * or period close's calls show up in the next poll's line). template.yaml alarms when more is pending three polls in
 * a row and when the lag passes PollerLagAlarmSeconds.
 */
@ApplicationScoped
public class PollerMetrics {
    public static final String NAMESPACE = MetricNames.NAMESPACE;
    public static final String DIMENSION = MetricNames.FUNCTION_NAME;
    public static final String MORE_PENDING = MetricNames.POLLER_MORE_PENDING;
    public static final String EVENTS_QUEUED = MetricNames.POLLER_EVENTS_QUEUED;
    public static final String LAG_SECONDS = MetricNames.POLLER_LAG_SECONDS;

    private final EmbeddedMetrics metrics;
    private final CallMeter calls;

    public PollerMetrics(EmbeddedMetrics metrics, CallMeter calls) {
        this.metrics = metrics;
        this.calls = calls;
    }

    void record(EventPoller.PollResult poll, String functionName) {
        CallMeter.Calls sent = calls.drain();
        metrics.publish(NAMESPACE, Map.of(DIMENSION, MetricNames.functionName(functionName)),
                List.of(new EmbeddedMetrics.Metric(MORE_PENDING, "Count", poll.morePending() ? 1 : 0),
                        new EmbeddedMetrics.Metric(EVENTS_QUEUED, "Count", poll.enqueued()),
                        new EmbeddedMetrics.Metric(LAG_SECONDS, "Seconds", lagSeconds(poll)),
                        new EmbeddedMetrics.Metric(MetricNames.CHARGEBEE_CALLS, "Count", sent.chargebee()),
                        new EmbeddedMetrics.Metric(MetricNames.CHARGEBEE_429, "Count", sent.chargebee429()),
                        new EmbeddedMetrics.Metric(MetricNames.ACUMATICA_CALLS, "Count", sent.acumatica()),
                        new EmbeddedMetrics.Metric(MetricNames.ACUMATICA_429, "Count", sent.acumatica429())),
                Map.of("pages", poll.pages(), "cursor", poll.cursor().toString(),
                        "cursorLagSeconds", poll.cursorLag().toSeconds()));
    }

    /** Behind only while the list goes on: a poll that read it to the end is caught up however old its last event. */
    static long lagSeconds(EventPoller.PollResult poll) {
        return poll.morePending() ? Math.max(0, poll.cursorLag().toSeconds()) : 0;
    }
}
