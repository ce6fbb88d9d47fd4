package io.mlconnector.testing;

import io.mlconnector.config.SyncConfig;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;

/** {@link SyncConfig} for classes built without Quarkus: only the durations they read. */
public final class SyncConfigs {
    private SyncConfigs() {}

    /** For the stores; anything else asked of it is a mistake and fails the test. */
    public static SyncConfig retaining(Duration dedupRetention, Duration auditRetention) {
        return of(Map.of("dedupRetention", dedupRetention, "auditRetention", auditRetention));
    }

    /** For the document lock, which reads the claim lease only. */
    public static SyncConfig leasing(Duration claimLease) {
        return of(Map.of("claimLease", claimLease));
    }

    private static SyncConfig of(Map<String, Duration> answers) {
        return (SyncConfig) Proxy.newProxyInstance(SyncConfig.class.getClassLoader(), new Class<?>[] {SyncConfig.class},
                (proxy, method, args) -> {
                    Duration answer = answers.get(method.getName());
                    if (answer == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answer;
                });
    }
}
