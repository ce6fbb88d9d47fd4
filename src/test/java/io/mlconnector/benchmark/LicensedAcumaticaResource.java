package io.mlconnector.benchmark;

import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.acumatica.AcumaticaSandboxOptions;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.StandInsResource;
import java.util.HashMap;
import java.util.Map;

/** The usual stand-ins, but Acumatica is a tenant whose licence allows 2 concurrent requests and 600 a minute. */
public class LicensedAcumaticaResource extends StandInsResource {
    static final int CONCURRENT_REQUESTS = 2;
    static final int REQUESTS_PER_MINUTE = 600;

    private AcumaticaSandbox licensed;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        licensed = AcumaticaSandbox.start(AcumaticaSandboxOptions.builder()
                .instancePath("/AcumaticaERP")
                .addClient(Sandboxes.ACUMATICA_CLIENT_ID, Sandboxes.ACUMATICA_CLIENT_SECRET)
                .addUser(Sandboxes.ACUMATICA_USER, Sandboxes.ACUMATICA_PASSWORD)
                .maxConcurrentRequests(CONCURRENT_REQUESTS)
                .maxRequestsPerMinute(REQUESTS_PER_MINUTE)
                .build());
        LicensedTenant.set(licensed);
        config.put("acumatica.base-url", licensed.baseUrl());
        return config;
    }

    @Override
    public void stop() {
        licensed.close();
    }

    /** Hands the running sandbox to the benchmark (the resource and the test share one JVM). */
    static final class LicensedTenant {
        private static AcumaticaSandbox current;

        private LicensedTenant() {}

        static synchronized void set(AcumaticaSandbox sandbox) {
            current = sandbox;
        }

        static synchronized AcumaticaSandbox get() {
            return current;
        }
    }
}
