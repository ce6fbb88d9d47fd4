package io.mlconnector.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/** Turns a Chargebee HTTP answer into a JSON tree or one of the typed {@link ChargebeeException}s: the one status switch. */
final class ChargebeeResponses {
    private static final Pattern DB_COMMUNICATION = Pattern.compile("(?i)db communication failure|try after some time");

    private final ObjectMapper json;
    private final Duration retryAfterCap;
    private final String siteDescription;

    ChargebeeResponses(ObjectMapper json, Duration retryAfterCap, String siteDescription) {
        this.json = json;
        this.retryAfterCap = retryAfterCap;
        this.siteDescription = siteDescription;
    }

    JsonNode read(String operation, Response response) {
        try (response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            int status = response.getStatus();
            if (status == 200) {
                return parse(operation, status, body);
            }
            throw failure(operation, status, errorBody(body), response.getHeaderString("Retry-After"));
        }
    }

    private JsonNode parse(String operation, int status, String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new ChargebeeException.Transient(operation, status, "", "response was not JSON", null);
        }
    }

    private JsonNode errorBody(String body) {
        try {
            return body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private ChargebeeException failure(String operation, int status, JsonNode error, String retryAfterHeader) {
        String code = error.path("api_error_code").asText(error.path("error_code").asText(""));
        String message = error.path("message").asText("no message");
        return switch (status) {
            case 429 -> new ChargebeeException.Transient(operation, status, code, "rate limited by Chargebee",
                    retryAfter(retryAfterHeader));
            case 401, 403 -> new ChargebeeException.AuthFailed(operation, status, code,
                    "Chargebee refused the API key for " + siteDescription);
            case 404 -> "site_not_found".equals(code)
                    ? new ChargebeeException.AuthFailed(operation, status, code, "no such Chargebee site: " + siteDescription)
                    : new ChargebeeException.NotFound(operation, status, code, message);
            case 400 -> "configuration_incompatible".equals(code)
                    ? new ChargebeeException.Rejected(operation, status, code, "the site " + siteDescription
                            + " does not run Product Catalog 2.0, the catalog the connector reads")
                    : DB_COMMUNICATION.matcher(message).find()
                            ? new ChargebeeException.Transient(operation, status, code, message, null)
                            : new ChargebeeException.Rejected(operation, status, code, message);
            default -> status >= 500 || DB_COMMUNICATION.matcher(message).find()
                    ? new ChargebeeException.Transient(operation, status, code, message, null)
                    : new ChargebeeException.Rejected(operation, status, code, message);
        };
    }

    /** Retry-After in seconds (what Chargebee sends), capped; 60 s when a 429 carries none, as Chargebee's limits reset per minute. */
    private Duration retryAfter(String header) {
        Duration wait = Duration.ofSeconds(60);
        if (header != null) {
            try {
                wait = Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
            } catch (NumberFormatException ignored) {
                // An HTTP-date form is not used by Chargebee; keep the per-minute default.
            }
        }
        return wait.compareTo(retryAfterCap) > 0 ? retryAfterCap : wait;
    }
}
