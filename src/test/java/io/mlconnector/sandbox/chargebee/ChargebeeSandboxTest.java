package io.mlconnector.sandbox.chargebee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour of the Chargebee sandbox as a client sees it over HTTP. */
class ChargebeeSandboxTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ChargebeeSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults()
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.stop();
    }

    // ---- paging ----------------------------------------------------------------------------------------------------

    @Test
    void list_shouldPageWithOpaqueNextOffset_whenMoreThanLimit() throws Exception {
        putCustomers(25);

        List<String> seen = new ArrayList<>();
        String offset = null;
        int pages = 0;
        do {
            JsonNode body = ok(offset == null ? "/customers?limit=10" : "/customers?limit=10&offset=" + enc(offset));
            body.get("list").forEach(entry -> seen.add(entry.get("customer").get("id").asText()));
            offset = body.path("next_offset").asText(null);
            pages++;
        } while (offset != null);

        assertEquals(3, pages);
        assertEquals(25, seen.size());
        assertEquals(25, new HashSet<>(seen).size());
        assertEquals("cust_01", seen.get(0), "default order is created_at ascending");
    }

    @Test
    void list_shouldReturnTenRecordsWithoutNextOffset_whenDefaultLimitAndExactlyTen() throws Exception {
        putCustomers(10);

        JsonNode body = ok("/customers");

        assertEquals(10, body.get("list").size());
        assertFalse(body.has("next_offset"));
    }

    @Test
    void list_shouldNotSkipOrRepeat_whenRecordsAreAddedBetweenPages() throws Exception {
        putCustomers(6);
        JsonNode first = ok("/customers?limit=3");
        sandbox.putCustomer(customer("cust_00", 1_700_000_000L, null)); // sorts before everything already served

        JsonNode second = ok("/customers?limit=3&offset=" + enc(first.get("next_offset").asText()));

        assertEquals(List.of("cust_04", "cust_05", "cust_06"), ids(second, "customer"));
    }

    @Test
    void list_shouldAnswer400ParamWrongValue_whenLimitOutOfRange() throws Exception {
        for (String limit : List.of("0", "101", "ten")) {
            Reply reply = get("/customers?limit=" + limit);

            assertEquals(400, reply.status());
            assertEquals("param_wrong_value", reply.body().get("api_error_code").asText());
            assertEquals("limit", reply.body().get("param").asText());
            assertEquals("invalid_request", reply.body().get("type").asText());
        }
    }

    @Test
    void list_shouldAnswer400_whenOffsetIsMalformed() throws Exception {
        putCustomers(3);

        Reply reply = get("/customers?offset=" + enc("[\"1517505107000\",\"230000000007\"]"));

        assertEquals(400, reply.status());
        assertEquals("offset", reply.body().get("param").asText());
        assertEquals(400, reply.body().get("http_status_code").asInt());
    }

    @Test
    void list_shouldAnswer400_whenOffsetComesFromAnotherSortOrder() throws Exception {
        putCustomers(5);
        String offset = ok("/customers?limit=2").get("next_offset").asText();

        Reply reply = get("/customers?limit=2&sort_by[desc]=created_at&offset=" + enc(offset));

        assertEquals(400, reply.status());
    }

    // ---- filters ---------------------------------------------------------------------------------------------------

    @Test
    void filter_shouldMatchStringOperators_whenIsIsNotStartsWith() throws Exception {
        putInvoice("INV-1", "cust_a", "paid", 1000, 1_700_000_100L, 1_700_000_200L);
        putInvoice("INV-2", "cust_b", "posted", 2000, 1_700_000_300L, 1_700_000_400L);
        putInvoice("INV-3", "cust_ab", "voided", 3000, 1_700_000_500L, 1_700_000_600L);

        assertEquals(List.of("INV-2"), ids(ok("/invoices?status[is]=posted"), "invoice"));
        assertEquals(List.of("INV-1", "INV-3"), ids(ok("/invoices?status[is_not]=posted"), "invoice"));
        assertEquals(List.of("INV-1", "INV-3"), ids(ok("/invoices?customer_id[starts_with]=cust_a"), "invoice"));
    }

    @Test
    void filter_shouldAcceptBothListForms_whenInAndNotIn() throws Exception {
        putInvoice("INV-1", "cust_a", "paid", 1000, 1_700_000_100L, 1_700_000_200L);
        putInvoice("INV-2", "cust_b", "posted", 2000, 1_700_000_300L, 1_700_000_400L);
        putInvoice("INV-3", "cust_c", "voided", 3000, 1_700_000_500L, 1_700_000_600L);

        assertEquals(List.of("INV-1", "INV-3"), ids(ok("/invoices?status[in]=" + enc("[paid,voided]")), "invoice"));
        assertEquals(List.of("INV-1", "INV-3"),
                ids(ok("/invoices?status[in]=" + enc("[\"paid\",\"voided\"]")), "invoice"));
        assertEquals(List.of("INV-2"), ids(ok("/invoices?id[not_in]=" + enc("[INV-1,INV-3]")), "invoice"));
        assertEquals(400, get("/invoices?status[in]=paid").status());
    }

    @Test
    void filter_shouldCompareNumerically_whenNumberOperators() throws Exception {
        putInvoice("INV-1", "cust_a", "paid", 900, 1_700_000_100L, 1_700_000_200L);
        putInvoice("INV-2", "cust_b", "paid", 1000, 1_700_000_300L, 1_700_000_400L);
        putInvoice("INV-3", "cust_c", "paid", 10000, 1_700_000_500L, 1_700_000_600L);

        assertEquals(List.of("INV-1"), ids(ok("/invoices?total[lt]=1000"), "invoice"));
        assertEquals(List.of("INV-1", "INV-2"), ids(ok("/invoices?total[lte]=1000"), "invoice"));
        assertEquals(List.of("INV-3"), ids(ok("/invoices?total[gt]=1000"), "invoice"));
        assertEquals(List.of("INV-2", "INV-3"), ids(ok("/invoices?total[gte]=1000"), "invoice"));
        assertEquals(List.of("INV-2"), ids(ok("/invoices?total[is]=1000"), "invoice"));
        assertEquals(List.of("INV-1", "INV-2"), ids(ok("/invoices?total[between]=" + enc("[900,1000]")), "invoice"));
        assertEquals(400, get("/invoices?total[gt]=lots").status());
    }

    @Test
    void filter_shouldCompareTimestamps_whenAfterBeforeOnBetween() throws Exception {
        long day = 1_767_225_600L; // 2026-01-01T00:00Z
        putInvoice("INV-1", "cust_a", "paid", 1, day + 10, day + 10);
        putInvoice("INV-2", "cust_a", "paid", 1, day + 86_399, day + 86_399);
        putInvoice("INV-3", "cust_a", "paid", 1, day + 86_400, day + 86_400);

        assertEquals(List.of("INV-2", "INV-3"), ids(ok("/invoices?date[after]=" + (day + 10)), "invoice"));
        assertEquals(List.of("INV-1"), ids(ok("/invoices?date[before]=" + (day + 86_399)), "invoice"));
        assertEquals(List.of("INV-1", "INV-2"), ids(ok("/invoices?date[on]=" + (day + 5_000)), "invoice"));
        assertEquals(List.of("INV-2", "INV-3"),
                ids(ok("/invoices?date[between]=" + enc("[" + (day + 86_399) + "," + (day + 86_400) + "]")), "invoice"));
    }

    @Test
    void filter_shouldExcludeRecordsWithoutUpdatedAt_whenUpdatedAtFilterUsed() throws Exception {
        sandbox.putTransaction(transaction("txn_new", 1_700_000_000L, 1_700_000_500L));
        sandbox.putTransaction(transaction("txn_legacy", 1_400_000_000L, null)); // never updated since 2016

        assertEquals(List.of("txn_new"), ids(ok("/transactions?updated_at[after]=0"), "transaction"));
        assertEquals(List.of("txn_legacy", "txn_new"), ids(ok("/transactions"), "transaction"));
        assertEquals(List.of("txn_legacy"), ids(ok("/transactions?updated_at[is_present]=false"), "transaction"));
    }

    @Test
    void filter_shouldMatchBooleans_whenIsTrue() throws Exception {
        ObjectNode recurring = invoice("INV-1", "cust_a", "paid", 1, 1L, 1L).put("recurring", true);
        ObjectNode oneOff = invoice("INV-2", "cust_a", "paid", 1, 2L, 2L).put("recurring", false);
        sandbox.putInvoice(recurring);
        sandbox.putInvoice(oneOff);

        assertEquals(List.of("INV-1"), ids(ok("/invoices?recurring[is]=true"), "invoice"));
    }

    @Test
    void sort_shouldOrderDescending_whenSortByDesc() throws Exception {
        putInvoice("INV-1", "cust_a", "paid", 1, 1_700_000_100L, 1_700_000_900L);
        putInvoice("INV-2", "cust_a", "paid", 1, 1_700_000_200L, 1_700_000_800L);
        putInvoice("INV-3", "cust_a", "paid", 1, 1_700_000_300L, 1_700_000_700L);

        assertEquals(List.of("INV-3", "INV-2", "INV-1"), ids(ok("/invoices?sort_by[desc]=date"), "invoice"));
        assertEquals(List.of("INV-3", "INV-2", "INV-1"), ids(ok("/invoices?sort_by[asc]=updated_at"), "invoice"));
    }

    @Test
    void list_shouldHideDeletedRecords_unlessIncludeDeleted() throws Exception {
        putInvoice("INV-1", "cust_a", "paid", 1, 1L, 1L);
        sandbox.putInvoice(invoice("INV-2", "cust_a", "voided", 1, 2L, 2L).put("deleted", true));

        assertEquals(List.of("INV-1"), ids(ok("/invoices"), "invoice"));
        assertEquals(List.of("INV-1", "INV-2"), ids(ok("/invoices?include_deleted=true"), "invoice"));
        assertEquals(404, get("/invoices/INV-2").status());
    }

    @Test
    void events_shouldFilterByTypeAndTime_andSortByOccurredAt() throws Exception {
        sandbox.setClock(Clock.fixed(Instant.ofEpochSecond(1_000), ZoneOffset.UTC));
        ObjectNode first = sandbox.addEvent("customer_created", content("customer", customer("c1", 1L, 1L)));
        sandbox.setClock(Clock.fixed(Instant.ofEpochSecond(2_000), ZoneOffset.UTC));
        ObjectNode second = sandbox.addEvent("invoice_generated", content("invoice", invoice("I1", "c1", "paid", 1, 1L,
                1L)));
        sandbox.setClock(Clock.fixed(Instant.ofEpochSecond(3_000), ZoneOffset.UTC));
        ObjectNode third = sandbox.addEvent("payment_succeeded", content("transaction", transaction("t1", 1L, 1L)));

        assertEquals("ev_sbx_000001", first.get("id").asText());
        assertEquals(List.of(second.get("id").asText(), third.get("id").asText()),
                ids(ok("/events?event_type[in]=" + enc("[\"invoice_generated\",\"payment_succeeded\"]")), "event"));
        assertEquals(List.of(third.get("id").asText(), second.get("id").asText()),
                ids(ok("/events?occurred_at[between]=" + enc("[1500,3000]") + "&sort_by[desc]=occurred_at"), "event"));
        JsonNode retrieved = ok("/events/" + second.get("id").asText()).get("event");
        assertEquals("v2", retrieved.get("api_version").asText());
        assertEquals(2_000, retrieved.get("occurred_at").asLong());
        assertTrue(retrieved.get("occurred_at").isIntegralNumber());
        assertEquals("I1", retrieved.get("content").get("invoice").get("id").asText());
    }

    @Test
    void recordEvent_shouldKeepEachEventsContentAsOfItsTime_whileRetrieveAndListAnswerTheCurrentState()
            throws Exception {
        ObjectNode invoice = invoice("INV-T", "c1", "posted", 5000, 1_000L, 1_000L);
        invoice.put("amount_due", 5000);
        ObjectNode generated = sandbox.recordEvent("invoice_generated", 1_000, invoice);
        invoice.put("status", "paid").put("amount_due", 0).put("updated_at", 2_000);
        ObjectNode paid = sandbox.recordEvent("payment_succeeded", 2_000, invoice, transaction("t1", 2_000L, 2_000L));
        invoice.put("status", "voided").put("updated_at", 3_000);
        sandbox.recordEvent("invoice_updated", 3_000, invoice);

        JsonNode firstEvent = ok("/events/" + generated.get("id").asText()).get("event");
        assertEquals("posted", firstEvent.at("/content/invoice/status").asText());
        assertEquals(5000, firstEvent.at("/content/invoice/amount_due").asLong());
        assertEquals(1_000, firstEvent.get("occurred_at").asLong());
        JsonNode secondEvent = ok("/events/" + paid.get("id").asText()).get("event");
        assertEquals("paid", secondEvent.at("/content/invoice/status").asText());
        assertEquals("t1", secondEvent.at("/content/transaction/id").asText());
        assertEquals("voided", ok("/invoices/INV-T").at("/invoice/status").asText());
        assertEquals("voided", ok("/invoices").at("/list/0/invoice/status").asText());
        assertEquals(List.of("posted", "paid", "voided"), sandbox.events().stream()
                .map(e -> e.at("/content/invoice/status").asText()).toList());
    }

    @Test
    void recordEvent_shouldRefuse_whenAResourceNamesNoKnownObject() {
        ObjectNode unknown = mapper.createObjectNode().put("id", "x").put("object", "subscription");

        assertThrows(IllegalArgumentException.class, () -> sandbox.recordEvent("subscription_created", 1, unknown));
    }

    // ---- retrieve, line items, configuration ------------------------------------------------------------------------

    @Test
    void retrieve_shouldWrapResource_andAnswer404_whenUnknown() throws Exception {
        putInvoice("INV-1", "cust_a", "paid", 1234, 1L, 1L);

        JsonNode invoice = ok("/invoices/INV-1").get("invoice");
        Reply missing = get("/invoices/INV-404");

        assertEquals(1234, invoice.get("total").asLong());
        assertTrue(invoice.get("total").isIntegralNumber());
        assertEquals(404, missing.status());
        assertEquals("resource_not_found", missing.body().get("api_error_code").asText());
        assertEquals("resource_not_found", missing.body().get("error_code").asText());
        assertNotNull(missing.body().get("error_msg"));
    }

    @Test
    void lineItems_shouldBeTruncatedWithNextOffset_andPagedByRetrieve() throws Exception {
        sandbox.setLineItemsTruncateAt(3);
        sandbox.putInvoice(invoiceWithLines("INV-BIG", 7));

        JsonNode listed = ok("/invoices").get("list").get(0).get("invoice");
        assertEquals(3, listed.get("line_items").size());
        assertEquals(3, listed.get("line_item_taxes").size(), "only the taxes of the served lines");
        assertTrue(listed.has("line_items_next_offset"));

        List<String> lineIds = new ArrayList<>();
        listed.get("line_items").forEach(l -> lineIds.add(l.get("id").asText()));
        String offset = listed.get("line_items_next_offset").asText();
        while (offset != null) {
            JsonNode page = ok("/invoices/INV-BIG?line_items_limit=2&line_items_offset=" + enc(offset)).get("invoice");
            page.get("line_items").forEach(l -> lineIds.add(l.get("id").asText()));
            assertEquals(page.get("line_items").size(), page.get("line_item_taxes").size());
            offset = page.path("line_items_next_offset").asText(null);
        }

        assertEquals(List.of("li_1", "li_2", "li_3", "li_4", "li_5", "li_6", "li_7"), lineIds);
        assertEquals(400, get("/invoices/INV-BIG?line_items_offset=bogus").status());
        assertFalse(ok("/invoices/INV-BIG?line_items_limit=300").get("invoice").has("line_items_next_offset"));
    }

    @Test
    void lineItems_shouldBeTruncatedAt100InListsEventsAndPlainRetrieves_andCompletedWithLineItemsLimit300()
            throws Exception {
        sandbox.putInvoice(invoiceWithLines("INV-BIG", 130));
        sandbox.addEvent("invoice_generated", content("invoice", invoiceWithLines("INV-BIG", 130)));

        JsonNode listed = ok("/invoices").get("list").get(0).get("invoice");
        JsonNode carried = ok("/events").get("list").get(0).get("event").get("content").get("invoice");
        JsonNode retrieved = ok("/invoices/INV-BIG").get("invoice");
        JsonNode rest = ok("/invoices/INV-BIG?line_items_limit=300&line_items_offset="
                + enc(listed.get("line_items_next_offset").asText())).get("invoice");

        for (JsonNode firstPage : List.of(listed, carried, retrieved)) {
            assertEquals(100, firstPage.get("line_items").size());
            assertEquals(100, firstPage.get("line_item_taxes").size(), "only the taxes of the served lines");
            assertTrue(firstPage.has("line_items_next_offset"));
        }
        assertEquals(30, rest.get("line_items").size());
        assertFalse(rest.has("line_items_next_offset"), "the follow-up retrieve served the last line");
        List<String> lineIds = new ArrayList<>();
        listed.get("line_items").forEach(l -> lineIds.add(l.get("id").asText()));
        rest.get("line_items").forEach(l -> lineIds.add(l.get("id").asText()));
        assertEquals(invoiceWithLines("INV-BIG", 130).get("line_items").findValuesAsText("id"), lineIds);
        assertEquals(130, sandbox.invoice("INV-BIG").orElseThrow().get("line_items").size(), "stored whole");
    }

    @Test
    void lineItems_shouldBeServedWhole_whenADocumentHasNoMoreThan100() throws Exception {
        sandbox.putInvoice(invoiceWithLines("INV-100", 100));

        JsonNode listed = ok("/invoices").get("list").get(0).get("invoice");

        assertEquals(100, listed.get("line_items").size());
        assertFalse(listed.has("line_items_next_offset"));
    }

    @Test
    void deliver_shouldTruncateTheLineItemsAWebhookCarries_likeTheEventsApi() throws Exception {
        ObjectNode event = sandbox.addEvent("invoice_generated", content("invoice", invoiceWithLines("INV-BIG", 130)));
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            return 200;
        });
        try {
            sandbox.deliver(event.get("id").asText(), url(receiver), null, null);
        } finally {
            receiver.stop(0);
        }

        JsonNode carried = mapper.readTree(bodies.get(0)).get("content").get("invoice");
        assertEquals(100, carried.get("line_items").size());
        assertTrue(carried.has("line_items_next_offset"));
    }

    @Test
    void lineItems_shouldBeEmptyInLists_whenConfiguredLikeSomeRealSites() throws Exception {
        sandbox.setLineItemsTruncateAt(3);
        sandbox.setListsOmitTruncatedLineItems(true);
        sandbox.putInvoice(invoiceWithLines("INV-BIG", 5));

        JsonNode listed = ok("/invoices").get("list").get(0).get("invoice");
        JsonNode firstPage = ok("/invoices/INV-BIG?line_items_offset=" + enc(listed.get("line_items_next_offset")
                .asText())).get("invoice");

        assertEquals(0, listed.get("line_items").size());
        assertEquals("li_1", firstPage.get("line_items").get(0).get("id").asText());
    }

    @Test
    void configurations_shouldReportProductCatalogV2AndSite() throws Exception {
        JsonNode configuration = ok("/configurations").get("configurations").get(0);

        assertEquals("v2", configuration.get("product_catalog_version").asText());
        assertEquals(ChargebeeSandboxOptions.DEFAULT_SITE, configuration.get("domain").asText());
    }

    // ---- auth ------------------------------------------------------------------------------------------------------

    @Test
    void auth_shouldAnswer401WithLegacyFields_whenKeyMissingOrWrong() throws Exception {
        Reply missing = send(request("/customers").build());
        Reply wrong = send(request("/customers").header("Authorization", basic("not_the_key")).build());

        for (Reply reply : List.of(missing, wrong)) {
            assertEquals(401, reply.status());
            assertEquals("api_authentication_failed", reply.body().get("api_error_code").asText());
            assertEquals("api_authentication_failed", reply.body().get("error_code").asText());
            assertEquals(401, reply.body().get("http_status_code").asInt());
            assertNotNull(reply.body().get("message"));
            assertNotNull(reply.body().get("error_msg"));
        }
    }

    @Test
    void faults_shouldNotApply_whenRequestIsUnauthenticated() throws Exception {
        sandbox.faults().rateLimitNext(1, 1);

        assertEquals(401, send(request("/customers").build()).status());
        assertEquals(429, get("/customers").status());
        assertEquals(200, get("/customers").status());
    }

    // ---- faults ----------------------------------------------------------------------------------------------------

    @Test
    void faults_shouldAnswer429WithRetryAfter_forTheNextNRequests() throws Exception {
        sandbox.faults().rateLimitNext(2, 7);

        Reply first = get("/customers");
        Reply second = get("/customers");
        Reply third = get("/customers");

        assertEquals(429, first.status());
        assertEquals("7", first.retryAfter());
        assertEquals("api_request_limit_exceeded", first.body().get("api_error_code").asText());
        assertEquals(429, second.status());
        assertEquals(200, third.status());
        assertEquals(List.of(429, 429, 200), sandbox.requests().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void faults_shouldRateLimitEveryRequest_duringAWindow() throws Exception {
        sandbox.faults().rateLimitFor(Duration.ofSeconds(1), 1);

        assertEquals(429, get("/customers").status());
        assertEquals(429, get("/customers").status());
        Thread.sleep(1_100);
        assertEquals(200, get("/customers").status());
    }

    @Test
    void faults_shouldAnswer503SiteNotReady_whenServiceUnavailable() throws Exception {
        sandbox.faults().serviceUnavailableNext(1);

        Reply reply = get("/invoices");

        assertEquals(503, reply.status());
        assertEquals("site_not_ready", reply.body().get("api_error_code").asText());
        assertEquals(200, get("/invoices").status());
    }

    @Test
    void faults_shouldHoldTheResponse_whenDelayed() throws Exception {
        sandbox.faults().delayNext(1, Duration.ofSeconds(2));
        HttpClient impatient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        assertThrows(java.net.http.HttpTimeoutException.class, () -> impatient.send(request("/customers")
                .header("Authorization", basic(ChargebeeSandboxOptions.DEFAULT_API_KEY))
                .timeout(Duration.ofMillis(100)).build(), HttpResponse.BodyHandlers.ofString()));
        long started = System.nanoTime();
        assertEquals(200, get("/customers").status());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 1_500, "only the next request is slow");
    }

    @Test
    void faults_shouldSurfaceIOException_whenConnectionDropped() throws Exception {
        // The JDK client retries a GET once when the socket closes before any byte: two drops reach the caller.
        sandbox.faults().dropConnectionNext(2);

        assertThrows(IOException.class, () -> get("/customers"));
        assertEquals(List.of(RecordedRequest.NO_RESPONSE, RecordedRequest.NO_RESPONSE),
                sandbox.requests().stream().map(RecordedRequest::status).toList());
        assertEquals(200, get("/customers").status());
    }

    @Test
    void faults_shouldSurfaceIOException_whenResponseTruncated() throws Exception {
        putCustomers(3);
        sandbox.faults().truncateResponseNext(1);

        assertThrows(IOException.class, () -> get("/customers"));
        assertEquals(1, sandbox.requests().size(), "a half-sent response is not retried by the client");
    }

    @Test
    void faults_shouldBeReproducible_whenRandomWithSameSeed() throws Exception {
        sandbox.faults().randomTransientFailures(42, 0.5, 1);
        List<Integer> firstRun = statuses(20);
        sandbox.faults().randomTransientFailures(42, 0.5, 1);
        List<Integer> secondRun = statuses(20);

        assertEquals(firstRun, secondRun);
        assertTrue(firstRun.contains(200) && (firstRun.contains(429) || firstRun.contains(503)));
    }

    @Test
    void requests_shouldRecordDecodedParamsAndTime() throws Exception {
        Instant before = Instant.now();
        get("/invoices?limit=5&" + "status[in]=" + enc("[paid,posted]"));

        RecordedRequest recorded = sandbox.requests().get(0);
        assertEquals("GET", recorded.method());
        assertEquals("/api/v2/invoices", recorded.path());
        assertEquals("[paid,posted]", recorded.param("status[in]"));
        assertEquals(200, recorded.status());
        assertFalse(recorded.at().isBefore(before.minusMillis(1)));
        sandbox.clearRequests();
        assertTrue(sandbox.requests().isEmpty());
    }

    // ---- seeding, events, reset ------------------------------------------------------------------------------------

    @Test
    void loadDirectory_shouldDeriveEvents_whenNoEventsFile() throws Exception {
        sandbox.loadDirectory(resource("/chargebee/minimal"));

        JsonNode events = ok("/events?limit=100");
        List<String> types = new ArrayList<>();
        events.get("list").forEach(e -> types.add(e.get("event").get("event_type").asText()));

        assertEquals(List.of("customer_created", "customer_created", "invoice_generated", "payment_succeeded",
                "invoice_generated", "invoice_generated", "payment_succeeded"), types);
        JsonNode payment = events.get("list").get(3).get("event").get("content");
        assertEquals("INV-MIN-0001", payment.get("invoice").get("id").asText());
        assertEquals("cust_min_usd", payment.get("customer").get("id").asText());
        assertEquals(3, ok("/invoices").get("list").size());
    }

    @Test
    void start_shouldSeedFromDataDirectory_whenGivenInOptions() throws Exception {
        try (ChargebeeSandbox seeded = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults()
                .withDataDirectory(resource("/chargebee/demo-cycle")))) {
            assertEquals(300, seeded.events().stream()
                    .filter(e -> e.get("event_type").asText().equals("customer_created")).count());
            assertTrue(seeded.invoice("INV-2026-000001").isPresent());
            assertTrue(seeded.baseUrl().startsWith("http://127.0.0.1:"));
        }
    }

    @Test
    void reset_shouldClearDataFaultsAndRequests() throws Exception {
        putCustomers(2);
        sandbox.addEvent("customer_created", content("customer", customer("c", 1L, 1L)));
        sandbox.faults().rateLimitNext(5, 1);
        get("/customers");

        sandbox.reset();

        assertTrue(sandbox.requests().isEmpty());
        assertEquals(0, ok("/customers").get("list").size());
        assertEquals(0, ok("/events").get("list").size());
        assertEquals("ev_sbx_000001",
                sandbox.addEvent("customer_created", content("customer", customer("c", 1L, 1L))).get("id").asText());
    }

    // ---- webhooks --------------------------------------------------------------------------------------------------

    @Test
    void deliver_shouldPostTheEventJsonWithBasicAuth() throws Exception {
        ObjectNode event = sandbox.addEvent("invoice_generated", content("invoice", invoice("I1", "c1", "paid", 5, 1L,
                1L)));
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> auths = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auths.add(exchange.getRequestHeaders().getFirst("Authorization") + "|"
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            return 200;
        });
        try {
            WebhookDelivery delivery = sandbox.deliver(event.get("id").asText(), url(receiver), "hook", "s3cret");

            assertTrue(delivery.succeeded());
            assertEquals(1, delivery.attempts());
            assertEquals(mapper.readTree(mapper.writeValueAsString(event)), mapper.readTree(bodies.get(0)));
            assertEquals(basicPair("hook", "s3cret") + "|application/json", auths.get(0));
            assertEquals("succeeded", sandbox.event(event.get("id").asText()).orElseThrow()
                    .get("webhook_status").asText());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void deliver_shouldRetryNon2xx_perRetryPolicy() throws Exception {
        ObjectNode event = sandbox.addEvent("customer_created", content("customer", customer("c", 1L, 1L)));
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = receiver(exchange -> calls.incrementAndGet() < 3 ? 500 : 204);
        try {
            WebhookDelivery delivery = sandbox.deliver(event.get("id").asText(), WebhookTarget.of(url(receiver), null,
                    null).withRetryPolicy(WebhookRetryPolicy.retries(5, Duration.ofMillis(5))));

            assertEquals(List.of(500, 500, 204), delivery.attemptStatuses());
            assertTrue(delivery.succeeded());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void deliverShuffledWithDuplicates_shouldDeliverEveryEventAtLeastOnce() throws Exception {
        for (int i = 0; i < 10; i++) {
            sandbox.addEvent("customer_created", content("customer", customer("c" + i, i, (long) i)));
        }
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(exchange -> {
            received.add(mapper.readTree(exchange.getRequestBody().readAllBytes()).get("id").asText());
            return 200;
        });
        try {
            List<WebhookDelivery> deliveries = sandbox.deliverShuffledWithDuplicates(7, url(receiver), null, null);

            Set<String> distinct = new HashSet<>(received);
            assertEquals(10, distinct.size());
            assertEquals(12, received.size(), "10 events plus one in five again");
            assertEquals(deliveries.size(), received.size());
            List<String> inOrder = sandbox.events().stream().map(e -> e.get("id").asText()).toList();
            assertFalse(received.subList(0, 10).equals(inOrder), "shuffled");
        } finally {
            receiver.stop(0);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private record Reply(int status, JsonNode body, String retryAfter) {
    }

    @FunctionalInterface
    private interface Responder {
        int respond(com.sun.net.httpserver.HttpExchange exchange) throws IOException;
    }

    private JsonNode ok(String pathAndQuery) throws Exception {
        Reply reply = get(pathAndQuery);
        assertEquals(200, reply.status(), () -> pathAndQuery + " -> " + reply.body());
        return reply.body();
    }

    /** GET with the sandbox key; brackets in the query are percent-encoded so any client library's form is used. */
    private Reply get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).header("Authorization", basic(ChargebeeSandboxOptions.DEFAULT_API_KEY))
                .build());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), mapper.readTree(response.body()),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery.replace("[", "%5B")
                .replace("]", "%5D")));
    }

    private List<Integer> statuses(int count) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(get("/customers").status());
        }
        return statuses;
    }

    private static String basic(String key) {
        return basicPair(key, "");
    }

    private static String basicPair(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode listBody, String key) {
        List<String> ids = new ArrayList<>();
        listBody.get("list").forEach(entry -> ids.add(entry.get(key).get("id").asText()));
        return ids;
    }

    private void putCustomers(int count) {
        for (int i = 1; i <= count; i++) {
            sandbox.putCustomer(customer(String.format("cust_%02d", i), 1_700_000_000L + i, 1_700_100_000L + i));
        }
    }

    private ObjectNode customer(String id, long createdAt, Long updatedAt) {
        ObjectNode customer = mapper.createObjectNode().put("id", id).put("created_at", createdAt)
                .put("deleted", false).put("object", "customer");
        if (updatedAt != null) {
            customer.put("updated_at", updatedAt);
        }
        return customer;
    }

    private void putInvoice(String id, String customerId, String status, long total, long date, long updatedAt) {
        sandbox.putInvoice(invoice(id, customerId, status, total, date, updatedAt));
    }

    private ObjectNode invoice(String id, String customerId, String status, long total, long date, long updatedAt) {
        return mapper.createObjectNode().put("id", id).put("customer_id", customerId).put("status", status)
                .put("total", total).put("date", date).put("updated_at", updatedAt).put("deleted", false)
                .put("currency_code", "USD").put("object", "invoice");
    }

    private ObjectNode invoiceWithLines(String id, int lines) {
        ObjectNode invoice = invoice(id, "cust_a", "paid", lines * 100L, 1L, 1L);
        for (int i = 1; i <= lines; i++) {
            invoice.withArrayProperty("line_items").addObject().put("id", "li_" + i).put("amount", 100)
                    .put("entity_type", "plan_item_price").put("object", "line_item");
            invoice.withArrayProperty("line_item_taxes").addObject().put("line_item_id", "li_" + i)
                    .put("tax_amount", 0).put("object", "line_item_tax");
        }
        return invoice;
    }

    private ObjectNode transaction(String id, long date, Long updatedAt) {
        ObjectNode txn = mapper.createObjectNode().put("id", id).put("type", "payment").put("status", "success")
                .put("date", date).put("amount", 100).put("deleted", false).put("object", "transaction");
        if (updatedAt != null) {
            txn.put("updated_at", updatedAt);
        }
        return txn;
    }

    private ObjectNode content(String key, ObjectNode resource) {
        ObjectNode content = mapper.createObjectNode();
        content.set(key, resource);
        return content;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ChargebeeSandboxTest.class.getResource(name).toURI());
    }

    private static HttpServer receiver(Responder responder) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", exchange -> {
            int status = responder.respond(exchange);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static URI url(HttpServer receiver) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
    }
}
