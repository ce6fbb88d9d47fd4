package io.mlconnector.lambda;

import io.mlconnector.support.EmbeddedMetrics;
import io.mlconnector.sync.EventPoller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * One metrics line per poll: {@code PollerMorePending} (1 when the poll stopped with the list going on, else 0) and
 * {@code PollerEventsQueued}, in namespace {@code MlConnector} by {@code FunctionName}. template.yaml alarms when more
 * is pending three polls in a row (SamTemplateTest checks that the names agree).
 */
@ApplicationScoped
public class PollerMetrics {
    public static final String NAMESPACE = "MlConnector";
    public static final String DIMENSION = "FunctionName";
    public static final String MORE_PENDING = "PollerMorePending";
    public static final String EVENTS_QUEUED = "PollerEventsQueued";
    /** The dimension's value outside Lambda, where there is no function name. */
    static final String LOCAL = "local";

    private final EmbeddedMetrics metrics;

    public PollerMetrics(EmbeddedMetrics metrics) {
        this.metrics = metrics;
    }

    void record(EventPoller.PollResult poll, String functionName) {
        metrics.publish(NAMESPACE,
                Map.of(DIMENSION, functionName == null || functionName.isBlank() ? LOCAL : functionName),
                List.of(new EmbeddedMetrics.Metric(MORE_PENDING, "Count", poll.morePending() ? 1 : 0),
                        new EmbeddedMetrics.Metric(EVENTS_QUEUED, "Count", poll.enqueued())),
                Map.of("pages", poll.pages(), "cursor", poll.cursor().toString(),
                        "cursorLagSeconds", poll.cursorLag().toSeconds()));
    }
}
