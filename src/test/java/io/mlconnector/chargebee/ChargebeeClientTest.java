package io.mlconnector.chargebee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.chargebee.dto.ChargebeeCustomer;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.config.ChargebeeConfig;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.sandbox.chargebee.RecordedRequest;
import io.mlconnector.secrets.AcumaticaCredentials;
import io.mlconnector.secrets.ChargebeeCredentials;
import io.mlconnector.secrets.CredentialStore;
import io.mlconnector.secrets.Secret;
import io.mlconnector.secrets.WebhookCredentials;
import io.mlconnector.testing.Sandboxes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Chargebee client against the Chargebee sandbox: paging, filters, line items, deleted and legacy records, limits. */
@QuarkusTest
@TestProfile(ChargebeeClientProfile.class)
class ChargebeeClientTest {
    private static final Path DEMO = Path.of("src/test/resources/chargebee/demo-cycle");

    @Inject
    ChargebeeClient client;

    @Inject
    ChargebeeConfig config;

    @Inject
    ObjectMapper json;

    private ChargebeeSandbox sandbox;
    private ResourceReader reader;

    @BeforeEach
    void setUp() {
        Sandboxes.shared().reset();
        sandbox = Sandboxes.shared().chargebee();
        reader = new ResourceReader(client);
    }

    @Test
    void backfill_shouldPageThroughEveryRecord_withLimit100AndTheOpaqueNextOffset() {
        sandbox.loadDirectory(DEMO);
        Set<String> ids = new HashSet<>();

        ResourceReader.ReadResult result = reader.backfill(ChargebeeResource.CUSTOMERS, Instant.EPOCH,
                Instant.now(), Duration.ofDays(3650 * 10), ChargebeeCustomer::updatedAt, c -> ids.add(c.id()));

        assertThat(ids).hasSize(300);
        assertThat(result.records()).isEqualTo(300);
        assertThat(result.pages()).isEqualTo(3);
        assertThat(sandbox.requests()).allSatisfy(r -> assertThat(r.param("limit")).isEqualTo("100"));
    }

    @Test
    void list_shouldApplyChargebeeFilters_likeStatusIn() {
        sandbox.loadDirectory(DEMO);
        List<ChargebeeInvoice> voidedOrPending = new ArrayList<>();
        Optional<String> offset = Optional.empty();
        do {
            var page = client.list(ChargebeeResource.INVOICES, ListQuery.all().in("status", List.of("voided", "pending")),
                    offset);
            voidedOrPending.addAll(page.items());
            offset = page.nextOffset();
        } while (offset.isPresent());

        assertThat(voidedOrPending).extracting(ChargebeeInvoice::status).containsExactlyInAnyOrder("voided", "pending");
    }

    @Test
    void invoice_shouldFetchEveryLineItem_whenChargebeeTruncatesThem() {
        sandbox.setLineItemsTruncateAt(100);
        sandbox.putInvoice(invoiceWithLines("INV-BIG-1", 250, 1_700_000_000L, true));

        ChargebeeInvoice invoice = client.invoice("INV-BIG-1");

        assertThat(invoice.lineItems()).hasSize(250);
        assertThat(invoice.lineItems()).extracting(line -> line.id()).doesNotHaveDuplicates();
        assertThat(invoice.lineItemsNextOffset()).isNull();
        assertThat(sandbox.requests()).filteredOn(r -> r.param("line_items_offset") != null).hasSize(1);
    }

    @Test
    void invoice_shouldCompleteTheDemoCyclesItemisedBill_thatItsEventCarriesTruncated() {
        sandbox.loadDirectory(DEMO);
        String eventId = sandbox.events().stream()
                .filter(e -> e.path("event_type").asText().equals("invoice_generated"))
                .filter(e -> e.at("/content/invoice/line_items").size() > 100)
                .findFirst().orElseThrow().path("id").asText();
        sandbox.clearRequests();

        ChargebeeInvoice carried = client.eventsByIds(List.of(eventId)).get(0).contentOrEmpty().invoice();
        ChargebeeInvoice whole = client.invoice(carried.id());

        assertThat(carried.lineItems()).hasSize(100);
        assertThat(carried.lineItemsNextOffset()).isNotBlank();
        assertThat(whole.lineItems()).hasSize(130).extracting(line -> line.id()).doesNotHaveDuplicates();
        assertThat(whole.lineItemsNextOffset()).isNull();
        assertThat(sandbox.requests()).as("the event, the invoice's first page, the rest with the largest limit")
                .extracting(r -> r.param("line_items_limit")).containsExactly(null, null, "300");
    }

    @Test
    void creditNote_shouldFetchEveryLineItem_whenChargebeeTruncatesThem() {
        sandbox.setLineItemsTruncateAt(100);
        ObjectNode note = invoiceWithLines("CN-BIG-1", 250, 1_700_000_000L, true);
        note.put("object", "credit_note").put("type", "refundable").put("status", "refund_due")
                .put("reference_invoice_id", "INV-BIG-1");
        sandbox.putCreditNote(note);

        ChargebeeCreditNote creditNote = client.creditNote("CN-BIG-1");

        assertThat(creditNote.lineItems()).hasSize(250);
        assertThat(creditNote.lineItems()).extracting(line -> line.id()).doesNotHaveDuplicates();
        assertThat(creditNote.lineItemTaxes()).hasSize(250);
        assertThat(creditNote.isTruncated()).isFalse();
        assertThat(sandbox.requests()).as("the rest of the lines was paged in")
                .filteredOn(r -> r.param("line_items_offset") != null).hasSize(1);
    }

    @Test
    void changedSince_shouldIncludeDeletedRecords_flaggedDeleted() {
        ObjectNode gone = customer("cust_deleted", 1_790_000_000L);
        gone.put("deleted", true);
        sandbox.putCustomer(gone);
        sandbox.putCustomer(customer("cust_alive", 1_790_000_100L));
        List<ChargebeeCustomer> seen = new ArrayList<>();

        reader.changedSince(ChargebeeResource.CUSTOMERS, Instant.ofEpochSecond(1_789_000_000L), Duration.ofMinutes(10),
                ChargebeeCustomer::updatedAt, seen::add);

        assertThat(seen).extracting(ChargebeeCustomer::id).containsExactly("cust_deleted", "cust_alive");
        assertThat(seen.get(0).isDeleted()).isTrue();
    }

    @Test
    void backfill_shouldFindLegacyRecordsWithoutUpdatedAt_thatAnIncrementalReadSilentlyMisses() {
        ObjectNode legacy = invoiceWithLines("INV-2015-0001", 1, 1_430_000_000L, false);
        legacy.remove("updated_at");
        sandbox.putInvoice(legacy);
        sandbox.putInvoice(invoiceWithLines("INV-2026-0001", 1, 1_790_000_000L, false));
        Set<String> incremental = new HashSet<>();
        Set<String> backfilled = new HashSet<>();

        reader.changedSince(ChargebeeResource.INVOICES, Instant.EPOCH, Duration.ZERO, ChargebeeInvoice::updatedAt,
                i -> incremental.add(i.id()));
        reader.backfill(ChargebeeResource.INVOICES, Instant.parse("2015-01-01T00:00:00Z"), Instant.now(),
                Duration.ofDays(366), ChargebeeInvoice::updatedAt, i -> backfilled.add(i.id()));

        assertThat(incremental).containsExactly("INV-2026-0001");
        assertThat(backfilled).containsExactlyInAnyOrder("INV-2015-0001", "INV-2026-0001");
    }

    @Test
    void backfill_shouldCompleteWithEveryRecord_underSustained429s_neverRetryingBeforeRetryAfter() {
        sandbox.loadDirectory(DEMO);
        sandbox.clearRequests();
        sandbox.faults().randomTransientFailures(7, 0.4, 1);
        Set<String> ids = new HashSet<>();

        reader.backfill(ChargebeeResource.INVOICES, Instant.parse("2020-01-01T00:00:00Z"), Instant.now(),
                Duration.ofDays(3650), ChargebeeInvoice::updatedAt, i -> ids.add(i.id()));

        sandbox.faults().clear();
        assertThat(ids).hasSize(303);
        List<RecordedRequest> requests = sandbox.requests();
        assertThat(requests).filteredOn(r -> r.status() == 429).isNotEmpty();
        for (int i = 0; i + 1 < requests.size(); i++) {
            if (requests.get(i).status() == 429) {
                assertThat(Duration.between(requests.get(i).at(), requests.get(i + 1).at()))
                        .as("wait after the 429 at request %d", i).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void rateLimiter_shouldKeepALongBackfillUnderTheConfiguredBudget_inEveryRollingWindow() {
        sandbox.loadDirectory(DEMO);
        sandbox.clearRequests();
        Instant started = Instant.now();
        Instant from = Instant.parse("2026-01-01T00:00:00Z");

        // 45 one-day windows: 45 list requests, more than twice the budget of one window.
        reader.backfill(ChargebeeResource.INVOICES, from, from.plus(Duration.ofDays(45)), Duration.ofDays(1),
                ChargebeeInvoice::updatedAt, invoice -> { });

        Duration took = Duration.between(started, Instant.now());
        List<Instant> times = sandbox.requests().stream().map(RecordedRequest::at).sorted().toList();
        int busiestWindow = 0;
        for (int i = 0; i < times.size(); i++) {
            Instant windowStart = times.get(i);
            Instant windowEnd = windowStart.plusSeconds(ChargebeeClientProfile.WINDOW_SECONDS);
            int inWindow = (int) times.stream().filter(t -> !t.isBefore(windowStart) && t.isBefore(windowEnd)).count();
            busiestWindow = Math.max(busiestWindow, inWindow);
        }
        System.out.printf("Rate limiter: a 45-request backfill took %d ms; busiest %d s window held %d (budget %d)%n",
                took.toMillis(), ChargebeeClientProfile.WINDOW_SECONDS, busiestWindow, ChargebeeClientProfile.REQUESTS);
        assertThat(times).hasSize(45);
        assertThat(busiestWindow).isLessThanOrEqualTo(ChargebeeClientProfile.REQUESTS);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2L * ChargebeeClientProfile.WINDOW_SECONDS - 1));
    }

    @Test
    void customer_shouldTolerateUnknownFieldsAndCustomFields() {
        ObjectNode customer = customer("cust_custom", 1_790_000_000L);
        customer.put("cf_region", "EMEA").put("brand_new_field_2027", "x").putObject("future_object").put("a", 1);
        sandbox.putCustomer(customer);

        assertThat(client.customer("cust_custom").id()).isEqualTo("cust_custom");
    }

    @Test
    void configurations_shouldReportProductCatalog2() {
        assertThat(client.configurations()).singleElement().satisfies(c -> assertThat(c.isProductCatalog2()).isTrue());
    }

    @Test
    void retry_shouldNotStart_whenTheRetryAfterWaitAndTheCallDoNotFitTheInvocationsRemainingTime() {
        sandbox.putCustomer(customer("cust_deadline", 1_700_000_000L));
        sandbox.faults().rateLimitNext(1, 30);
        io.mlconnector.support.InvocationDeadline deadline =
                new io.mlconnector.support.InvocationDeadline(java.time.Clock.systemUTC());
        ChargebeeClient timed = new ChargebeeRestClient(config, credentials(Sandboxes.CHARGEBEE_API_KEY), json,
                deadline);
        deadline.set(Instant.now().plusSeconds(25)); // 30 s Retry-After + a call do not fit in 25 s
        Instant started = Instant.now();
        try {
            assertThatThrownBy(() -> timed.customer("cust_deadline"))
                    .isInstanceOf(io.mlconnector.support.InvocationDeadline.Reached.class);
        } finally {
            deadline.clear();
        }

        assertThat(Duration.between(started, Instant.now())).as("no sleep through the Retry-After")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(sandbox.requests()).filteredOn(r -> r.path().contains("cust_deadline")).hasSize(1);
    }

    @Test
    void errors_shouldBeTyped_andNameTheSiteButNeverTheKey() {
        ChargebeeClient wrongKey = new ChargebeeRestClient(config, credentials("wrong_key_CANARY_123"), json,
                new io.mlconnector.support.InvocationDeadline(java.time.Clock.systemUTC()));

        assertThatThrownBy(() -> wrongKey.customer("cust_0001"))
                .isInstanceOf(ChargebeeException.AuthFailed.class)
                .hasMessageContaining("sandbox-test").hasMessageContaining("401")
                .hasMessageNotContaining("CANARY");
        assertThatThrownBy(() -> client.customer("nobody")).isInstanceOf(ChargebeeException.NotFound.class)
                .hasMessageContaining("resource_not_found");
    }

    private ObjectNode customer(String id, long updatedAt) {
        ObjectNode customer = json.createObjectNode();
        customer.put("id", id).put("first_name", "Ada").put("email", id + "@example.com").put("object", "customer")
                .put("created_at", updatedAt - 100).put("updated_at", updatedAt).put("resource_version", updatedAt * 1000)
                .put("deleted", false).put("preferred_currency_code", "USD");
        return customer;
    }

    private ObjectNode invoiceWithLines(String id, int lines, long date, boolean withLineTaxes) {
        ObjectNode invoice = json.createObjectNode();
        invoice.put("id", id).put("customer_id", "cust_0001").put("status", "paid").put("price_type", "tax_exclusive")
                .put("currency_code", "USD").put("date", date).put("updated_at", date + 60)
                .put("resource_version", (date + 60) * 1000).put("object", "invoice").put("deleted", false)
                .put("sub_total", 100L * lines).put("tax", 0).put("total", 100L * lines).put("amount_paid", 100L * lines)
                .put("amount_due", 0);
        ArrayNode items = invoice.putArray("line_items");
        ArrayNode taxes = invoice.putArray("line_item_taxes");
        for (int i = 0; i < lines; i++) {
            items.addObject().put("id", "li_" + id + "_" + i).put("date_from", date).put("date_to", date + 86_400)
                    .put("unit_amount", 100).put("quantity", 1).put("amount", 100).put("discount_amount", 0)
                    .put("item_level_discount_amount", 0).put("is_taxed", false).put("tax_amount", 0)
                    .put("description", "Seat " + i).put("entity_type", "addon_item_price")
                    .put("entity_id", "seat-USD-monthly").put("object", "line_item");
            if (withLineTaxes) {
                taxes.addObject().put("line_item_id", "li_" + id + "_" + i).put("tax_name", "None")
                        .put("tax_rate", 0).put("taxable_amount", 100).put("tax_amount", 0);
            }
        }
        return invoice;
    }

    private static CredentialStore credentials(String apiKey) {
        return new CredentialStore() {
            @Override
            public ChargebeeCredentials chargebee() {
                return new ChargebeeCredentials(Secret.of(apiKey));
            }

            @Override
            public WebhookCredentials webhook() {
                throw new UnsupportedOperationException();
            }

            @Override
            public AcumaticaCredentials acumatica() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
