package io.mlconnector.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The AWS Parameters and Secrets Lambda extension (HTTP on localhost, authenticated with the function's session
 * token): one place that reads from it, for secrets and for SSM parameters alike.
 */
public final class LambdaExtension {
    private final int port;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LambdaExtension(int port, ObjectMapper json) {
        this.port = port;
        this.json = json;
    }

    /**
     * GETs a path such as {@code /secretsmanager/get?secretId=...} and returns the JSON answer. Errors name only
     * {@code what} and the status: the answer may echo request details.
     */
    public JsonNode get(String pathAndQuery, String what) {
        String session = System.getenv("AWS_SESSION_TOKEN");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(5))
                .header("X-Aws-Parameters-Secrets-Token", session == null ? "" : session).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Lambda extension answered HTTP " + response.statusCode() + " for "
                        + what);
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Lambda extension unreachable for " + what + ": "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + what);
        }
    }
}
