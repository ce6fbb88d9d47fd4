package io.mlconnector.lambda;

import io.mlconnector.chargebee.ChargebeeException;
import io.mlconnector.reconcile.NotPosted;
import io.mlconnector.reconcile.Reconciler;
import io.mlconnector.store.HeldDocument;
import io.mlconnector.store.HeldDocuments;
import io.mlconnector.support.ReconciliationMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code reconcile} → {@link Reconciler}: the period compared through both APIs, with the held and skipped documents
 * (so they read HELD or SKIPPED with their reasons, not MISSING); the report written to the report store, the
 * differences published as the metric the alarm watches, and the answer as JSON.
 */
@ApplicationScoped
public class ReconcileAnswers {
    private final Reconciler reconciler;
    private final HeldDocuments held;
    private final ReconciliationMetrics metrics;

    public ReconcileAnswers(Reconciler reconciler, HeldDocuments held, ReconciliationMetrics metrics) {
        this.reconciler = reconciler;
        this.held = held;
        this.metrics = metrics;
    }

    Map<String, Object> answer(YearMonth period) {
        Reconciler.Answer run;
        try {
            run = reconciler.run(period, notPosted());
        } catch (ChargebeeException e) {
            return Map.of("error", "Chargebee did not answer the reconciliation's reads (" + e.status() + " "
                    + e.apiErrorCode() + ")" + (e.retryable() ? ": try again later" : ": run {\"ping\": true}"));
        }
        metrics.publishReconciliation((int) Math.min(Integer.MAX_VALUE, run.differences()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("period", run.period());
        answer.put("agrees", run.differences() == 0);
        answer.put("differences", run.differences());
        answer.put("counts", run.counts());
        answer.put("html", run.html().toString());
        answer.put("csv", run.csv().toString());
        answer.put("differing", run.differing());
        return answer;
    }

    private List<NotPosted> notPosted() {
        return held.list().stream()
                .filter(document -> !"event".equals(document.resourceType()))
                .map(document -> document.status() == HeldDocument.Status.SKIPPED
                        ? NotPosted.skipped(document.resourceType(), document.resourceId(),
                                "skipped by " + document.skippedBy() + ": " + document.skipReason())
                        : NotPosted.held(document.resourceType(), document.resourceId(), document.reason()))
                .toList();
    }
}
