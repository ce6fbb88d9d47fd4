package io.mlconnector.sandbox.chargebee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox started with a request-log file appends one JSON line per request, and no API key. */
class ChargebeeRequestLogFileTest {

    private static final String API_KEY = "test_CANARY_key_4f1c";
    private static final String WRONG_KEY = "test_CANARY_wrong_9d2e";

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void requestLogFile_shouldHoldOneJsonLinePerRequest_withItsOutcome(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logs/chargebee.jsonl");
        Instant before = Instant.now();
        try (ChargebeeSandbox sandbox = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults().withApiKey(API_KEY)
                .withRequestLog(file))) {
            get(sandbox, "/invoices?limit=2&status%5Bin%5D=%5Bpaid%5D", API_KEY);
            get(sandbox, "/customers/cust_missing", API_KEY);

            List<JsonNode> lines = read(file);

            assertEquals(2, lines.size(), "written as answered, before the sandbox stops");
            JsonNode list = lines.get(0);
            assertEquals("chargebee", list.get("sandbox").asText());
            assertEquals("GET", list.get("method").asText());
            assertEquals("/api/v2/invoices", list.get("path").asText());
            assertEquals("limit=2&status[in]=[paid]", list.get("query").asText());
            assertEquals(200, list.get("status").asInt());
            assertTrue(list.get("duration_ms").canConvertToLong() && list.get("duration_ms").asLong() >= 0);
            assertFalse(Instant.parse(list.get("time").asText()).isBefore(before.minusSeconds(1)));
            assertEquals(404, lines.get(1).get("status").asInt());
            assertEquals(sandbox.requests().size(), lines.size());
        }
    }

    @Test
    void requestLogFile_shouldNeverHoldTheApiKey_orAnyAuthorizationHeader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chargebee.jsonl");
        try (ChargebeeSandbox sandbox = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults().withApiKey(API_KEY)
                .withRequestLog(file))) {
            get(sandbox, "/customers", API_KEY);
            get(sandbox, "/customers", WRONG_KEY);
        }

        String written = Files.readString(file, StandardCharsets.UTF_8);
        List<JsonNode> lines = read(file);
        assertEquals(List.of(200, 401), lines.stream().map(l -> l.get("status").asInt()).toList());
        for (String secret : List.of(API_KEY, WRONG_KEY, basic(API_KEY), basic(WRONG_KEY), "Basic", "Authorization")) {
            assertFalse(written.contains(secret), "the file holds " + secret);
        }
    }

    @Test
    void requestLogFile_shouldAppend_whenTheFileAlreadyHoldsAnEarlierRun(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chargebee.jsonl");
        for (int run = 0; run < 2; run++) {
            try (ChargebeeSandbox sandbox = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults()
                    .withApiKey(API_KEY).withRequestLog(file))) {
                get(sandbox, "/customers", API_KEY);
            }
        }

        assertEquals(2, read(file).size());
    }

    private void get(ChargebeeSandbox sandbox, String pathAndQuery, String key) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
                .header("Authorization", "Basic " + basic(key)).GET().build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String basic(String key) {
        return Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    private List<JsonNode> read(Path file) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(mapper.readTree(line));
        }
        return lines;
    }
}
