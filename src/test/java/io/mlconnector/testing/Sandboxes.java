package io.mlconnector.testing;

import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.acumatica.AcumaticaSandboxOptions;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandboxOptions;
import java.util.Map;

/**
 * The Chargebee and Acumatica sandboxes one test JVM shares across Quarkus restarts, configured to accept the test
 * credentials in application.properties ({@code %test.credentials.local.*}). Tests reset and seed them.
 */
public final class Sandboxes {
    public static final String CHARGEBEE_API_KEY = "test_cb_key_CANARY_9f8e7d";
    public static final String ACUMATICA_CLIENT_ID = "3F2A9C1E-0000-4000-8000-000000000001@Company";
    public static final String ACUMATICA_CLIENT_SECRET = "acu-secret-CANARY-77aa";
    public static final String ACUMATICA_USER = "integration";
    public static final String ACUMATICA_PASSWORD = "acu-pass-CANARY-55bb";
    public static final String WEBHOOK_USER = "chargebee";
    public static final String WEBHOOK_PASSWORD = "hook-pass-CANARY-4c3b2a";

    private static Sandboxes shared;

    private final ChargebeeSandbox chargebee;
    private final AcumaticaSandbox acumatica;

    private Sandboxes(ChargebeeSandbox chargebee, AcumaticaSandbox acumatica) {
        this.chargebee = chargebee;
        this.acumatica = acumatica;
    }

    /** Test infrastructure only: one pair per JVM. */
    public static synchronized Sandboxes shared() {
        if (shared == null) {
            ChargebeeSandbox chargebee = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults()
                    .withSiteName("sandbox-test").withApiKey(CHARGEBEE_API_KEY));
            AcumaticaSandbox acumatica = AcumaticaSandbox.start(AcumaticaSandboxOptions.builder()
                    .instancePath("/AcumaticaERP")
                    .addClient(ACUMATICA_CLIENT_ID, ACUMATICA_CLIENT_SECRET)
                    .addUser(ACUMATICA_USER, ACUMATICA_PASSWORD)
                    .build());
            Sandboxes started = new Sandboxes(chargebee, acumatica);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                chargebee.close();
                acumatica.close();
            }));
            shared = started;
        }
        return shared;
    }

    public ChargebeeSandbox chargebee() {
        return chargebee;
    }

    public AcumaticaSandbox acumatica() {
        return acumatica;
    }

    public Map<String, String> config() {
        return Map.of("chargebee.base-url", chargebee.baseUrl(), "acumatica.base-url", acumatica.baseUrl());
    }

    public void reset() {
        chargebee.reset();
        chargebee.faults().clear();
        acumatica.reset();
        acumatica.faults().clear();
    }
}
