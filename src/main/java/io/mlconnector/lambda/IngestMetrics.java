package io.mlconnector.lambda;

import io.mlconnector.support.EmbeddedMetrics;
import io.mlconnector.support.MetricNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * One line per webhook request, in namespace {@code MlConnector} by {@code FunctionName}: {@code WebhookRequests} 1,
 * {@code WebhookUnauthorized} 1 for a 401 (wrong or missing credentials: a misconfigured Chargebee webhook, or
 * someone guessing) and {@code WebhookServerErrors} 1 for a 5xx (the queue was unreachable; Chargebee delivers again).
 * Summed over a period they give the rates template.yaml alarms on.
 */
@ApplicationScoped
public class IngestMetrics {
    private final EmbeddedMetrics metrics;

    public IngestMetrics(EmbeddedMetrics metrics) {
        this.metrics = metrics;
    }

    void record(int status, String functionName) {
        metrics.publish(MetricNames.NAMESPACE, Map.of(MetricNames.FUNCTION_NAME, MetricNames.functionName(functionName)),
                List.of(new EmbeddedMetrics.Metric(MetricNames.WEBHOOK_REQUESTS, "Count", 1),
                        new EmbeddedMetrics.Metric(MetricNames.WEBHOOK_UNAUTHORIZED, "Count", status == 401 ? 1 : 0),
                        new EmbeddedMetrics.Metric(MetricNames.WEBHOOK_SERVER_ERRORS, "Count", status >= 500 ? 1 : 0)),
                Map.of("status", status));
    }
}
