package io.mlconnector.sandbox.chargebee.fidelity;

import com.chargebee.Environment;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import java.time.Duration;
import java.util.Objects;

/**
 * A Chargebee SDK 3.30.0 {@link Environment} that sends every request to a {@link ChargebeeSandbox}.
 *
 * <p>Why a subclass: the SDK builds {@code protocol://{site}.{domainSuffix}/api/v2} from system properties, which
 * would need a host name that resolves to 127.0.0.1 (DNS tricks) and JVM-wide properties that other tests in the
 * same surefire JVM would see. But {@code Request} and {@code ListRequest} ask the environment they are given for
 * {@link #apiBaseUrl()} (a public, overridable method), so overriding it and passing the instance to
 * {@code .request(env)} points one SDK call at the sandbox and nothing else. No static SDK state is touched:
 * {@code Environment.configure(...)} is never called and no system property is written.
 */
final class SandboxSdkEnvironment extends Environment {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Long enough for any sandbox answer, short enough that a hung test fails instead of waiting 80 s. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private final String sandboxBaseUrl;

    private SandboxSdkEnvironment(String siteName, String apiKey, String sandboxBaseUrl) {
        super(siteName, apiKey);
        this.sandboxBaseUrl = Objects.requireNonNull(sandboxBaseUrl, "sandboxBaseUrl");
        this.connectTimeout = (int) CONNECT_TIMEOUT.toMillis();
        this.readTimeout = (int) READ_TIMEOUT.toMillis();
    }

    /** The sandbox's site with the key it accepts. */
    static SandboxSdkEnvironment of(ChargebeeSandbox sandbox, String apiKey) {
        return new SandboxSdkEnvironment(sandbox.siteName(), apiKey, sandbox.baseUrl());
    }

    @Override
    public String apiBaseUrl() {
        return sandboxBaseUrl;
    }

    /** Used by the SDK for endpoints on other sub-domains (e.g. ingest); the sandbox serves them all on one host. */
    @Override
    public String apiBaseUrlWithSubDomain(String subDomain) {
        return sandboxBaseUrl;
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "SandboxSdkEnvironment[site=" + siteName + ", baseUrl=" + sandboxBaseUrl + "]";
    }
}
