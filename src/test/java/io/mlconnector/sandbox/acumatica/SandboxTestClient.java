package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small HTTP client over the JDK HttpClient for the sandbox's own tests: the OAuth grants, the cookie sign-in, and
 * JSON calls to the contract-based API with the current bearer token or cookies. Thread-safe enough for parallel
 * GETs with one token (the token is only changed between phases of a test).
 */
final class SandboxTestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AcumaticaSandbox sandbox;
    private volatile String token;
    private volatile String cookies;

    SandboxTestClient(AcumaticaSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Password grant with the default client and user; keeps the access token for later calls. */
    JsonNode signInWithOAuth(String scope) throws Exception {
        HttpResponse<String> response = passwordGrant(scope);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        token = body.path("access_token").asText();
        return body;
    }

    HttpResponse<String> passwordGrant(String scope) throws Exception {
        return form(sandbox.tokenUrl(), Map.of("grant_type", "password",
                "client_id", AcumaticaSandboxOptions.DEFAULT_CLIENT_ID,
                "client_secret", AcumaticaSandboxOptions.DEFAULT_CLIENT_SECRET,
                "username", AcumaticaSandboxOptions.DEFAULT_USERNAME,
                "password", AcumaticaSandboxOptions.DEFAULT_PASSWORD, "scope", scope));
    }

    HttpResponse<String> refresh(String refreshToken) throws Exception {
        return form(sandbox.tokenUrl(), Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", AcumaticaSandboxOptions.DEFAULT_CLIENT_ID,
                "client_secret", AcumaticaSandboxOptions.DEFAULT_CLIENT_SECRET));
    }

    /** {@code POST /entity/auth/login} with a JSON body; on 204 keeps the returned cookies for later calls. */
    HttpResponse<String> signInWithCookies(String jsonBody) throws Exception {
        HttpResponse<String> response = send("POST", sandbox.baseUrl() + "/entity/auth/login", jsonBody);
        if (response.statusCode() == 204) {
            List<String> pairs = new ArrayList<>();
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                pairs.add(setCookie.split(";", 2)[0]);
            }
            cookies = String.join("; ", pairs);
            token = null;
        }
        return response;
    }

    HttpResponse<String> signOut() throws Exception {
        return send("POST", sandbox.baseUrl() + "/entity/auth/logout", null);
    }

    void useToken(String accessToken) {
        this.token = accessToken;
    }

    void useCookies(String cookieHeader) {
        this.cookies = cookieHeader;
    }

    String cookies() {
        return cookies;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", sandbox.endpointUrl() + "/" + path, null);
    }

    HttpResponse<String> put(String entity, String body) throws Exception {
        return send("PUT", sandbox.endpointUrl() + "/" + entity, body);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", sandbox.endpointUrl() + "/" + path, body);
    }

    /** PUT with {@code If-Match: *}: update only. */
    HttpResponse<String> putIfMatch(String entity, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.endpointUrl() + "/" + entity))
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("If-Match", "*");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (cookies != null) {
            builder.header("Cookie", cookies);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode putOk(String entity, String body) throws Exception {
        HttpResponse<String> response = put(entity, body);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        String bearer = token;
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        String cookieHeader = cookies;
        if (cookieHeader != null) {
            builder.header("Cookie", cookieHeader);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs {@code fields} form-encoded, without credentials. */
    HttpResponse<String> form(String url, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(encode(k)).append('=')
                .append(encode(v)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
