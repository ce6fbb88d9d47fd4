package io.mlconnector.sandbox.chargebee.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chargebee.Environment;
import com.chargebee.ListResult;
import com.chargebee.Result;
import com.chargebee.models.Configuration;
import com.chargebee.models.CreditNote;
import com.chargebee.models.Customer;
import com.chargebee.models.Event;
import com.chargebee.models.Invoice;
import com.chargebee.models.Transaction;
import com.chargebee.models.enums.ApiVersion;
import com.chargebee.models.enums.EventType;
import com.chargebee.models.enums.PriceType;
import com.chargebee.models.enums.ProductCatalogVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandboxOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fidelity proof: the official Chargebee Java SDK 3.30.0 reads every record of the demo cycle, as list entries
 * and as single retrieves, for every resource the connector reads. "Reads" means every typed getter the SDK offers
 * runs without "Wrong type" or a missing required property, no enum comes back {@code _UNKNOWN}, and the getters the
 * connector relies on return the values in the data files.
 */
class OfficialSdkReadsSandboxTest {

    private static final int MAX_REPORTED_PROBLEMS = 25;

    private static SdkGlobalState sdkStateBefore;
    private static DemoCycleData data;
    private static ChargebeeSandbox sandbox;
    private static Environment sdk;

    @BeforeAll
    static void startSandbox() {
        sdkStateBefore = SdkGlobalState.capture();
        data = DemoCycleData.load();
        sandbox = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults().withDataDirectory(data.directory()));
        sdk = SandboxSdkEnvironment.of(sandbox, ChargebeeSandboxOptions.DEFAULT_API_KEY);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.stop();
        assertEquals(sdkStateBefore, SdkGlobalState.capture(), "the tests must leave no static SDK state behind");
    }

    // ---- customers -------------------------------------------------------------------------------------------------

    @Test
    void customerList_shouldBeReadByTheSdkForEveryCustomer_whenPagedWithLimit100() throws Exception {
        SdkPaging.Listing listing = SdkPaging.listAll(Customer::list, sdk);

        List<Customer> customers = listing.entries().stream().map(ListResult.Entry::customer).toList();
        assertEveryRecordListedOnce(data.customers(), customers, Customer::id, listing);
        assertSdkReadsAll(customers, c -> "customer " + c.id());
        customers.forEach(c -> ConnectorFieldAssertions.customer(c, data.customers().get(c.id())));
    }

    @Test
    void customerRetrieve_shouldBeReadByTheSdk_forEveryCustomerId() throws Exception {
        assertEveryRetrieveReads(data.customers(), id -> Customer.retrieve(id).request(sdk).customer(),
                Customer::id, ConnectorFieldAssertions::customer);
    }

    // ---- invoices --------------------------------------------------------------------------------------------------

    @Test
    void invoiceList_shouldBeReadByTheSdkForEveryInvoice_whenPagedWithLimit100() throws Exception {
        SdkPaging.Listing listing = SdkPaging.listAll(Invoice::list, sdk);

        List<Invoice> invoices = listing.entries().stream().map(ListResult.Entry::invoice).toList();
        assertEveryRecordListedOnce(data.invoices(), invoices, Invoice::id, listing);
        assertSdkReadsAll(invoices, i -> "invoice " + i.id());
        invoices.forEach(i -> ConnectorFieldAssertions.invoice(i, data.invoices().get(i.id())));
    }

    @Test
    void invoiceList_shouldCoverEveryInvoiceShapeOfTheDemoCycle_whenReadByTheSdk() throws Exception {
        List<Invoice> invoices = SdkPaging.listAll(Invoice::list, sdk).entries().stream()
                .map(ListResult.Entry::invoice).toList();

        Set<Invoice.Status> statuses = invoices.stream().map(Invoice::status).collect(Collectors.toSet());
        assertTrue(statuses.containsAll(Set.of(Invoice.Status.PAID, Invoice.Status.POSTED, Invoice.Status.PAYMENT_DUE,
                Invoice.Status.VOIDED, Invoice.Status.PENDING)), "statuses read: " + statuses);
        assertEquals(Set.of(PriceType.TAX_EXCLUSIVE, PriceType.TAX_INCLUSIVE),
                invoices.stream().map(Invoice::priceType).collect(Collectors.toSet()));
        assertTrue(invoices.stream().anyMatch(i -> !i.discounts().isEmpty()), "an invoice with a coupon");
        assertTrue(invoices.stream().anyMatch(i -> !i.adjustmentCreditNotes().isEmpty()
                || !i.issuedCreditNotes().isEmpty()), "an invoice with a credit note");
        Set<Invoice.LineItem.EntityType> lineTypes = invoices.stream().flatMap(i -> i.lineItems().stream())
                .map(Invoice.LineItem::entityType).collect(Collectors.toSet());
        assertTrue(lineTypes.containsAll(Set.of(Invoice.LineItem.EntityType.PLAN_ITEM_PRICE,
                Invoice.LineItem.EntityType.ADDON_ITEM_PRICE)), "line item entity types read: " + lineTypes);
        Set<String> currencies = invoices.stream().map(Invoice::currencyCode).collect(Collectors.toSet());
        assertEquals(Set.of("USD", "EUR", "JPY"), currencies);
    }

    @Test
    void invoiceRetrieve_shouldBeReadByTheSdk_forEveryInvoiceId() throws Exception {
        assertEveryRetrieveReads(data.invoices(), id -> Invoice.retrieve(id).request(sdk).invoice(), Invoice::id,
                ConnectorFieldAssertions::invoice);
    }

    /** The SDK has no typed line-item paging; the generic {@code param(...)} is how an SDK user pages. */
    @Test
    void invoiceRetrieve_shouldServeEveryLineItemPage_whenTheSdkPagesWithLineItemsLimit() throws Exception {
        JsonNode multiLine = data.invoices().values().stream()
                .filter(i -> i.path("line_items").size() >= 3).findFirst().orElseThrow();
        String id = multiLine.path("id").asText();

        List<String> lineIds = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Invoice page = (next == null ? Invoice.retrieve(id).param("line_items_limit", 1)
                    : Invoice.retrieve(id).param("line_items_limit", 1).param("line_items_offset", next))
                    .request(sdk).invoice();
            assertEquals(1, page.lineItems().size(), "line_items_limit=1");
            assertSdkReadsAll(List.of(page), i -> "invoice " + i.id() + " line page");
            page.lineItems().forEach(line -> lineIds.add(line.id()));
            next = page.jsonObj.optString("line_items_next_offset", null);
            pages++;
        } while (next != null && pages <= multiLine.path("line_items").size());

        List<String> expected = new ArrayList<>();
        multiLine.path("line_items").forEach(line -> expected.add(line.path("id").asText()));
        assertEquals(expected, lineIds);
        assertNull(next, "no line_items_next_offset after the last line");
    }

    /**
     * Chargebee truncates the line items of very large documents in lists; both shapes the sandbox serves for that
     * (first page plus {@code line_items_next_offset}, or an empty {@code line_items}) must still be SDK-readable.
     * Its own sandbox, because the truncation threshold is a per-sandbox setting.
     */
    @Test
    void invoiceList_shouldStayReadableByTheSdk_whenLineItemsAreTruncatedOrOmitted() throws Exception {
        try (ChargebeeSandbox truncating = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults()
                .withDataDirectory(data.directory()))) {
            Environment truncatingSdk = SandboxSdkEnvironment.of(truncating, ChargebeeSandboxOptions.DEFAULT_API_KEY);
            truncating.setLineItemsTruncateAt(1);
            long multiLine = data.invoices().values().stream().filter(i -> i.path("line_items").size() > 1).count();

            for (boolean omit : List.of(false, true)) {
                truncating.setListsOmitTruncatedLineItems(omit);
                List<Invoice> invoices = SdkPaging.listAll(Invoice::list, truncatingSdk).entries().stream()
                        .map(ListResult.Entry::invoice).toList();

                assertEquals(data.invoices().size(), invoices.size());
                assertSdkReadsAll(invoices, i -> "truncated invoice " + i.id());
                List<Invoice> truncated = invoices.stream()
                        .filter(i -> i.jsonObj.optString("line_items_next_offset", null) != null).toList();
                assertEquals(multiLine, truncated.size(), "omit=" + omit);
                assertTrue(truncated.stream().allMatch(i -> i.lineItems().size() == (omit ? 0 : 1)), "omit=" + omit);
            }
        }
    }

    // ---- credit notes ----------------------------------------------------------------------------------------------

    @Test
    void creditNoteList_shouldBeReadByTheSdkForEveryCreditNote_includingTheWriteOff() throws Exception {
        SdkPaging.Listing listing = SdkPaging.listAll(CreditNote::list, sdk);

        List<CreditNote> notes = listing.entries().stream().map(ListResult.Entry::creditNote).toList();
        assertEveryRecordListedOnce(data.creditNotes(), notes, CreditNote::id, listing);
        assertSdkReadsAll(notes, n -> "credit note " + n.id());
        notes.forEach(n -> ConnectorFieldAssertions.creditNote(n, data.creditNotes().get(n.id())));
        assertTrue(notes.stream().anyMatch(n -> n.reasonCode() == CreditNote.ReasonCode.WRITE_OFF
                && n.type() == CreditNote.Type.ADJUSTMENT && !n.allocations().isEmpty()), "the write-off");
        assertTrue(notes.stream().anyMatch(n -> n.type() == CreditNote.Type.REFUNDABLE
                && !n.linkedRefunds().isEmpty()), "the refundable credit note with its refund");
    }

    @Test
    void creditNoteRetrieve_shouldBeReadByTheSdk_forEveryCreditNoteId() throws Exception {
        assertEveryRetrieveReads(data.creditNotes(), id -> CreditNote.retrieve(id).request(sdk).creditNote(),
                CreditNote::id, ConnectorFieldAssertions::creditNote);
    }

    // ---- transactions ----------------------------------------------------------------------------------------------

    @Test
    void transactionList_shouldBeReadByTheSdkForEveryTransaction_includingRefundAndFailure() throws Exception {
        SdkPaging.Listing listing = SdkPaging.listAll(Transaction::list, sdk);

        List<Transaction> txns = listing.entries().stream().map(ListResult.Entry::transaction).toList();
        assertEveryRecordListedOnce(data.transactions(), txns, Transaction::id, listing);
        assertSdkReadsAll(txns, t -> "transaction " + t.id());
        txns.forEach(t -> ConnectorFieldAssertions.transaction(t, data.transactions().get(t.id())));
        assertTrue(txns.stream().anyMatch(t -> t.type() == Transaction.Type.PAYMENT
                && t.linkedInvoices().size() >= 2), "a payment covering two invoices");
        assertTrue(txns.stream().anyMatch(t -> t.type() == Transaction.Type.REFUND
                && !t.linkedCreditNotes().isEmpty()), "a refund of a credit note");
        assertTrue(txns.stream().anyMatch(t -> t.status() == Transaction.Status.FAILURE), "a failed payment");
    }

    @Test
    void transactionRetrieve_shouldBeReadByTheSdk_forEveryTransactionId() throws Exception {
        assertEveryRetrieveReads(data.transactions(), id -> Transaction.retrieve(id).request(sdk).transaction(),
                Transaction::id, ConnectorFieldAssertions::transaction);
    }

    // ---- events ----------------------------------------------------------------------------------------------------

    @Test
    void eventList_shouldBeReadByTheSdkForEveryDerivedEvent_whenPagedWithLimit100() throws Exception {
        SdkPaging.Listing listing = SdkPaging.listAll(Event::list, sdk);

        List<Event> events = listing.entries().stream().map(ListResult.Entry::event).toList();
        Map<String, Long> expectedByType = data.expectedDerivedEventCounts();
        long expectedTotal = expectedByType.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(expectedTotal, events.size(), "events derived from the data files");
        assertEquals(expectedTotal, new HashSet<>(events.stream().map(Event::id).toList()).size(), "duplicates");
        assertEquals(SdkPaging.pagesFor((int) expectedTotal), listing.pages(), "pages at limit 100");
        assertEquals(expectedByType, new TreeMap<>(events.stream().collect(Collectors.groupingBy(
                e -> e.eventType().name().toLowerCase(Locale.ROOT), Collectors.counting()))));
        assertSdkReadsAll(events, e -> "event " + e.id() + " (" + e.eventType() + ")");
        events.forEach(this::assertEventCarriesItsResources);
    }

    @Test
    void eventRetrieve_shouldBeReadByTheSdk_forEveryEventId() throws Exception {
        List<ObjectNode> expected = sandbox.events();
        assertEquals(data.expectedDerivedEventCounts().values().stream().mapToLong(Long::longValue).sum(),
                expected.size());
        List<Event> retrieved = ParallelRetrieval.retrieveAll(
                expected.stream().map(e -> e.path("id").asText()).toList(),
                id -> Event.retrieve(id).request(sdk).event());
        for (int i = 0; i < expected.size(); i++) {
            Event read = retrieved.get(i);
            FieldAssert f = new FieldAssert(expected.get(i), "event " + read.id());
            f.text("id", read.id());
            f.timestamp("occurred_at", read.occurredAt());
            f.enumValue("event_type", read.eventType());
            f.enumValue("source", read.source());
        }
        assertSdkReadsAll(retrieved, e -> "event " + e.id());
        retrieved.forEach(this::assertEventCarriesItsResources);
    }

    // ---- configuration ---------------------------------------------------------------------------------------------

    @Test
    void configurationList_shouldBeReadByTheSdk_asAProductCatalog2Site() throws Exception {
        Result result = Configuration.list().request(sdk);

        List<Configuration> configurations = result.configurations();
        assertEquals(1, configurations.size());
        Configuration configuration = configurations.get(0);
        assertEquals(sandbox.siteName(), configuration.domain());
        assertEquals(ProductCatalogVersion.V2, configuration.productCatalogVersion());
        assertSdkReadsAll(configurations, c -> "configuration " + c.domain());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /**
     * The content resources a derived event carries, read through {@code content()}, are the data-file records
     * (derived events carry the final seeded state).
     */
    private void assertEventCarriesItsResources(Event event) {
        String where = "event " + event.id() + " (" + event.eventType() + ")";
        assertEquals(ApiVersion.V2, event.apiVersion(), where);
        assertNotEquals(EventType._UNKNOWN, event.eventType(), where);
        Event.Content content = FieldAssert.required(event.content(), where + " content");
        switch (event.eventType()) {
            case CUSTOMER_CREATED -> {
                Customer customer = FieldAssert.required(content.customer(), where + " content.customer");
                ConnectorFieldAssertions.customer(customer, data.customers().get(customer.id()));
            }
            case INVOICE_GENERATED, PENDING_INVOICE_CREATED, INVOICE_UPDATED -> {
                Invoice invoice = FieldAssert.required(content.invoice(), where + " content.invoice");
                ConnectorFieldAssertions.invoice(invoice, data.invoices().get(invoice.id()));
            }
            case CREDIT_NOTE_CREATED -> {
                CreditNote note = FieldAssert.required(content.creditNote(), where + " content.credit_note");
                ConnectorFieldAssertions.creditNote(note, data.creditNotes().get(note.id()));
            }
            case PAYMENT_SUCCEEDED, PAYMENT_FAILED, PAYMENT_REFUNDED, TRANSACTION_CREATED -> {
                Transaction txn = FieldAssert.required(content.transaction(), where + " content.transaction");
                ConnectorFieldAssertions.transaction(txn, data.transactions().get(txn.id()));
                if (event.eventType() != EventType.TRANSACTION_CREATED) {
                    Customer customer = FieldAssert.required(content.customer(), where + " content.customer");
                    ConnectorFieldAssertions.customer(customer, data.customers().get(customer.id()));
                }
                if (content.invoice() != null) {
                    ConnectorFieldAssertions.invoice(content.invoice(), data.invoices().get(content.invoice().id()));
                }
                if (event.eventType() == EventType.PAYMENT_REFUNDED) {
                    CreditNote note = FieldAssert.required(content.creditNote(), where + " content.credit_note");
                    ConnectorFieldAssertions.creditNote(note, data.creditNotes().get(note.id()));
                }
            }
            default -> throw new AssertionError(where + ": not an event type the sandbox derives");
        }
    }

    private static <T> void assertEveryRecordListedOnce(Map<String, JsonNode> expected, List<T> listed,
            Function<T, String> id, SdkPaging.Listing listing) {
        List<String> ids = listed.stream().map(id).toList();
        assertEquals(expected.size(), ids.size(), "records listed vs records in the data file");
        assertEquals(expected.keySet(), new HashSet<>(ids), "the same ids as the data file, each once");
        assertEquals(SdkPaging.pagesFor(expected.size()), listing.pages(), "pages at limit 100");
    }

    private static <T> void assertEveryRetrieveReads(Map<String, JsonNode> expected,
            ParallelRetrieval.SdkRetrieve<T> retrieve, Function<T, String> id, BiConsumer<T, JsonNode> connectorFields)
            throws Exception {
        List<String> ids = List.copyOf(expected.keySet());
        List<T> retrieved = ParallelRetrieval.retrieveAll(ids, retrieve);
        assertEquals(expected.size(), retrieved.size(), "one retrieve per record in the data file");
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(ids.get(i), id.apply(retrieved.get(i)));
            connectorFields.accept(retrieved.get(i), expected.get(ids.get(i)));
        }
        assertSdkReadsAll(retrieved, r -> id.apply(r));
    }

    private static <T> void assertSdkReadsAll(List<T> models, Function<T, String> name) {
        List<String> problems = new ArrayList<>();
        for (T model : models) {
            problems.addAll(TypedGetterSweep.problemsIn(model, name.apply(model)));
        }
        assertTrue(problems.isEmpty(), problems.size() + " values the official SDK cannot read, e.g.:\n"
                + String.join("\n", problems.subList(0, Math.min(MAX_REPORTED_PROBLEMS, problems.size()))));
    }
}
