package io.mlconnector.soak;

import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.acumatica.FaultScope;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The faults of one seed: Acumatica latency with a long tail on creates, 5xx and 429 answers, writes committed whose
 * answer is lost or replaced by a 5xx, Chargebee 429s and 503s, and workers killed before or after a call.
 */
public record FaultPlan(List<AcumaticaFault> acumatica, int chargebeeRateLimited, int chargebeeUnavailable,
                        List<KillSite> kills) {

    /** One armed Acumatica fault. */
    public sealed interface AcumaticaFault {
        void armOn(AcumaticaSandbox sandbox);

        record Delay(FaultScope scope, Duration delay) implements AcumaticaFault {
            public void armOn(AcumaticaSandbox sandbox) {
                sandbox.faults().delayNext(1, delay, scope);
            }
        }

        record Fail(FaultScope scope, int status) implements AcumaticaFault {
            public void armOn(AcumaticaSandbox sandbox) {
                sandbox.faults().failNext(1, status, scope);
            }
        }

        record CommitThenDropResponse(FaultScope scope) implements AcumaticaFault {
            public void armOn(AcumaticaSandbox sandbox) {
                sandbox.faults().commitThenDropResponseNext(1, scope);
            }
        }

        record CommitThenFail(FaultScope scope, int status) implements AcumaticaFault {
            public void armOn(AcumaticaSandbox sandbox) {
                sandbox.faults().commitThenFailNext(1, status, scope);
            }
        }
    }

    private static final List<String> DOCUMENTS = List.of("SalesInvoice", "Payment", "Customer");
    private static final List<KillSite> KILL_POINTS = List.of(
            new KillSite("AcumaticaClient", "create", 1, KillSite.Moment.BEFORE),
            new KillSite("AcumaticaClient", "create", 1, KillSite.Moment.AFTER),
            new KillSite("AcumaticaClient", "invoke", 1, KillSite.Moment.BEFORE),
            new KillSite("AcumaticaClient", "invoke", 1, KillSite.Moment.AFTER),
            new KillSite("AcumaticaClient", "update", 1, KillSite.Moment.AFTER),
            new KillSite("ChargebeeClient", "eventsByIds", 1, KillSite.Moment.AFTER),
            new KillSite("ChargebeeClient", "invoice", 1, KillSite.Moment.AFTER),
            new KillSite("LedgerStore", "record", 1, KillSite.Moment.BEFORE),
            new KillSite("LedgerStore", "record", 1, KillSite.Moment.AFTER),
            new KillSite("ClaimStore", "complete", 1, KillSite.Moment.BEFORE),
            new KillSite("AuditLog", "record", 1, KillSite.Moment.BEFORE));

    public FaultPlan {
        acumatica = List.copyOf(acumatica);
        kills = List.copyOf(kills);
    }

    /** No faults at all. */
    public static FaultPlan none() {
        return new FaultPlan(List.of(), 0, 0, List.of());
    }

    public static FaultPlan draw(long seed) {
        Random random = new Random(seed * 131 + 17);
        List<AcumaticaFault> faults = new ArrayList<>();
        int delays = 2 + random.nextInt(6);
        for (int i = 0; i < delays; i++) {
            faults.add(new AcumaticaFault.Delay(FaultScope.of("PUT", pick(random, DOCUMENTS)), longTail(random)));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            faults.add(new AcumaticaFault.Fail(anyCall(random), random.nextBoolean() ? 500 : 503));
        }
        if (random.nextInt(3) == 0) {
            faults.add(new AcumaticaFault.Fail(anyCall(random), 429));
        }
        if (random.nextBoolean()) {
            faults.add(new AcumaticaFault.CommitThenDropResponse(FaultScope.of("PUT", pick(random, DOCUMENTS))));
        }
        if (random.nextBoolean()) {
            faults.add(new AcumaticaFault.CommitThenFail(anyCall(random), random.nextBoolean() ? 500 : 504));
        }
        List<KillSite> kills = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            KillSite point = pick(random, KILL_POINTS);
            kills.add(new KillSite(point.port(), point.method(), 1 + random.nextInt(4), point.moment()));
        }
        return new FaultPlan(faults, random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0,
                random.nextInt(4) == 0 ? 1 : 0, kills);
    }

    /** Arms the sandboxes' faults; the kills are armed on the {@link KillSwitch} by the caller. */
    public void armOn(AcumaticaSandbox acumaticaSandbox, ChargebeeSandbox chargebeeSandbox) {
        acumatica.forEach(fault -> fault.armOn(acumaticaSandbox));
        if (chargebeeRateLimited > 0) {
            chargebeeSandbox.faults().rateLimitNext(chargebeeRateLimited, 0);
        }
        if (chargebeeUnavailable > 0) {
            chargebeeSandbox.faults().serviceUnavailableNext(chargebeeUnavailable);
        }
    }

    /** Mostly a few milliseconds, sometimes tens, rarely a quarter of a second. */
    private static Duration longTail(Random random) {
        int draw = random.nextInt(100);
        long millis = draw < 80 ? 1 + random.nextInt(10) : draw < 95 ? 20 + random.nextInt(60)
                : 100 + random.nextInt(150);
        return Duration.ofMillis(millis);
    }

    /** A create, or a release action, on one of the documents. */
    private static FaultScope anyCall(Random random) {
        String entity = pick(random, DOCUMENTS);
        return random.nextBoolean() || entity.equals("Customer") ? FaultScope.of("PUT", entity)
                : FaultScope.of("POST", entity);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @Override
    public String toString() {
        return acumatica.size() + " Acumatica faults " + acumatica.stream().filter(f -> !(f instanceof AcumaticaFault.Delay))
                .toList() + ", Chargebee 429×" + chargebeeRateLimited + " 503×" + chargebeeUnavailable + ", kills "
                + kills;
    }
}
