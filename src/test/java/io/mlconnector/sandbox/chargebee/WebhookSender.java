package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * POSTs events the way Chargebee does: the event object itself as the body, {@code application/json}, HTTP Basic
 * auth when the endpoint has credentials, retried on any non-2xx per the {@link WebhookRetryPolicy}.
 *
 * <p>Runs in the caller's thread, one event at a time, like Chargebee's sequential calls to one endpoint.
 */
final class WebhookSender {

    /** UNVERIFIED: the exact User-Agent real deliveries carry. */
    static final String USER_AGENT = "ChargeBee";

    private final HttpClient client;
    private final ObjectMapper mapper;

    WebhookSender(ObjectMapper mapper) {
        this.mapper = mapper;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    WebhookDelivery send(ObjectNode event, WebhookTarget target) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise event " + event.path("id").asText(), e);
        }
        String eventId = event.path("id").asText();
        List<Integer> statuses = new ArrayList<>();
        String lastFailure = null;
        int attemptsAllowed = 1 + target.retryPolicy().maxRetries();
        for (int attempt = 1; attempt <= attemptsAllowed; attempt++) {
            if (attempt > 1 && !sleep(target.retryPolicy().delayBetweenTries())) {
                break;
            }
            try {
                int status = client.send(request(target, body), HttpResponse.BodyHandlers.discarding()).statusCode();
                statuses.add(status);
                lastFailure = null;
                if (status >= 200 && status < 300) {
                    break;
                }
            } catch (IOException e) {
                statuses.add(WebhookDelivery.NO_RESPONSE);
                lastFailure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                statuses.add(WebhookDelivery.NO_RESPONSE);
                lastFailure = "interrupted";
                break;
            }
        }
        return new WebhookDelivery(eventId, statuses.get(statuses.size() - 1), statuses, lastFailure);
    }

    private static HttpRequest request(WebhookTarget target, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url())
                .timeout(target.retryPolicy().requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target.basicUser() != null) {
            request.header("Authorization", BasicAuth.header(target.basicUser(), target.basicPassword()));
        }
        return request.build();
    }

    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
