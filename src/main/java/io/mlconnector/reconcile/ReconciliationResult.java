package io.mlconnector.reconcile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Chargebee and Acumatica compared over one period: every document's check, open AR per customer and currency,
 * revenue per mapped account and currency, and totals per currency.
 */
public record ReconciliationResult(Period period, List<DocumentCheck> documents, List<Comparison> openAr,
                                   List<Comparison> revenue, List<Comparison> totals) {
    public ReconciliationResult {
        documents = List.copyOf(documents);
        openAr = List.copyOf(openAr);
        revenue = List.copyOf(revenue);
        totals = List.copyOf(totals);
    }

    /** Documents that differ (HELD included) plus figures that differ: zero when the books agree. */
    public long differences() {
        return documents.stream().filter(DocumentCheck::isDifference).count()
                + openAr.stream().filter(Comparison::differs).count()
                + revenue.stream().filter(Comparison::differs).count()
                + totals.stream().filter(Comparison::differs).count();
    }

    /** How many documents have each status (every status present, zero included). */
    public Map<CheckStatus, Long> countsByStatus() {
        Map<CheckStatus, Long> counts = new EnumMap<>(CheckStatus.class);
        for (CheckStatus status : CheckStatus.values()) {
            counts.put(status, 0L);
        }
        documents.forEach(d -> counts.merge(d.status(), 1L, Long::sum));
        return counts;
    }

    public List<DocumentCheck> withStatus(CheckStatus status) {
        return documents.stream().filter(d -> d.status() == status).toList();
    }
}
