package io.mlconnector.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The results of many seeds, summed per worker count, printed for a person. */
public final class SoakReport {
    private final Map<Integer, List<SeedResult>> byWorkers = new TreeMap<>();

    public synchronized void add(SeedResult result) {
        byWorkers.computeIfAbsent(result.workers(), w -> new ArrayList<>()).add(result);
    }

    public synchronized List<SeedResult> failures() {
        return byWorkers.values().stream().flatMap(List::stream).filter(r -> !r.passed()).toList();
    }

    /** One block per worker count, then every failing seed with its violations. */
    public synchronized String render() {
        StringBuilder text = new StringBuilder("\n==== soak: seeded simulation ====\n");
        byWorkers.forEach((workers, results) -> {
            List<SeedResult> failed = results.stream().filter(r -> !r.passed()).toList();
            long posted = results.stream().mapToLong(SeedResult::postedDocuments).sum();
            long documents = results.stream().mapToLong(SeedResult::chargebeeDocuments).sum();
            double seconds = results.stream().mapToDouble(r -> r.wallTime().toNanos() / 1e9).sum();
            text.append(String.format(Locale.ROOT, "%2d workers: %d seeds, %d failed%s%n", workers, results.size(),
                    failed.size(), failed.isEmpty() ? "" : " " + failed.stream().map(r -> Long.toString(r.seed()))
                            .collect(Collectors.joining(",", "[", "]"))));
            text.append(String.format(Locale.ROOT, "    duplicates %d, missing %d, unexpected %d, reconciliation %d,"
                            + " stale customers %d, unexplained %d, unfinished %d%n",
                    sum(results, Violation.Invariant.DUPLICATE), sum(results, Violation.Invariant.MISSING),
                    sum(results, Violation.Invariant.UNEXPECTED), sum(results, Violation.Invariant.RECONCILIATION),
                    sum(results, Violation.Invariant.STALE_CUSTOMER), sum(results, Violation.Invariant.UNEXPLAINED),
                    sum(results, Violation.Invariant.UNFINISHED)));
            text.append(String.format(Locale.ROOT, "    Acumatica calls per posted document %.2f, Chargebee calls per"
                            + " document %.2f, kills %d, crashed invocations %d, %.3f s per seed%n",
                    ratio(results.stream().mapToLong(SeedResult::acumaticaCalls).sum(), posted),
                    ratio(results.stream().mapToLong(SeedResult::chargebeeCalls).sum(), documents),
                    results.stream().mapToLong(r -> r.drained().killed()).sum(),
                    results.stream().mapToLong(r -> r.drained().crashed()).sum(), seconds / results.size()));
        });
        List<SeedResult> failures = failures();
        if (!failures.isEmpty()) {
            text.append("---- failing seeds (reproduce one with -Dsoak.seed=K) ----\n");
            failures.forEach(r -> text.append(r.describe()).append('\n'));
        }
        return text.toString();
    }

    private static long sum(List<SeedResult> results, Violation.Invariant invariant) {
        return results.stream().mapToLong(r -> r.count(invariant)).sum();
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
