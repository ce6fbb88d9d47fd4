package io.mlconnector.sandbox.chargebee;

import java.net.URI;
import java.util.Objects;

/**
 * A webhook endpoint as configured on a Chargebee site: URL, optional Basic-auth credentials, retry policy.
 * Chargebee webhooks are not signed; Basic auth (and/or a secret in the URL) is the only protection.
 *
 * @param url           where to POST
 * @param basicUser     Basic-auth user, or {@code null} to send no {@code Authorization} header
 * @param basicPassword Basic-auth password ({@code null} means empty)
 * @param retryPolicy   retries on non-2xx
 */
public record WebhookTarget(URI url, String basicUser, String basicPassword, WebhookRetryPolicy retryPolicy) {

    public WebhookTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    public static WebhookTarget of(URI url, String basicUser, String basicPassword) {
        return new WebhookTarget(url, basicUser, basicPassword, WebhookRetryPolicy.noRetries());
    }

    public WebhookTarget withRetryPolicy(WebhookRetryPolicy policy) {
        return new WebhookTarget(url, basicUser, basicPassword, policy);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "WebhookTarget[url=" + url + ", basicUser=" + basicUser + ", basicPassword=***, retryPolicy="
                + retryPolicy + "]";
    }
}
