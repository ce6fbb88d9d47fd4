package io.mlconnector.soak;

import io.mlconnector.lambda.HandlerProfiles;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The worker as deployed with the template's default timeout (120 s: claim lease 240 s, visibility timeout 780 s),
 * with its ports behind the {@link KillSwitch} and its clock virtual. The Chargebee budget is one the sandbox never
 * reaches: shuffled delivery fetches dependencies out of order, and the default 50 a minute would make each seed
 * wait on the budget instead of exercising the connector.
 */
public class SoakProfile extends HandlerProfiles.Worker {
    /** What template.yaml derives from the default worker timeout of 120 s. */
    public static final int WORKER_TIMEOUT_SECONDS = 120;
    public static final int CLAIM_LEASE_SECONDS = 240;
    public static final int VISIBILITY_TIMEOUT_SECONDS = 780;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("chargebee.rate-limit.requests", "100000");
        config.put("sync.claim-lease", CLAIM_LEASE_SECONDS + "s");
        config.put("quarkus.log.category.\"io.mlconnector\".level", "WARN");
        config.put("metrics.enabled", "false"); // a metrics line per batch, thousands a run, on standard output
        return config;
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(SoakPorts.class, SoakTime.class);
    }
}
