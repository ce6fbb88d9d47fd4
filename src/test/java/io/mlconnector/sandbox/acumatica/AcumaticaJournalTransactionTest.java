package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static io.mlconnector.sandbox.acumatica.SandboxTestClient.JSON;
import static io.mlconnector.sandbox.acumatica.SandboxTestClient.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code JournalTransaction}: GL batches created by PUT, validated, read back, and released (or refused). */
class AcumaticaJournalTransactionTest {

    private static final AcumaticaContract CONTRACT = AcumaticaContract.load();
    private static final Instant T0 = Instant.parse("2024-05-31T08:00:00Z");

    private AcumaticaSandbox sandbox;
    private SandboxTestClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = AcumaticaSandbox.start(AcumaticaSandboxOptions.builder().contract(CONTRACT)
                .clock(SandboxClock.frozenAt(T0)).randomSeed(11).build());
        client = new SandboxTestClient(sandbox);
        client.signInWithOAuth("api");
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void put_shouldCreateANumberedBalancedGlBatch_withDefaults() throws Exception {
        HttpResponse<String> response = client.put("JournalTransaction?$expand=Details",
                batch("Gateway fees May 2024", "3.2", "3.2"));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode batch = JSON.readTree(response.body());
        assertEquals("000001", text(batch, "BatchNbr"));
        assertEquals("GL", text(batch, "Module"));
        assertEquals("Balanced", text(batch, "Status"));
        assertEquals("USD", text(batch, "CurrencyID"));
        assertEquals("2024-05-31T00:00:00+00:00", text(batch, "TransactionDate"));
        JsonNode lines = batch.path("Details");
        assertEquals(2, lines.size());
        assertEquals(1, lines.get(0).path("LineNbr").path("value").asInt());
        assertEquals("000-000", text(lines.get(0), "Subaccount"));
        assertEquals(0, lines.get(1).path("DebitAmount").path("value").decimalValue().signum());
        assertEquals(List.of(), CONTRACT.validate("JournalTransaction", batch));
    }

    @Test
    void get_shouldFindByModuleAndBatchNbrAndById_andListByDescription() throws Exception {
        String id = client.putOk("JournalTransaction", batch("Fees April", "1", "1")).path("id").asText();
        client.putOk("JournalTransaction", batch("Fees May", "2", "2"));

        JsonNode byKeys = JSON.readTree(client.get("JournalTransaction/GL/000001?$expand=Details").body());
        JsonNode byId = JSON.readTree(client.get("JournalTransaction/" + id).body());
        JsonNode found = JSON.readTree(client.get("JournalTransaction?$filter="
                + encode("Description eq 'Fees May'")).body());

        assertEquals(2, byKeys.path("Details").size());
        assertEquals("000001", text(byId, "BatchNbr"));
        assertEquals(1, found.size());
        assertEquals("000002", text(found.get(0), "BatchNbr"));
        assertEquals(List.of(), CONTRACT.validate("JournalTransaction", byKeys));
        assertEquals(500, client.get("JournalTransaction/GL/000404").statusCode());
    }

    @Test
    void put_shouldAnswer422OnTheLines_forUnknownAccountsAndSubaccounts_andSaveNothing() throws Exception {
        HttpResponse<String> response = client.put("JournalTransaction", """
                {"Description": {"value": "bad"}, "Details": [
                  {"Account": {"value": "99999"}, "DebitAmount": {"value": 1}},
                  {"Account": {"value": "10200"}, "Subaccount": {"value": "999-999"},
                   "CreditAmount": {"value": 1}}]}""");

        assertEquals(422, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("'Account' cannot be found in the system.",
                body.path("Details").get(0).path("Account").path("error").asText());
        assertEquals("'Subaccount' cannot be found in the system.",
                body.path("Details").get(1).path("Subaccount").path("error").asText());
        assertTrue(body.path("error").asText().contains("Details[0].Account"));
        assertEquals(List.of(), CONTRACT.validate("JournalTransaction", body));
        assertEquals(0, sandbox.journalTransactions().size());
        assertEquals("000001", text(client.putOk("JournalTransaction", batch("ok", "1", "1")), "BatchNbr"));
    }

    @Test
    void release_shouldRefuseAnUnbalancedBatch_andPostABalancedOne() throws Exception {
        client.putOk("JournalTransaction", batch("unbalanced", "10", "9.99"));
        client.putOk("JournalTransaction", batch("balanced", "10", "10"));

        HttpResponse<String> refused = client.post("JournalTransaction/ReleaseJournalTransaction", keys("000001"));
        HttpResponse<String> accepted = client.post("JournalTransaction/ReleaseJournalTransaction", keys("000002"));

        assertEquals(422, refused.statusCode());
        JsonNode refusedBody = JSON.readTree(refused.body());
        assertEquals("Batch is out of balance, please review.", refusedBody.path("error").asText());
        assertEquals(List.of(), CONTRACT.validate("JournalTransaction", refusedBody));
        assertEquals("Balanced", text(sandbox.journalTransaction("GL", "000001").orElseThrow(), "Status"));
        assertEquals(202, accepted.statusCode());
        String statusUrl = URI.create(sandbox.baseUrl())
                .resolve(accepted.headers().firstValue("Location").orElseThrow()).toString();
        assertEquals(202, client.send("GET", statusUrl, null).statusCode());
        assertEquals(204, client.send("GET", statusUrl, null).statusCode());
        assertEquals("Posted", text(sandbox.journalTransaction("GL", "000002").orElseThrow(), "Status"));
    }

    @Test
    void releasedBatch_shouldRefuseChangesAndASecondRelease_butAcceptAReplay() throws Exception {
        sandbox.setReleasePollsBeforeCompletion(0);
        client.putOk("JournalTransaction", batch("fees", "5", "5"));
        assertEquals(204, client.post("JournalTransaction/ReleaseJournalTransaction", keys("000001")).statusCode());

        HttpResponse<String> again = client.post("JournalTransaction/ReleaseJournalTransaction", keys("000001"));
        HttpResponse<String> replay = client.put("JournalTransaction", """
                {"Module": {"value": "GL"}, "BatchNbr": {"value": "000001"}, "Description": {"value": "fees"}}""");
        HttpResponse<String> changed = client.put("JournalTransaction", """
                {"Module": {"value": "GL"}, "BatchNbr": {"value": "000001"}, "Description": {"value": "other"}}""");

        assertEquals(422, again.statusCode());
        assertEquals("Document Status is invalid for processing.", JSON.readTree(again.body()).path("error").asText());
        assertEquals(200, replay.statusCode());
        assertEquals(422, changed.statusCode());
    }

    @Test
    void release_shouldRefuseABatchOnHold() throws Exception {
        client.putOk("JournalTransaction", batch("held", "1", "1").replace("\"Details\"",
                "\"Hold\": {\"value\": true}, \"Details\""));

        HttpResponse<String> refused = client.post("JournalTransaction/ReleaseJournalTransaction", keys("000001"));

        assertEquals(422, refused.statusCode());
        assertEquals("Document is On Hold and cannot be released.",
                JSON.readTree(refused.body()).path("error").asText());
        assertFalse(sandbox.journalTransactions().isEmpty());
    }

    private static String batch(String description, String debit, String credit) {
        return """
                {"Module": {"value": "GL"}, "Description": {"value": "%s"}, "CurrencyID": {"value": "USD"},
                 "Details": [
                   {"Account": {"value": "63000"}, "DebitAmount": {"value": %s}, "Description": {"value": "fee"},
                    "ReferenceNbr": {"value": "txn_1"}},
                   {"Account": {"value": "10600"}, "CreditAmount": {"value": %s}}]}"""
                .formatted(description, debit, credit);
    }

    private static String keys(String batchNbr) {
        return "{\"entity\": {\"Module\": {\"value\": \"GL\"}, \"BatchNbr\": {\"value\": \"" + batchNbr + "\"}}}";
    }

    private static String text(JsonNode record, String field) {
        return record.path(field).path("value").asText();
    }
}
