package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behaviour of the Acumatica sandbox, driven over HTTP with the JDK client the way the connector drives it, and
 * checked against the official contract where bodies are involved.
 */
class AcumaticaSandboxTest {

    /** Parsing the 2.5 MB contract once per class keeps each test's sandbox start cheap. */
    private static final AcumaticaContract CONTRACT = AcumaticaContract.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    private AcumaticaSandbox sandbox;
    private Client client;

    @BeforeEach
    void startSandbox() {
        sandbox = AcumaticaSandbox.start(AcumaticaSandboxOptions.builder()
                .contract(CONTRACT)
                .clock(SandboxClock.frozenAt(T0))
                .randomSeed(42)
                .build());
        client = new Client(sandbox.baseUrl(), sandbox.endpointUrl());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.stop();
    }

    // ------------------------------------------------------------------ discovery and auth

    @Test
    void endpointList_shouldListPublishedDefaultVersionsAndBuild_withoutAuthentication() throws Exception {
        HttpResponse<String> response = client.send("GET", sandbox.baseUrl() + "/entity", null);

        assertEquals(200, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("24.200.0123", body.path("version").path("acumaticaBuildVersion").asText());
        List<String> versions = new ArrayList<>();
        body.path("endpoints").forEach(e -> versions.add(e.path("name").asText() + "/" + e.path("version").asText()));
        assertTrue(versions.contains("Default/24.200.001"));
        assertTrue(versions.contains("Default/23.200.001"));
        body.path("endpoints").forEach(e -> assertEquals("/entity/" + e.path("name").asText() + "/"
                + e.path("version").asText() + "/", e.path("href").asText()));
    }

    @Test
    void entityCall_shouldAnswer401WithHttpError_whenNoBearerToken() throws Exception {
        HttpResponse<String> response = client.send("GET", sandbox.endpointUrl() + "/Customer", null);

        assertEquals(401, response.statusCode());
        assertEquals(List.of(), CONTRACT.validate("HttpError", JSON.readTree(response.body())));
    }

    @Test
    void passwordGrant_shouldIssueBearerTokens_whenScopeHasApiAndOfflineAccess() throws Exception {
        JsonNode token = client.passwordGrant("api offline_access");

        assertEquals("Bearer", token.path("token_type").asText());
        assertEquals(3600, token.path("expires_in").asInt());
        assertEquals("api offline_access", token.path("scope").asText());
        assertFalse(token.path("refresh_token").asText().isEmpty());
        assertEquals(200, client.send("GET", sandbox.endpointUrl() + "/Customer", null).statusCode());
    }

    @Test
    void passwordGrant_shouldIssueNoRefreshToken_whenOfflineAccessNotRequested() throws Exception {
        JsonNode token = client.passwordGrant("api");

        assertFalse(token.has("refresh_token"));
    }

    @Test
    void tokenEndpoint_shouldAnswerOAuthErrors_forBadClientUserOrScope() throws Exception {
        String clientId = AcumaticaSandboxOptions.DEFAULT_CLIENT_ID;
        assertOAuthError(client.token(Map.of("grant_type", "password", "client_id", clientId,
                "client_secret", "wrong", "username", "admin", "password", "sandbox-password", "scope", "api")),
                "invalid_client");
        assertOAuthError(client.token(Map.of("grant_type", "password", "client_id", clientId,
                "client_secret", "sandbox-client-secret", "username", "admin", "password", "wrong", "scope", "api")),
                "invalid_grant");
        assertOAuthError(client.token(Map.of("grant_type", "password", "client_id", clientId,
                "client_secret", "sandbox-client-secret", "username", "admin", "password", "sandbox-password",
                "scope", "offline_access")), "invalid_scope");
        assertOAuthError(client.token(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", "sandbox-client-secret")), "unsupported_grant_type");
    }

    @Test
    void refreshGrant_shouldRotateTheRefreshToken_andRejectTheOldOne() throws Exception {
        String first = client.passwordGrant("api offline_access").path("refresh_token").asText();

        HttpResponse<String> refreshed = client.refresh(first);
        assertEquals(200, refreshed.statusCode());
        String second = JSON.readTree(refreshed.body()).path("refresh_token").asText();

        assertNotEquals(first, second);
        assertOAuthError(client.refresh(first), "invalid_grant");
        assertEquals(200, client.refresh(second).statusCode());
    }

    @Test
    void accessToken_shouldStopWorking_whenTheClockPassesItsLifetime() throws Exception {
        client.passwordGrant("api");
        assertEquals(200, client.send("GET", sandbox.endpointUrl() + "/Customer", null).statusCode());

        sandbox.clock().advance(Duration.ofSeconds(3600));

        assertEquals(401, client.send("GET", sandbox.endpointUrl() + "/Customer", null).statusCode());
    }

    // ------------------------------------------------------------------ customers and value objects

    @Test
    void customerPut_shouldCreateThenUpdate_matchingCustomerIdIgnoringCase() throws Exception {
        client.passwordGrant("api");
        HttpResponse<String> created = client.put("Customer", "", """
                {"CustomerID": {"value": "cus_42"}, "CustomerName": {"value": "Acme Ltd"},
                 "MainContact": {"Email": {"value": "billing@acme.test"}}}""");
        assertEquals(200, created.statusCode());
        JsonNode customer = JSON.readTree(created.body());
        assertEquals("CUS_42", customer.path("CustomerID").path("value").asText());
        assertEquals("Active", customer.path("Status").path("value").asText());
        assertEquals("USD", customer.path("CurrencyID").path("value").asText());
        assertFalse(customer.has("MainContact"), "linked entities come back only when expanded");
        assertEquals(List.of(), CONTRACT.validate("Customer", customer));

        HttpResponse<String> updated = client.put("Customer", "", """
                {"CustomerID": {"value": "CUS_42"}, "CustomerName": {"value": "Acme Limited"}}""");

        assertEquals(200, updated.statusCode());
        assertEquals(customer.path("id").asText(), JSON.readTree(updated.body()).path("id").asText());
        assertEquals(1, sandbox.customers().size());
        assertEquals("Acme Limited", sandbox.customer("cus_42").orElseThrow()
                .path("CustomerName").path("value").asText());
        assertEquals("billing@acme.test", sandbox.customer("CUS_42").orElseThrow()
                .path("MainContact").path("Email").path("value").asText());
    }

    @Test
    void customerPut_shouldAnswer422WithErrorOnCustomerId_whenTheKeyIsMissing() throws Exception {
        client.passwordGrant("api");

        HttpResponse<String> response = client.put("Customer", "", """
                {"CustomerName": {"value": "No key"}}""");

        assertEquals(422, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertFalse(body.path("CustomerID").path("error").asText().isEmpty());
        assertFalse(body.path("error").asText().isEmpty());
        assertEquals(0, sandbox.customers().size());
    }

    @Test
    void customerPut_shouldAnswer422OnTerms_whenTheTenantHasNoSuchCreditTerms_andTakeTheClassTermsWhenNoneAreSent()
            throws Exception {
        client.passwordGrant("api");

        HttpResponse<String> invented = client.put("Customer", "", """
                {"CustomerID": {"value": "CUS_NET45"}, "CustomerName": {"value": "Net 45"},
                 "Terms": {"value": "NET45"}}""");
        HttpResponse<String> classTerms = client.put("Customer", "", """
                {"CustomerID": {"value": "CUS_CLASS"}, "CustomerName": {"value": "Class terms"}}""");

        assertEquals(422, invented.statusCode());
        assertEquals("'Terms' cannot be found in the system.",
                JSON.readTree(invented.body()).path("Terms").path("error").asText());
        assertEquals(200, classTerms.statusCode(), classTerms.body());
        assertEquals("30D", sandbox.customer("CUS_CLASS").orElseThrow().path("Terms").path("value").asText());
    }

    @Test
    void put_shouldAnswer400NamingTheField_whenAValueIsNotWrapped() throws Exception {
        client.passwordGrant("api");

        HttpResponse<String> response = client.put("Customer", "", """
                {"CustomerID": "C1", "CustomerName": {"value": "Flat"}}""");

        assertEquals(400, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertTrue(body.path("modelState").has("entity.CustomerID"), response.body());
        assertEquals(List.of(), CONTRACT.validate("HttpError", body));
        assertEquals(0, sandbox.customers().size());
    }

    @Test
    void put_shouldIgnoreFieldsUnknownToTheContract_andNameThemInAHeader() throws Exception {
        client.passwordGrant("api");

        HttpResponse<String> response = client.put("Customer", "", """
                {"CustomerID": {"value": "C1"}, "CustomerName": {"value": "X"}, "Nickname": {"value": "x"}}""");

        assertEquals(200, response.statusCode());
        assertEquals("Nickname", response.headers().firstValue("X-Sandbox-Ignored-Fields").orElse(""));
        assertFalse(sandbox.customer("C1").orElseThrow().has("Nickname"));
    }

    // ------------------------------------------------------------------ sales invoices

    @Test
    void salesInvoicePut_shouldCreateNumberedBalancedInvoiceWithTotals() throws Exception {
        givenCustomer("CUS_1", "USD");

        HttpResponse<String> response = client.put("SalesInvoice", "?$expand=Details", invoiceBody("cb_inv_1"));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode invoice = JSON.readTree(response.body());
        assertEquals("INV000001", invoice.path("ReferenceNbr").path("value").asText());
        assertEquals("Balanced", invoice.path("Status").path("value").asText());
        assertEquals(0, invoice.path("DetailTotal").path("value").decimalValue().compareTo(new BigDecimal("109.99")));
        assertEquals(0, invoice.path("TaxTotal").path("value").decimalValue().compareTo(new BigDecimal("8.80")));
        assertEquals(0, invoice.path("Amount").path("value").decimalValue().compareTo(new BigDecimal("118.79")));
        assertEquals(invoice.path("Amount"), invoice.path("Balance"));
        assertEquals("40000", invoice.path("Details").get(0).path("Account").path("value").asText());
        assertEquals("2024-05-01T00:00:00+00:00", invoice.path("Date").path("value").asText());
        assertEquals(List.of(), CONTRACT.validate("SalesInvoice", invoice));
    }

    @Test
    void salesInvoicePut_shouldStoreTheDateAsSentWithoutAnOffset_whateverTheApiUsersTimeZone() throws Exception {
        givenCustomer("CUS_1", "USD");
        sandbox.setUserTimeZone(java.time.ZoneId.of("America/Los_Angeles"));

        JsonNode invoice = JSON.readTree(client.put("SalesInvoice", "", invoiceBody("cb_inv_la")
                .replace("\"2024-05-01\"", "\"2026-01-31T00:00:00\"")).body());

        assertEquals("2026-01-31T00:00:00-08:00", invoice.path("Date").path("value").asText());
        assertEquals("2026-01-31T00:00:00-08:00", invoice.path("DueDate").path("value").asText());
        assertEquals(List.of(), CONTRACT.validate("SalesInvoice", invoice));
    }

    @Test
    void salesInvoicePut_shouldConvertADateSentWithAnOffsetToTheApiUsersTimeZone_beforeDroppingTheTime()
            throws Exception {
        givenCustomer("CUS_1", "USD");
        sandbox.setUserTimeZone(java.time.ZoneId.of("America/Los_Angeles"));

        JsonNode invoice = JSON.readTree(client.put("SalesInvoice", "", invoiceBody("cb_inv_utc")
                .replace("\"2024-05-01\"", "\"2026-01-31T00:00:00Z\"")).body());

        assertEquals("2026-01-30T00:00:00-08:00", invoice.path("Date").path("value").asText(),
                "midnight UTC is 16:00 the day before in Los Angeles");
    }

    @Test
    void salesInvoicePut_shouldStoreTheSameDate_withOrWithoutAnOffset_whenTheApiUserIsInUtc() throws Exception {
        givenCustomer("CUS_1", "USD");

        for (String sent : List.of("2026-01-31T00:00:00", "2026-01-31T00:00:00Z", "2026-01-31")) {
            JsonNode invoice = JSON.readTree(client.put("SalesInvoice", "", invoiceBody("cb_" + sent)
                    .replace("\"2024-05-01\"", "\"" + sent + "\"")).body());

            assertEquals("2026-01-31T00:00:00+00:00", invoice.path("Date").path("value").asText(), sent);
        }
    }

    @Test
    void salesInvoiceResponses_shouldOmitDetails_unlessExpanded() throws Exception {
        givenCustomer("CUS_1", "USD");

        JsonNode created = JSON.readTree(client.put("SalesInvoice", "", invoiceBody("cb_inv_1")).body());
        JsonNode fetched = JSON.readTree(client.get("SalesInvoice/Invoice/INV000001", "").body());
        JsonNode expanded = JSON.readTree(client.get("SalesInvoice/Invoice/INV000001", "?$expand=Details").body());

        assertFalse(created.has("Details"));
        assertFalse(fetched.has("Details"));
        assertEquals(2, expanded.path("Details").size());
    }

    @Test
    void salesInvoicePut_shouldNumberEachTypeFromItsOwnSequence() throws Exception {
        givenCustomer("CUS_1", "USD");
        client.put("SalesInvoice", "", invoiceBody("cb_inv_1"));

        HttpResponse<String> memo = client.put("SalesInvoice", "", invoiceBody("cb_cn_1")
                .replace("\"CustomerID\"", "\"Type\": {\"value\": \"Credit Memo\"}, \"CustomerID\""));

        assertEquals("CRM000001", JSON.readTree(memo.body()).path("ReferenceNbr").path("value").asText());
        assertTrue(sandbox.salesInvoice("Credit Memo", "CRM000001").isPresent());
    }

    @Test
    void salesInvoicePut_shouldAnswer422WithErrorsOnFieldsAndLines_andSaveNothing() throws Exception {
        givenCustomer("CUS_1", "USD");

        HttpResponse<String> response = client.put("SalesInvoice", "", """
                {"CustomerID": {"value": "GHOST"}, "Date": {"value": "2024-05-01"}, "Currency": {"value": "XXX"},
                 "Details": [{"InventoryID": {"value": "SUBSCRIPTION"}, "Account": {"value": "99999"}},
                             {"InventoryID": {"value": "NO-SUCH-ITEM"}}]}""");

        assertEquals(422, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("'Customer' cannot be found in the system.", body.path("CustomerID").path("error").asText());
        assertFalse(body.path("Currency").path("error").asText().isEmpty());
        assertFalse(body.path("Details").get(0).path("Account").path("error").asText().isEmpty());
        assertFalse(body.path("Details").get(1).path("InventoryID").path("error").asText().isEmpty());
        assertTrue(body.path("error").asText().contains("CustomerID"));
        assertEquals(List.of(), CONTRACT.validate("SalesInvoice", body));
        assertEquals(0, sandbox.salesInvoices().size());

        HttpResponse<String> next = client.put("SalesInvoice", "", invoiceBody("cb_inv_1"));
        assertEquals("INV000001", JSON.readTree(next.body()).path("ReferenceNbr").path("value").asText(),
                "a rejected create must not consume a number");
    }

    @Test
    void salesInvoicePut_shouldRequireTheDate() throws Exception {
        givenCustomer("CUS_1", "USD");

        HttpResponse<String> response = client.put("SalesInvoice", "", """
                {"CustomerID": {"value": "CUS_1"}}""");

        assertEquals(422, response.statusCode());
        assertFalse(JSON.readTree(response.body()).path("Date").path("error").asText().isEmpty());
    }

    @Test
    void salesInvoiceList_shouldFilterOnExternalRef_andReturnOnlySelectedFields() throws Exception {
        givenCustomer("CUS_1", "USD");
        client.put("SalesInvoice", "", invoiceBody("cb_inv_1"));
        client.put("SalesInvoice", "", invoiceBody("cb_inv_2"));

        HttpResponse<String> response = client.get("SalesInvoice", "?$filter="
                + encode("ExternalRef eq 'cb_inv_2'") + "&$select=Type,ReferenceNbr,Status");

        JsonNode list = JSON.readTree(response.body());
        assertEquals(1, list.size());
        JsonNode only = list.get(0);
        assertEquals("INV000002", only.path("ReferenceNbr").path("value").asText());
        assertFalse(only.has("Amount"));
        assertTrue(only.has("id"));
        assertEquals(1, only.path("rowNumber").asInt());
    }

    @Test
    void customerList_shouldFilterOnLinkedEntityPathsAndDateTimeOffsets() throws Exception {
        givenCustomer("CUS_1", "USD");
        client.put("Customer", "", """
                {"CustomerID": {"value": "CUS_1"}, "MainContact": {"Email": {"value": "Billing@Acme.test"}}}""");
        sandbox.clock().advance(Duration.ofMinutes(30)); // within the token's hour
        givenCustomer("CUS_2", "EUR");

        JsonNode byEmail = JSON.readTree(client.get("Customer", "?$filter="
                + encode("MainContact/Email eq 'billing@acme.test'")).body());
        JsonNode recent = JSON.readTree(client.get("Customer", "?$filter="
                + encode("LastModifiedDateTime gt datetimeoffset'2024-05-01T10:15:00+02:00'")).body());
        JsonNode both = JSON.readTree(client.get("Customer", "?$filter="
                + encode("(CurrencyID eq 'EUR' or startswith(CustomerID, 'CUS_1')) and Status ne 'Inactive'")).body());

        assertEquals(1, byEmail.size());
        assertEquals("CUS_1", byEmail.get(0).path("CustomerID").path("value").asText());
        assertEquals(1, recent.size());
        assertEquals("CUS_2", recent.get(0).path("CustomerID").path("value").asText());
        assertEquals(2, both.size());
    }

    @Test
    void list_shouldAnswer400ForABrokenFilter_and501ForAFilterOnDetailLines() throws Exception {
        client.passwordGrant("api");

        assertEquals(400, client.get("SalesInvoice", "?$filter=" + encode("ExternalRef eq 'unterminated")).statusCode());
        assertEquals(400, client.get("SalesInvoice", "?$filter=" + encode("NoSuchField eq 'x'")).statusCode());
        assertEquals(501, client.get("SalesInvoice", "?$filter=" + encode("Details/InventoryID eq 'ADDON'"))
                .statusCode());
    }

    @Test
    void concurrentCreates_shouldEachGetTheirOwnReferenceNumber() throws Exception {
        givenCustomer("CUS_1", "USD");
        int writers = 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String ref = "cb_inv_" + i;
                results.add(pool.submit(() -> client.put("SalesInvoice", "", invoiceBody(ref))));
            }
            Set<String> numbers = new HashSet<>();
            for (var result : results) {
                HttpResponse<String> response = result.get();
                assertEquals(200, response.statusCode(), response.body());
                numbers.add(JSON.readTree(response.body()).path("ReferenceNbr").path("value").asText());
            }
            assertEquals(writers, numbers.size());
            assertEquals(writers, sandbox.salesInvoices().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void salesInvoiceList_shouldPageWithTopAndSkip() throws Exception {
        givenCustomer("CUS_1", "USD");
        for (int i = 1; i <= 3; i++) {
            client.put("SalesInvoice", "", invoiceBody("cb_inv_" + i));
        }

        JsonNode page = JSON.readTree(client.get("SalesInvoice", "?$top=2&$skip=1&$select=ReferenceNbr").body());

        assertEquals(2, page.size());
        assertEquals("INV000002", page.get(0).path("ReferenceNbr").path("value").asText());
    }

    @Test
    void salesInvoiceGet_shouldFindByKeysAndById_andAnswerNoEntity_whenMissing() throws Exception {
        givenCustomer("CUS_1", "USD");
        String id = JSON.readTree(client.put("SalesInvoice", "", invoiceBody("cb_inv_1")).body()).path("id").asText();

        assertEquals(200, client.get("SalesInvoice/Invoice/INV000001", "").statusCode());
        assertEquals(200, client.get("SalesInvoice/" + id, "").statusCode());
        HttpResponse<String> missing = client.get("SalesInvoice/Invoice/INV009999", "");

        assertEquals(500, missing.statusCode());
        assertEquals("PX.Api.ContractBased.NoEntitySatisfiesTheConditionException",
                JSON.readTree(missing.body()).path("exceptionType").asText());
    }

    @Test
    void salesInvoicePut_shouldUpdateAndDeleteLinesById() throws Exception {
        givenCustomer("CUS_1", "USD");
        JsonNode created = JSON.readTree(client.put("SalesInvoice", "?$expand=Details", invoiceBody("cb_inv_1")).body());
        String firstLine = created.path("Details").get(0).path("id").asText();
        String secondLine = created.path("Details").get(1).path("id").asText();

        HttpResponse<String> updated = client.put("SalesInvoice", "?$expand=Details", """
                {"Type": {"value": "Invoice"}, "ReferenceNbr": {"value": "INV000001"},
                 "Details": [{"id": "%s", "Qty": {"value": 1}}, {"id": "%s", "delete": true}],
                 "TaxDetails": [{"TaxID": {"value": "SALESTAX"}, "TaxAmount": {"value": 4}}]}"""
                .formatted(firstLine, secondLine));

        assertEquals(200, updated.statusCode(), updated.body());
        JsonNode invoice = JSON.readTree(updated.body());
        assertEquals(1, invoice.path("Details").size());
        assertEquals(0, invoice.path("Amount").path("value").decimalValue()
                .compareTo(new BigDecimal("54.00")), invoice.toString());
    }

    @Test
    void zeroDecimalCurrency_shouldRoundLineAmountsToWholeUnits() throws Exception {
        givenCustomer("CUS_JP", "JPY");

        HttpResponse<String> response = client.put("SalesInvoice", "?$expand=Details", """
                {"CustomerID": {"value": "CUS_JP"}, "Date": {"value": "2024-05-01"},
                 "Details": [{"InventoryID": {"value": "SUBSCRIPTION"}, "Qty": {"value": 3},
                              "UnitPrice": {"value": 333.5}}]}""");

        JsonNode invoice = JSON.readTree(response.body());
        assertEquals("JPY", invoice.path("Currency").path("value").asText());
        assertEquals(0, invoice.path("Amount").path("value").decimalValue().compareTo(new BigDecimal("1001")));
    }

    // ------------------------------------------------------------------ release

    @Test
    void release_shouldAnswer202ThenPollTo204_andOpenTheDocument() throws Exception {
        givenCustomer("CUS_1", "USD");
        client.put("SalesInvoice", "", invoiceBody("cb_inv_1"));

        HttpResponse<String> accepted = client.post("SalesInvoice/ReleaseSalesInvoice", """
                {"entity": {"Type": {"value": "Invoice"}, "ReferenceNbr": {"value": "INV000001"}}}""");

        assertEquals(202, accepted.statusCode());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/entity/Default/24.200.001/SalesInvoice/ReleaseSalesInvoice/status/"));
        String statusUrl = URI.create(sandbox.baseUrl()).resolve(location).toString();
        assertEquals(202, client.send("GET", statusUrl, null).statusCode());
        assertEquals(204, client.send("GET", statusUrl, null).statusCode());
        JsonNode invoice = sandbox.salesInvoice("Invoice", "INV000001").orElseThrow();
        assertEquals("Open", invoice.path("Status").path("value").asText());
        assertEquals(invoice.path("Amount"), invoice.path("Balance"));
    }

    @Test
    void release_shouldAcceptTheRecordId_andAnswer204AtOnce_whenNoPollsConfigured() throws Exception {
        givenCustomer("CUS_1", "USD");
        String id = JSON.readTree(client.put("SalesInvoice", "", invoiceBody("cb_inv_1")).body()).path("id").asText();
        sandbox.setReleasePollsBeforeCompletion(0);

        HttpResponse<String> done = client.post("SalesInvoice/ReleaseSalesInvoice",
                "{\"entity\": {\"id\": \"" + id + "\"}}");

        assertEquals(204, done.statusCode());
        assertEquals("Open", sandbox.salesInvoices().get(0).path("Status").path("value").asText());
    }

    @Test
    void release_shouldAnswer422_whenTheDocumentIsAlreadyReleasedOrOnHold() throws Exception {
        givenCustomer("CUS_1", "USD");
        client.put("SalesInvoice", "", invoiceBody("cb_inv_1"));
        client.put("SalesInvoice", "", invoiceBody("cb_inv_2").replace("\"Date\"", "\"Hold\": {\"value\": true}, \"Date\""));
        String release1 = "{\"entity\": {\"Type\": {\"value\": \"Invoice\"}, \"ReferenceNbr\": {\"value\": \"INV000001\"}}}";
        client.post("SalesInvoice/ReleaseSalesInvoice", release1);

        HttpResponse<String> twice = client.post("SalesInvoice/ReleaseSalesInvoice", release1);
        HttpResponse<String> onHold = client.post("SalesInvoice/ReleaseSalesInvoice",
                release1.replace("INV000001", "INV000002"));
        HttpResponse<String> unknown = client.post("SalesInvoice/ReleaseSalesInvoice",
                release1.replace("INV000001", "INV000404"));

        assertEquals(422, twice.statusCode());
        assertEquals("Document Status is invalid for processing.", JSON.readTree(twice.body()).path("error").asText());
        assertEquals(422, onHold.statusCode());
        assertEquals("Document is On Hold and cannot be released.", JSON.readTree(onHold.body()).path("error").asText());
        assertEquals(500, unknown.statusCode());
    }

    @Test
    void releasedInvoice_shouldRejectChanges_butAcceptAnIdenticalReplay() throws Exception {
        givenCustomer("CUS_1", "USD");
        client.put("SalesInvoice", "", invoiceBody("cb_inv_1"));
        sandbox.setReleasePollsBeforeCompletion(0);
        client.post("SalesInvoice/ReleaseSalesInvoice",
                "{\"entity\": {\"Type\": {\"value\": \"Invoice\"}, \"ReferenceNbr\": {\"value\": \"INV000001\"}}}");

        HttpResponse<String> replay = client.put("SalesInvoice", "", """
                {"Type": {"value": "Invoice"}, "ReferenceNbr": {"value": "INV000001"},
                 "ExternalRef": {"value": "cb_inv_1"}}""");
        HttpResponse<String> change = client.put("SalesInvoice", "", """
                {"Type": {"value": "Invoice"}, "ReferenceNbr": {"value": "INV000001"},
                 "Description": {"value": "changed"}}""");

        assertEquals(200, replay.statusCode());
        assertEquals(422, change.statusCode());
    }

    // ------------------------------------------------------------------ conditional PUT

    @Test
    void conditionalPut_shouldAnswer412_forInsertOnlyOnExistingAndUpdateOnlyOnMissing() throws Exception {
        givenCustomer("CUS_1", "USD");
        client.put("SalesInvoice", "", invoiceBody("cb_inv_1"));
        String keys = "{\"Type\": {\"value\": \"Invoice\"}, \"ReferenceNbr\": {\"value\": \"%s\"}}";

        HttpResponse<String> insertOnly = client.put("SalesInvoice", "", keys.formatted("INV000001"),
                "If-None-Match", "*");
        HttpResponse<String> updateOnly = client.put("SalesInvoice", "", keys.formatted("INV000777"),
                "If-Match", "*");
        HttpResponse<String> customerInsertOnly = client.put("Customer", "",
                "{\"CustomerID\": {\"value\": \"CUS_1\"}}", "If-None-Match", "*");

        HttpResponse<String> insertOnlyCreate = client.put("SalesInvoice", "", invoiceBody("cb_inv_2"),
                "If-None-Match", "*");

        assertEquals(412, insertOnly.statusCode());
        assertEquals(412, updateOnly.statusCode());
        assertEquals(412, customerInsertOnly.statusCode());
        assertEquals(200, insertOnlyCreate.statusCode(), "insert-only without keys is a plain create");
        assertEquals(List.of(), CONTRACT.validate("HttpError", JSON.readTree(insertOnly.body())));
    }

    // ------------------------------------------------------------------ faults

    @Test
    void failNext_shouldAnswerTheStatusWithoutCommitting_onlyForTheScopedCall() throws Exception {
        givenCustomer("CUS_1", "USD");
        sandbox.faults().failNext(1, 500, FaultScope.of("PUT", "SalesInvoice"));

        assertEquals(200, client.get("Customer", "").statusCode());
        HttpResponse<String> failed = client.put("SalesInvoice", "", invoiceBody("cb_inv_1"));
        HttpResponse<String> retried = client.put("SalesInvoice", "", invoiceBody("cb_inv_1"));

        assertEquals(500, failed.statusCode());
        assertEquals(List.of(), CONTRACT.validate("HttpError", JSON.readTree(failed.body())));
        assertEquals(200, retried.statusCode());
        assertEquals(1, sandbox.salesInvoices().size());
        assertEquals(0, sandbox.faults().pending());
    }

    @Test
    void delayNext_shouldHoldTheRequest_beforeProcessingIt() throws Exception {
        client.passwordGrant("api");
        sandbox.faults().delayNext(1, Duration.ofMillis(300));

        long started = System.nanoTime();
        HttpResponse<String> response = client.get("Customer", "");

        assertEquals(200, response.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
    }

    @Test
    void commitThenDropResponse_shouldCommitThePut_butGiveTheClientAnIOException() throws Exception {
        givenCustomer("CUS_1", "USD");
        sandbox.faults().commitThenDropResponseNext(1, FaultScope.of("PUT", "SalesInvoice"));

        assertThrows(IOException.class, () -> client.put("SalesInvoice", "", invoiceBody("cb_inv_1")));

        JsonNode found = JSON.readTree(client.get("SalesInvoice", "?$filter=" + encode("ExternalRef eq 'cb_inv_1'")).body());
        assertEquals(1, found.size(), "the write happened even though no answer arrived");
        long dropped = sandbox.requests().stream()
                .filter(r -> r.isTo("PUT", "/SalesInvoice") && r.status() == RecordedRequest.NO_RESPONSE).count();
        assertEquals(1, dropped, "the JDK client must not have retried the PUT");
    }

    @Test
    void commitThenFail_shouldCommitThePut_butAnswerTheInjectedStatus() throws Exception {
        givenCustomer("CUS_1", "USD");
        sandbox.faults().commitThenFailNext(1, 503, FaultScope.of("PUT", "SalesInvoice"));

        HttpResponse<String> answer = client.put("SalesInvoice", "", invoiceBody("cb_inv_1"));
        HttpResponse<String> next = client.put("SalesInvoice", "", invoiceBody("cb_inv_2"));

        assertEquals(503, answer.statusCode());
        assertEquals(200, next.statusCode(), "one request only");
        JsonNode found = JSON.readTree(client.get("SalesInvoice", "?$filter=" + encode("ExternalRef eq 'cb_inv_1'")).body());
        assertEquals(1, found.size(), "the write happened even though the answer was an error");
        assertEquals(0, sandbox.faults().pending());
    }

    @Test
    void expireAllTokens_shouldMakeTheNextCallAnswer401_whileRefreshStillWorks() throws Exception {
        String refresh = client.passwordGrant("api offline_access").path("refresh_token").asText();
        sandbox.faults().expireAllTokens();

        assertEquals(401, client.get("Customer", "").statusCode());
        client.useToken(JSON.readTree(client.refresh(refresh).body()).path("access_token").asText());
        assertEquals(200, client.get("Customer", "").statusCode());
    }

    @Test
    void failNext_shouldNotTouchTheTokenEndpoint_unlessScopedToIt() throws Exception {
        sandbox.faults().failNext(1, 503);
        client.passwordGrant("api");
        assertEquals(503, client.get("Customer", "").statusCode());

        sandbox.faults().failNext(1, 503, FaultScope.tokenEndpoint());
        assertEquals(503, client.token(Map.of("grant_type", "password")).statusCode());
    }

    // ------------------------------------------------------------------ request log

    @Test
    void requestLog_shouldRecordEachCallWithoutCredentials() throws Exception {
        client.passwordGrant("api offline_access");
        client.get("Customer", "?$filter=" + encode("CustomerID eq 'X'"));

        List<RecordedRequest> log = sandbox.requests();

        assertEquals(2, log.size());
        RecordedRequest token = log.get(0);
        assertTrue(token.body().contains("password=***"), token.body());
        assertTrue(token.body().contains("client_secret=***"), token.body());
        assertFalse(token.body().contains("sandbox-password"));
        RecordedRequest get = log.get(1);
        assertEquals("Bearer ***", get.headers().get("Authorization"));
        assertEquals("$filter=CustomerID eq 'X'", get.query());
        assertEquals(T0, get.at());
        assertEquals(200, get.status());
        sandbox.clearRequests();
        assertTrue(sandbox.requests().isEmpty());
    }

    // ------------------------------------------------------------------ routing and configuration

    @Test
    void entityApi_shouldAnswer404ForUnpublishedVersions_and501ForWhatIsNotSimulated() throws Exception {
        client.passwordGrant("api");

        assertEquals(404, client.send("GET", sandbox.baseUrl() + "/entity/Default/25.200.001/Customer", null)
                .statusCode());
        assertEquals(501, client.send("GET", sandbox.baseUrl() + "/entity/Default/23.200.001/Customer", null)
                .statusCode());
        assertEquals(501, client.get("StockItem", "").statusCode());
        assertEquals(404, client.get("NoSuchEntity", "").statusCode());
        assertEquals(404, client.post("SalesInvoice/NoSuchAction", "{\"entity\": {}}").statusCode());
    }

    @Test
    void instancePath_shouldPrefixEveryRouteAndLink() throws Exception {
        sandbox.stop();
        sandbox = AcumaticaSandbox.start(AcumaticaSandboxOptions.builder().contract(CONTRACT)
                .instancePath("AcumaticaERP/").build());
        client = new Client(sandbox.baseUrl(), sandbox.endpointUrl());
        givenCustomer("CUS_1", "USD");

        JsonNode customer = JSON.readTree(client.get("Customer/CUS_1", "").body());

        assertTrue(sandbox.baseUrl().endsWith("/AcumaticaERP"));
        assertTrue(customer.path("_links").path("self").asText().startsWith("/AcumaticaERP/entity/Default/"));
        assertEquals(404, client.send("GET", sandbox.baseUrl().replace("/AcumaticaERP", "") + "/entity", null)
                .statusCode());
    }

    @Test
    void referenceData_shouldBeReadableOverHttp_andExtendableByTests() throws Exception {
        givenCustomer("CUS_1", "USD");
        assertEquals(500, client.get("Account/40200", "").statusCode());

        sandbox.addAccount("40200", "Income", "Usage revenue");

        JsonNode account = JSON.readTree(client.get("Account/40200", "").body());
        assertEquals("Income", account.path("Type").path("value").asText());
        assertEquals(List.of(), CONTRACT.validate("Account", account));
        HttpResponse<String> invoice = client.put("SalesInvoice", "", invoiceBody("cb_inv_1")
                .replace("\"InventoryID\": {\"value\": \"SETUP-FEE\"}",
                        "\"InventoryID\": {\"value\": \"SETUP-FEE\"}, \"Account\": {\"value\": \"40200\"}"));
        assertEquals(200, invoice.statusCode(), invoice.body());
        assertTrue(sandbox.currencies().stream().anyMatch(c -> c.path("CurrencyID").path("value").asText()
                .equals("JPY") && c.path("DecimalPrecision").path("value").asInt() == 0));
    }

    @Test
    void reset_shouldRestoreTheSeedState_butKeepIssuedTokens() throws Exception {
        givenCustomer("CUS_1", "USD");
        client.put("SalesInvoice", "", invoiceBody("cb_inv_1"));
        sandbox.addAccount("40200", "Income", "Usage revenue");
        sandbox.faults().failNext(5, 500);

        sandbox.reset();

        assertEquals(0, sandbox.customers().size());
        assertEquals(0, sandbox.salesInvoices().size());
        assertTrue(sandbox.accounts().stream().noneMatch(a -> a.path("AccountCD").path("value").asText()
                .equals("40200")));
        assertEquals(0, sandbox.faults().pending());
        assertTrue(sandbox.requests().isEmpty());
        assertEquals(200, client.get("Customer", "").statusCode());
    }

    @Test
    void seedFile_shouldDefineTheTenant_includingCustomersThatSurviveReset(@TempDir Path dir) throws Exception {
        ObjectNode seed = (ObjectNode) JSON.readTree(AcumaticaSandboxTest.class
                .getResourceAsStream("/acumatica/default-tenant.json"));
        seed.putArray("customers").add(JSON.readTree("""
                {"CustomerID": "SEEDED", "CustomerName": "Seeded Ltd", "CustomerClass": "INTL",
                 "MainContact": {"Email": "seeded@example.test"}}"""));
        ((ObjectNode) seed.get("numbering")).putObject("Invoice").put("prefix", "AR").put("digits", 4);
        Path file = dir.resolve("tenant.json");
        Files.writeString(file, seed.toString());
        sandbox.stop();
        sandbox = AcumaticaSandbox.start(AcumaticaSandboxOptions.builder().contract(CONTRACT).seedFile(file).build());
        client = new Client(sandbox.baseUrl(), sandbox.endpointUrl());

        sandbox.reset();

        JsonNode customer = sandbox.customer("SEEDED").orElseThrow();
        assertEquals("EUR", customer.path("CurrencyID").path("value").asText(), "currency from the INTL class");
        assertEquals("seeded@example.test", customer.path("MainContact").path("Email").path("value").asText());
        client.passwordGrant("api");
        HttpResponse<String> invoice = client.put("SalesInvoice", "", invoiceBody("cb_inv_1")
                .replace("CUS_1", "SEEDED"));
        assertEquals("AR0001", JSON.readTree(invoice.body()).path("ReferenceNbr").path("value").asText());
        assertEquals(2, sandbox.paymentMethods().get(0).path("AllowedCashAccounts").size());
    }

    @Test
    void contract_shouldRejectFlatValuesAndWrongTypes_inARequestBody() throws Exception {
        List<String> violations = CONTRACT.validate("SalesInvoice", JSON.readTree("""
                {"CustomerID": "C1", "Amount": {"value": "ten"}, "Details": [{"Qty": {"value": 1}}]}"""));

        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("/CustomerID")));
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("/Amount/value")));
        assertThrows(IllegalArgumentException.class, () -> CONTRACT.validate("NoSuchSchema", JSON.createObjectNode()));
    }

    // ------------------------------------------------------------------ helpers

    private void givenCustomer(String customerId, String currency) throws Exception {
        if (client.token == null) {
            client.passwordGrant("api offline_access");
        }
        HttpResponse<String> response = client.put("Customer", "", """
                {"CustomerID": {"value": "%s"}, "CustomerName": {"value": "Customer %s"},
                 "CurrencyID": {"value": "%s"}}""".formatted(customerId, customerId, currency));
        assertEquals(200, response.statusCode(), response.body());
    }

    /** Two lines (2 × 49.995 rounded to 99.99, and a 10.00 setup fee) plus 8.80 sales tax: 118.79 in total. */
    private static String invoiceBody(String externalRef) {
        return """
                {"CustomerID": {"value": "CUS_1"}, "Date": {"value": "2024-05-01"},
                 "ExternalRef": {"value": "%s"}, "Description": {"value": "Subscription May"},
                 "Details": [
                   {"InventoryID": {"value": "SUBSCRIPTION"}, "Qty": {"value": 2}, "UnitPrice": {"value": 49.995}},
                   {"InventoryID": {"value": "SETUP-FEE"}, "Amount": {"value": 10}}],
                 "TaxDetails": [{"TaxID": {"value": "SALESTAX"}, "TaxableAmount": {"value": 109.99},
                                 "TaxAmount": {"value": 8.8}}]}""".formatted(externalRef);
    }

    private static void assertOAuthError(HttpResponse<String> response, String error) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(error, JSON.readTree(response.body()).path("error").asText());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A minimal client over the JDK HttpClient, holding the current bearer token. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String baseUrl;
        private final String endpointUrl;
        private String token;

        Client(String baseUrl, String endpointUrl) {
            this.baseUrl = baseUrl;
            this.endpointUrl = endpointUrl;
        }

        void useToken(String accessToken) {
            this.token = accessToken;
        }

        JsonNode passwordGrant(String scope) throws Exception {
            HttpResponse<String> response = token(Map.of("grant_type", "password",
                    "client_id", AcumaticaSandboxOptions.DEFAULT_CLIENT_ID,
                    "client_secret", AcumaticaSandboxOptions.DEFAULT_CLIENT_SECRET,
                    "username", AcumaticaSandboxOptions.DEFAULT_USERNAME,
                    "password", AcumaticaSandboxOptions.DEFAULT_PASSWORD, "scope", scope));
            assertEquals(200, response.statusCode(), response.body());
            JsonNode body = JSON.readTree(response.body());
            token = body.path("access_token").asText();
            return body;
        }

        HttpResponse<String> refresh(String refreshToken) throws Exception {
            return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                    "client_id", AcumaticaSandboxOptions.DEFAULT_CLIENT_ID,
                    "client_secret", AcumaticaSandboxOptions.DEFAULT_CLIENT_SECRET));
        }

        HttpResponse<String> token(Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(encode(k)).append('=')
                    .append(encode(v)));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/identity/connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path, String query) throws Exception {
            return send("GET", endpointUrl + "/" + path + query, null);
        }

        HttpResponse<String> put(String entity, String query, String body, String... headers) throws Exception {
            return send("PUT", endpointUrl + "/" + entity + query, body, headers);
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return send("POST", endpointUrl + "/" + path, body);
        }

        HttpResponse<String> send(String method, String url, String body, String... headers) throws Exception {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .header("Accept", "application/json");
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i < headers.length; i += 2) {
                builder.header(headers[i], headers[i + 1]);
            }
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
