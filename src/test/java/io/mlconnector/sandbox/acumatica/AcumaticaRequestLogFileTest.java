package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sandbox started with a request-log file appends one JSON line per request, with the entity and action it
 * addressed, and never a credential: not the client secret or password of a token request, not the tokens it
 * answered, not a cookie sign-in's password or cookies.
 */
class AcumaticaRequestLogFileTest {

    private static final AcumaticaContract CONTRACT = AcumaticaContract.load();
    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");
    private static final String CLIENT_ID = "CANARY-CLIENT@SandboxTenant";
    private static final String CLIENT_SECRET = "CANARY-secret-7c41e0";
    private static final String USERNAME = "canary";
    private static final String PASSWORD = "CANARY-password-52ab9f";

    private AcumaticaSandbox sandbox;

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void requestLogFile_shouldHoldOneJsonLinePerRequest_withEntityAndAction(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acumatica.jsonl");
        SandboxTestClient client = start(file);
        client.useToken(passwordGrant(client).path("access_token").asText());
        client.get("Customer?$filter=" + SandboxTestClient.encode("CustomerID eq 'C1'"));
        client.post("SalesInvoice/ReleaseSalesInvoice",
                "{\"entity\": {\"Type\": {\"value\": \"Invoice\"}, \"ReferenceNbr\": {\"value\": \"NONE\"}}}");

        List<JsonNode> lines = read(file);

        assertEquals(3, lines.size());
        JsonNode token = lines.get(0);
        assertEquals("POST", token.get("method").asText());
        assertEquals("/identity/connect/token", token.get("path").asText());
        assertEquals(200, token.get("status").asInt());
        assertFalse(token.has("entity"));
        JsonNode query = lines.get(1);
        assertEquals("acumatica", query.get("sandbox").asText());
        assertEquals("GET", query.get("method").asText());
        assertEquals("/entity/Default/24.200.001/Customer", query.get("path").asText());
        assertEquals("$filter=CustomerID eq 'C1'", query.get("query").asText());
        assertEquals(200, query.get("status").asInt());
        assertEquals("Customer", query.get("entity").asText());
        assertNull(query.get("action"));
        assertEquals(T0, Instant.parse(query.get("time").asText()), "the sandbox clock, as in requests()");
        assertTrue(query.get("duration_ms").asLong() >= 0);
        JsonNode release = lines.get(2);
        assertEquals("SalesInvoice", release.get("entity").asText());
        assertEquals("ReleaseSalesInvoice", release.get("action").asText());
        assertEquals(sandbox.requests().get(2).status(), release.get("status").asInt());
    }

    @Test
    void requestLogFile_shouldNeverHoldASecret_whenTokensAndCookiesAreIssuedAndUsed(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("acumatica.jsonl");
        SandboxTestClient client = start(file);
        JsonNode tokens = passwordGrant(client);
        client.useToken(tokens.path("access_token").asText());
        client.get("Customer");
        HttpResponse<String> refreshed = client.form(sandbox.tokenUrl(), Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.path("refresh_token").asText(), "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET));
        HttpResponse<String> signIn = client.signInWithCookies("{\"name\": \"" + USERNAME + "\", \"password\": \""
                + PASSWORD + "\"}");
        client.get("Customer?client_secret=" + CLIENT_SECRET); // a client that misplaces a secret
        client.signOut();

        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals(204, signIn.statusCode(), signIn.body());
        String written = Files.readString(file, StandardCharsets.UTF_8);
        List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET, PASSWORD,
                tokens.path("access_token").asText(), tokens.path("refresh_token").asText(),
                SandboxTestClient.JSON.readTree(refreshed.body()).path("access_token").asText(),
                SandboxTestClient.JSON.readTree(refreshed.body()).path("refresh_token").asText(), "Bearer"));
        for (String cookie : client.cookies().split("; ")) {
            secrets.add(cookie.substring(cookie.indexOf('=') + 1));
        }
        for (String secret : secrets) {
            assertFalse(secret.isBlank(), "a credential to look for");
            assertFalse(written.contains(secret), "the file holds " + secret);
        }
        assertEquals(6, read(file).size());
        assertTrue(written.contains("client_secret=***"), written);
    }

    private SandboxTestClient start(Path requestLog) {
        sandbox = AcumaticaSandbox.start(AcumaticaSandboxOptions.builder()
                .contract(CONTRACT)
                .clock(SandboxClock.frozenAt(T0))
                .randomSeed(7)
                .clients(List.of(new AcumaticaSandboxOptions.OAuthClient(CLIENT_ID, CLIENT_SECRET)))
                .users(List.of(new AcumaticaSandboxOptions.ApiUser(USERNAME, PASSWORD)))
                .requestLog(requestLog)
                .build());
        return new SandboxTestClient(sandbox);
    }

    private JsonNode passwordGrant(SandboxTestClient client) throws Exception {
        HttpResponse<String> granted = client.form(sandbox.tokenUrl(), Map.of("grant_type", "password",
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "username", USERNAME, "password", PASSWORD,
                "scope", "api offline_access"));
        assertEquals(200, granted.statusCode(), granted.body());
        return SandboxTestClient.JSON.readTree(granted.body());
    }

    private static List<JsonNode> read(Path file) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(SandboxTestClient.JSON.readTree(line));
        }
        return lines;
    }
}
