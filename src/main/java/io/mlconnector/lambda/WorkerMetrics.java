package io.mlconnector.lambda;

import io.mlconnector.support.CallMeter;
import io.mlconnector.support.EmbeddedMetrics;
import io.mlconnector.support.MetricNames;
import io.mlconnector.sync.WorkerOutcomes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * After each batch, in namespace {@code MlConnector}: one line by {@code FunctionName} with the batch's
 * {@code Posted}, {@code Held}, {@code Retried} and {@code Skipped} messages and the Chargebee and Acumatica requests
 * and 429s (zeros included, so alarms and graphs see every batch), then one line per document type that had
 * outcomes, by {@code FunctionName} and {@code DocumentType}. A batch of ten invoices is two lines, not ten.
 */
@ApplicationScoped
public class WorkerMetrics {
    private final EmbeddedMetrics metrics;
    private final WorkerOutcomes outcomes;
    private final CallMeter calls;

    public WorkerMetrics(EmbeddedMetrics metrics, WorkerOutcomes outcomes, CallMeter calls) {
        this.metrics = metrics;
        this.outcomes = outcomes;
        this.calls = calls;
    }

    void record(String functionName) {
        String function = MetricNames.functionName(functionName);
        Map<String, WorkerOutcomes.Counts> byType = outcomes.drain();
        CallMeter.Calls sent = calls.drain();
        WorkerOutcomes.Counts total = byType.values().stream().reduce(new WorkerOutcomes.Counts(0, 0, 0, 0),
                (a, b) -> new WorkerOutcomes.Counts(a.posted() + b.posted(), a.held() + b.held(),
                        a.retried() + b.retried(), a.skipped() + b.skipped()));
        List<EmbeddedMetrics.Metric> perFunction = new ArrayList<>(counts(total));
        perFunction.addAll(List.of(count(MetricNames.CHARGEBEE_CALLS, sent.chargebee()),
                count(MetricNames.CHARGEBEE_429, sent.chargebee429()),
                count(MetricNames.ACUMATICA_CALLS, sent.acumatica()),
                count(MetricNames.ACUMATICA_429, sent.acumatica429())));
        metrics.publish(MetricNames.NAMESPACE, Map.of(MetricNames.FUNCTION_NAME, function), perFunction, Map.of());
        byType.forEach((type, counts) -> metrics.publish(MetricNames.NAMESPACE,
                List.of(List.of(MetricNames.FUNCTION_NAME, MetricNames.DOCUMENT_TYPE)),
                Map.of(MetricNames.FUNCTION_NAME, function, MetricNames.DOCUMENT_TYPE, type), counts(counts),
                Map.of()));
    }

    private static List<EmbeddedMetrics.Metric> counts(WorkerOutcomes.Counts counts) {
        return List.of(count(MetricNames.POSTED, counts.posted()), count(MetricNames.HELD, counts.held()),
                count(MetricNames.RETRIED, counts.retried()), count(MetricNames.SKIPPED, counts.skipped()));
    }

    private static EmbeddedMetrics.Metric count(String name, long value) {
        return new EmbeddedMetrics.Metric(name, "Count", value);
    }
}
