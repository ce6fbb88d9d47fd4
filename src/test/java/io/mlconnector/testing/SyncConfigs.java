package io.mlconnector.testing;

import io.mlconnector.config.SyncConfig;
import java.lang.reflect.Proxy;
import java.time.Duration;

/** {@link SyncConfig} for adapters built without Quarkus: only the durations the stores read. */
public final class SyncConfigs {
    private SyncConfigs() {}

    /** Anything else asked of it is a mistake and fails the test. */
    public static SyncConfig retaining(Duration dedupRetention, Duration auditRetention) {
        return (SyncConfig) Proxy.newProxyInstance(SyncConfig.class.getClassLoader(), new Class<?>[] {SyncConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "dedupRetention" -> dedupRetention;
                    case "auditRetention" -> auditRetention;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
