package io.mlconnector.soak;

import java.time.Duration;
import java.util.List;

/**
 * One seed at one worker count: what broke, and what it cost.
 *
 * @param acumaticaCalls requests the Acumatica sandbox received (token grants included)
 * @param chargebeeCalls requests the Chargebee sandbox received
 * @param postedDocuments Acumatica documents at the end (void documents Acumatica makes itself left out)
 * @param chargebeeDocuments Chargebee invoices, credit notes and transactions of the seed
 */
public record SeedResult(long seed, int workers, List<Violation> violations, String scenario, List<KillSite> kills,
                         WorkerFleet.Drained drained, List<String> dlq, int acumaticaCalls, int chargebeeCalls,
                         int postedDocuments, int chargebeeDocuments, Duration wallTime) {

    public SeedResult {
        violations = List.copyOf(violations);
        kills = List.copyOf(kills);
        dlq = List.copyOf(dlq);
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    public long count(Violation.Invariant invariant) {
        return violations.stream().filter(v -> v.invariant() == invariant).count();
    }

    /** Several lines: the seed, its scenario and faults, then each violation. */
    public String describe() {
        StringBuilder text = new StringBuilder("seed " + seed + " at " + workers + " workers: "
                + (passed() ? "passed" : violations.size() + " violation(s)") + "\n  " + scenario
                + "\n  kills that fired: " + kills + "; " + drained + "\n  DLQ at the end: " + dlq);
        violations.forEach(v -> text.append("\n  - ").append(v));
        return text.toString();
    }
}
