package io.mlconnector.sandbox.chargebee;

import java.util.List;

/**
 * The outcome of delivering one event to one endpoint.
 *
 * @param eventId         the delivered event
 * @param status          HTTP status of the last attempt, or {@link #NO_RESPONSE} when it got no response
 * @param attemptStatuses status of every attempt, first to last
 * @param lastFailure     exception summary of the last attempt when it got no response, else {@code null}
 */
public record WebhookDelivery(String eventId, int status, List<Integer> attemptStatuses, String lastFailure) {

    public static final int NO_RESPONSE = 0;

    public WebhookDelivery {
        attemptStatuses = List.copyOf(attemptStatuses);
    }

    public int attempts() {
        return attemptStatuses.size();
    }

    /** Chargebee counts any 2xx as success. */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
