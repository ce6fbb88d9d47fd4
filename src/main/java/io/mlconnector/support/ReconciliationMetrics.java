package io.mlconnector.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reconciliation's one metric, {@code ReconciliationDifferences} in namespace {@code MlConnector} by
 * {@code FunctionName}: template.yaml's ReconciliationDifferencesAlarm notifies when a run finds any.
 */
@ApplicationScoped
public class ReconciliationMetrics {
    private final EmbeddedMetrics metrics;
    private final Optional<String> functionName;

    @Inject
    public ReconciliationMetrics(EmbeddedMetrics metrics) {
        this(metrics, Optional.ofNullable(System.getenv("AWS_LAMBDA_FUNCTION_NAME")));
    }

    /** @param functionName the dimension's value; Lambda sets AWS_LAMBDA_FUNCTION_NAME to it */
    public ReconciliationMetrics(EmbeddedMetrics metrics, Optional<String> functionName) {
        this.metrics = metrics;
        this.functionName = functionName;
    }

    /** One line for one reconciliation run: how many documents and sums differ (0 when the books agree). */
    public void publishReconciliation(int differences) {
        if (differences < 0) {
            throw new IllegalArgumentException("differences cannot be negative: " + differences);
        }
        metrics.publish(MetricNames.NAMESPACE,
                Map.of(MetricNames.FUNCTION_NAME, MetricNames.functionName(functionName.orElse(null))),
                List.of(new EmbeddedMetrics.Metric(MetricNames.RECONCILIATION_DIFFERENCES, "Count", differences)),
                Map.of());
    }
}
