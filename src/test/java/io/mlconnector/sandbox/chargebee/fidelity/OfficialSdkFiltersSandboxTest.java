package io.mlconnector.sandbox.chargebee.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chargebee.Environment;
import com.chargebee.ListResult;
import com.chargebee.filters.enums.SortOrder;
import com.chargebee.internal.ListRequest;
import com.chargebee.models.CreditNote;
import com.chargebee.models.Customer;
import com.chargebee.models.Event;
import com.chargebee.models.Invoice;
import com.chargebee.models.Transaction;
import com.chargebee.models.enums.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandboxOptions;
import io.mlconnector.sandbox.chargebee.RecordedRequest;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filters and sort orders built with the official SDK's typed request builders reach the sandbox in the SDK's wire
 * format ({@code status[in]=["paid","posted"]}, Unix-second timestamps, {@code sort_by[asc]=date}) and select the
 * records the data files say they should.
 */
class OfficialSdkFiltersSandboxTest {

    private static final long MILLIS_PER_SECOND = 1000L;

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

    // ---- enum filters ----------------------------------------------------------------------------------------------

    @Test
    void invoiceStatusIn_shouldSelectPaidAndPostedInvoices_whenSentAsTheSdkJsonArray() throws Exception {
        sandbox.clearRequests();

        List<ListResult.Entry> listed = listAll(
                () -> Invoice.list().status().in(Invoice.Status.PAID, Invoice.Status.POSTED));

        assertEquals(ids(data.invoices(), i -> Set.of("paid", "posted").contains(i.path("status").asText())),
                ids(listed, e -> e.invoice().id()));
        RecordedRequest first = sandbox.requests().get(0);
        assertEquals("[\"paid\",\"posted\"]", first.param("status[in]"), "the SDK's wire format for [in]");
    }

    @Test
    void invoiceStatusIs_shouldSelectTheVoidedAndThePendingInvoice() throws Exception {
        for (Invoice.Status status : List.of(Invoice.Status.VOIDED, Invoice.Status.PENDING)) {
            List<ListResult.Entry> listed = listAll(() -> Invoice.list().status().is(status));

            Set<String> expected = ids(data.invoices(), i -> status.name().equalsIgnoreCase(i.path("status").asText()));
            assertEquals(1, expected.size(), "the demo cycle has one " + status + " invoice");
            assertEquals(expected, ids(listed, e -> e.invoice().id()));
        }
    }

    @Test
    void transactionTypeAndStatus_shouldSelectTheRefundAndTheFailedPayment() throws Exception {
        List<ListResult.Entry> refunds = listAll(() -> Transaction.list().type().is(Transaction.Type.REFUND));
        List<ListResult.Entry> failures = listAll(() -> Transaction.list().status().is(Transaction.Status.FAILURE));

        assertEquals(ids(data.transactions(), t -> "refund".equals(t.path("type").asText())),
                ids(refunds, e -> e.transaction().id()));
        assertEquals(ids(data.transactions(), t -> "failure".equals(t.path("status").asText())),
                ids(failures, e -> e.transaction().id()));
        assertFalse(refunds.isEmpty());
        assertFalse(failures.isEmpty());
    }

    @Test
    void creditNoteTypeIs_shouldSelectTheWriteOffAdjustment() throws Exception {
        List<ListResult.Entry> listed = listAll(() -> CreditNote.list().type().is(CreditNote.Type.ADJUSTMENT));

        Set<String> expected = ids(data.creditNotes(), n -> "adjustment".equals(n.path("type").asText()));
        assertFalse(expected.isEmpty());
        assertEquals(expected, ids(listed, e -> e.creditNote().id()));
    }

    @Test
    void eventTypeIn_shouldSelectPaymentEventsOnly_whenCombinedWithSortByOccurredAt() throws Exception {
        List<ListResult.Entry> listed = listAll(() -> Event.list()
                .eventType().in(EventType.PAYMENT_SUCCEEDED, EventType.PAYMENT_REFUNDED)
                .sortByOccurredAt(SortOrder.ASC));

        Map<String, Long> expected = data.expectedDerivedEventCounts();
        assertEquals(expected.get("payment_succeeded") + expected.get("payment_refunded"), listed.size());
        assertTrue(listed.stream().allMatch(e -> e.event().eventType() == EventType.PAYMENT_SUCCEEDED
                || e.event().eventType() == EventType.PAYMENT_REFUNDED));
        assertNonDecreasing(listed, e -> e.event().occurredAt().getTime());
    }

    // ---- timestamp filters -----------------------------------------------------------------------------------------

    @Test
    void invoiceUpdatedAtAfter_shouldSelectInvoicesUpdatedStrictlyLater_whenSentAsUnixSeconds() throws Exception {
        long cut = median(data.invoices().values(), "updated_at");
        sandbox.clearRequests();

        List<ListResult.Entry> listed = listAll(
                () -> Invoice.list().updatedAt().after(new Timestamp(cut * MILLIS_PER_SECOND)));

        assertEquals(ids(data.invoices(), i -> i.path("updated_at").asLong() > cut),
                ids(listed, e -> e.invoice().id()));
        assertEquals(Long.toString(cut), sandbox.requests().get(0).param("updated_at[after]"),
                "the SDK sends Unix seconds");
    }

    @Test
    void customerUpdatedAtAfter_shouldSelectCustomersUpdatedStrictlyLater() throws Exception {
        long cut = median(data.customers().values(), "updated_at");

        List<ListResult.Entry> listed = listAll(
                () -> Customer.list().updatedAt().after(new Timestamp(cut * MILLIS_PER_SECOND)));

        assertEquals(ids(data.customers(), c -> c.path("updated_at").asLong() > cut),
                ids(listed, e -> e.customer().id()));
    }

    /** The connector's poll: {@code occurred_at[after]}, {@code event_type[in]}, {@code sort_by[asc]=occurred_at}. */
    @Test
    void eventOccurredAtAfterAndTypeIn_shouldSelectLaterEventsOfThoseTypes_inOccurredAtOrder() throws Exception {
        List<ObjectNode> events = sandbox.events();
        long cut = median(events, "occurred_at");
        Set<String> types = Set.of("invoice_generated", "credit_note_created", "payment_succeeded");

        List<ListResult.Entry> listed = listAll(() -> Event.list()
                .occurredAt().after(new Timestamp(cut * MILLIS_PER_SECOND))
                .eventType().in(EventType.INVOICE_GENERATED, EventType.CREDIT_NOTE_CREATED,
                        EventType.PAYMENT_SUCCEEDED)
                .sortByOccurredAt(SortOrder.ASC));

        Set<String> expected = events.stream()
                .filter(e -> e.path("occurred_at").asLong() > cut && types.contains(e.path("event_type").asText()))
                .map(e -> e.path("id").asText()).collect(Collectors.toSet());
        assertFalse(expected.isEmpty());
        assertEquals(expected, ids(listed, e -> e.event().id()));
        assertNonDecreasing(listed, e -> e.event().occurredAt().getTime());
    }

    /** The connector re-reads webhook events by id, up to 100 per call. */
    @Test
    void eventIdIn_shouldSelectExactlyTheRequestedEvents_whenTheSdkAsksForAHundredIds() throws Exception {
        List<ObjectNode> events = sandbox.events();
        String[] wanted = IntStream.range(0, SdkPaging.PAGE_SIZE)
                .mapToObj(i -> events.get(i * (events.size() / SdkPaging.PAGE_SIZE)).path("id").asText())
                .toArray(String[]::new);

        List<ListResult.Entry> listed = listAll(() -> Event.list().id().in(wanted));

        assertEquals(Set.of(wanted), ids(listed, e -> e.event().id()));
    }

    // ---- sort orders -----------------------------------------------------------------------------------------------

    @Test
    void invoiceSortByDate_shouldPageEveryInvoiceOnceInDateOrder_inBothDirections() throws Exception {
        List<ListResult.Entry> ascending = listAll(() -> Invoice.list().sortByDate(SortOrder.ASC));
        List<ListResult.Entry> descending = listAll(() -> Invoice.list().sortByDate(SortOrder.DESC));

        assertEquals(data.invoices().keySet(), ids(ascending, e -> e.invoice().id()));
        assertEquals(data.invoices().size(), ascending.size());
        assertEquals(data.invoices().keySet(), ids(descending, e -> e.invoice().id()));
        assertEquals(data.invoices().size(), descending.size());
        assertNonDecreasing(ascending, e -> e.invoice().date().getTime());
        assertNonDecreasing(descending, e -> -e.invoice().date().getTime());
        RecordedRequest last = sandbox.requests().get(sandbox.requests().size() - 1);
        assertEquals("date", last.param("sort_by[desc]"), "the SDK's wire format for a sort order");
    }

    @Test
    void transactionSortByUpdatedAt_shouldPageEveryTransactionOnce() throws Exception {
        List<ListResult.Entry> listed = listAll(() -> Transaction.list().sortByUpdatedAt(SortOrder.ASC));

        assertEquals(data.transactions().size(), listed.size());
        assertEquals(data.transactions().keySet(), ids(listed, e -> e.transaction().id()));
        assertNonDecreasing(listed, e -> e.transaction().updatedAt().getTime());
    }

    // ---- include_deleted -------------------------------------------------------------------------------------------

    /** The demo cycle has no deleted records, so this test seeds its own sandbox with a deleted copy of each kind. */
    @Test
    void includeDeleted_shouldAddDeletedRecordsReadableByTheSdk_onlyWhenTheSdkAsksForThem() throws Exception {
        try (ChargebeeSandbox own = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults())) {
            Environment ownSdk = SandboxSdkEnvironment.of(own, ChargebeeSandboxOptions.DEFAULT_API_KEY);
            own.putCustomer(copy(data.customers(), false));
            own.putCustomer(copy(data.customers(), true));
            own.putInvoice(copy(data.invoices(), false));
            own.putInvoice(copy(data.invoices(), true));
            own.putCreditNote(copy(data.creditNotes(), false));
            own.putCreditNote(copy(data.creditNotes(), true));
            own.putTransaction(copy(data.transactions(), false));
            own.putTransaction(copy(data.transactions(), true));

            assertDeletedOnlyWhenAsked(ownSdk, Customer::list, () -> Customer.list().includeDeleted(true),
                    e -> e.customer().deleted());
            assertDeletedOnlyWhenAsked(ownSdk, Invoice::list, () -> Invoice.list().includeDeleted(true),
                    e -> e.invoice().deleted());
            assertDeletedOnlyWhenAsked(ownSdk, CreditNote::list, () -> CreditNote.list().includeDeleted(true),
                    e -> e.creditNote().deleted());
            assertDeletedOnlyWhenAsked(ownSdk, Transaction::list, () -> Transaction.list().includeDeleted(true),
                    e -> e.transaction().deleted());
            assertEquals("true", own.requests().get(own.requests().size() - 1).param("include_deleted"));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static void assertDeletedOnlyWhenAsked(Environment environment, Supplier<? extends ListRequest<?>> plain,
            Supplier<? extends ListRequest<?>> withDeleted, Function<ListResult.Entry, Boolean> deleted)
            throws Exception {
        List<ListResult.Entry> live = SdkPaging.listAll(plain, environment).entries();
        List<ListResult.Entry> all = SdkPaging.listAll(withDeleted, environment).entries();

        assertEquals(1, live.size());
        assertEquals(Boolean.FALSE, deleted.apply(live.get(0)));
        assertEquals(2, all.size());
        assertEquals(1, all.stream().filter(e -> Boolean.TRUE.equals(deleted.apply(e))).count());
    }

    /** A copy of the first record, under a new id, marked deleted or not. */
    private static ObjectNode copy(Map<String, JsonNode> records, boolean deleted) {
        ObjectNode record = records.values().iterator().next().deepCopy();
        record.put("id", record.path("id").asText() + (deleted ? "_deleted" : "_live"));
        record.put("deleted", deleted);
        return record;
    }

    private static List<ListResult.Entry> listAll(Supplier<? extends ListRequest<?>> request) throws Exception {
        return SdkPaging.listAll(request, sdk).entries();
    }

    private static Set<String> ids(Map<String, JsonNode> records, Predicate<JsonNode> test) {
        return records.values().stream().filter(test).map(r -> r.path("id").asText()).collect(Collectors.toSet());
    }

    /** The ids listed, failing on a duplicate (paging must serve each record once). */
    private static Set<String> ids(List<ListResult.Entry> listed, Function<ListResult.Entry, String> id) {
        List<String> all = listed.stream().map(id).toList();
        Set<String> unique = Set.copyOf(all);
        assertEquals(all.size(), unique.size(), "a record was listed twice");
        return unique;
    }

    private static long median(Collection<? extends JsonNode> records, String field) {
        List<Long> values = records.stream().map(r -> r.path(field).asLong()).sorted().toList();
        return values.get(values.size() / 2);
    }

    private static void assertNonDecreasing(List<ListResult.Entry> listed, ToLongFunction<ListResult.Entry> key) {
        for (int i = 1; i < listed.size(); i++) {
            assertTrue(key.applyAsLong(listed.get(i - 1)) <= key.applyAsLong(listed.get(i)),
                    "out of order at position " + i);
        }
    }
}
