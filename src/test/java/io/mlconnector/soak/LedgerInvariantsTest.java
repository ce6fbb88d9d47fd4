package io.mlconnector.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.mapping.file.MappingFixtures;
import io.mlconnector.store.AuditRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checker must be able to fail: each invariant is fed books that break it, and books that keep them all pass.
 * Books are built by hand in the sandboxes' shapes (Chargebee's records, Acumatica's value objects).
 */
class LedgerInvariantsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = "pro-USD-monthly";

    private final List<JsonNode> customers = new ArrayList<>();
    private final List<JsonNode> invoices = new ArrayList<>();
    private final List<JsonNode> transactions = new ArrayList<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final List<JsonNode> acuCustomers = new ArrayList<>();
    private final List<JsonNode> acuDocuments = new ArrayList<>();
    private final List<JsonNode> acuPayments = new ArrayList<>();
    private final Map<String, List<AuditRecord>> audit = new HashMap<>();
    private final Set<String> dlq = new java.util.HashSet<>();

    @Test
    void check_shouldFindNothing_whenEveryDocumentPostedOnceAndReconciles() {
        givenAPaidInvoice();

        assertThat(check()).isEmpty();
    }

    @Test
    void check_shouldReportADuplicate_whenAnInvoicePostedTwice() {
        givenAPaidInvoice();
        acuDocuments.add(acuInvoice("INV-1", "10", "0"));

        assertThat(check()).extracting(Violation::invariant).contains(Violation.Invariant.DUPLICATE);
    }

    @Test
    void check_shouldReportMissing_whenAnInvoiceNeverPosted() {
        givenAPaidInvoice();
        acuDocuments.clear();

        assertThat(check()).extracting(Violation::toString).contains("MISSING: Invoice INV-1 (paid)");
    }

    @Test
    void check_shouldReportMissing_whenAVoidedInvoicePostedWithoutItsReversal() {
        givenAPaidInvoice();
        ((ObjectNode) invoices.get(0)).put("status", "voided");

        assertThat(check()).extracting(Violation::invariant).contains(Violation.Invariant.MISSING);
    }

    @Test
    void check_shouldReportReconciliation_whenOpenArDiffers() {
        givenAPaidInvoice();
        ((ObjectNode) acuDocuments.get(0)).putObject("Balance").put("value", 2.5);

        assertThat(check()).extracting(Violation::toString)
                .contains("RECONCILIATION: open AR cust_1 USD: Chargebee 0, Acumatica 2.5");
    }

    @Test
    void check_shouldReportReconciliation_whenRevenueLandsOnAnotherAccount() {
        givenAPaidInvoice();
        ((ObjectNode) acuDocuments.get(0).path("Details").get(0)).putObject("Account").put("value", "49999");

        assertThat(check()).extracting(Violation::invariant).contains(Violation.Invariant.RECONCILIATION);
    }

    @Test
    void check_shouldReportAStaleCustomer_whenAcumaticaShowsAnOlderName() {
        givenAPaidInvoice();
        ((ObjectNode) customers.get(0)).put("company", "Acme Renamed");

        assertThat(check()).extracting(Violation::toString).containsExactly(
                "STALE_CUSTOMER: Customer cust_1 is 'Acme Inc.' in Acumatica, 'Acme Renamed' in Chargebee");
    }

    @Test
    void check_shouldReportUnexplained_whenADeclinedPaymentHasNoReasonAnywhere() {
        givenAPaidInvoice();
        givenADeclinedPayment("ev4");

        assertThat(check()).extracting(Violation::invariant).contains(Violation.Invariant.UNEXPLAINED);
        audit.put("ev4", List.of(AuditRecord.of("ev4", "payment_failed", "SKIPPED", "not handled", Instant.EPOCH)));
        assertThat(check()).isEmpty();
        audit.remove("ev4");
        dlq.add("ev4");
        assertThat(check()).isEmpty();
    }

    @Test
    void check_shouldReportUnexpected_whenADeclinedPaymentPosted() {
        givenAPaidInvoice();
        givenADeclinedPayment("ev4");
        audit.put("ev4", List.of(AuditRecord.of("ev4", "payment_failed", "POSTED", null, Instant.EPOCH)));
        acuPayments.add(acuPayment("txn_2", "Closed"));

        assertThat(check()).extracting(Violation::invariant).contains(Violation.Invariant.UNEXPECTED);
    }

    @Test
    void check_shouldReportUnfinished_whenAnEventOnlyEverCameBack() {
        givenAPaidInvoice();
        audit.put("ev3", List.of(AuditRecord.of("ev3", "payment_succeeded", "RETRY", "503", Instant.EPOCH)));

        assertThat(check()).extracting(Violation::invariant).containsExactly(Violation.Invariant.UNFINISHED);
    }

    @Test
    void check_shouldReportMissing_whenALateFailureLeftThePaymentStanding() {
        givenAPaidInvoice();
        ((ObjectNode) transactions.get(0)).put("status", "late_failure");
        ((ObjectNode) invoices.get(0)).put("status", "payment_due").put("amount_due", 1000);
        ((ObjectNode) acuDocuments.get(0)).putObject("Balance").put("value", 10);

        assertThat(check()).extracting(Violation::toString)
                .contains("MISSING: Payment txn_1 failed late; its posted payment was not voided");
    }

    private List<Violation> check() {
        ChargebeeBooks chargebee = new ChargebeeBooks(customers, invoices, List.of(), transactions, events);
        AcumaticaBooks acumatica = new AcumaticaBooks(acuCustomers, acuDocuments, acuPayments);
        return LedgerInvariants.check(chargebee, acumatica, id -> audit.getOrDefault(id, List.of()), dlq);
    }

    /** cust_1 (Acme Inc., USD), INV-1 for 10.00 paid by txn_1; all three posted. */
    private void givenAPaidInvoice() {
        customers.add(JSON.createObjectNode().put("id", "cust_1").put("company", "Acme Inc.").put("object", "customer"));
        ObjectNode invoice = JSON.createObjectNode().put("id", "INV-1").put("customer_id", "cust_1")
                .put("currency_code", "USD").put("status", "paid").put("total", 1000).put("amount_due", 0)
                .put("price_type", "tax_exclusive").put("object", "invoice");
        invoice.putArray("line_items").addObject().put("id", "li_1").put("amount", 1000).put("tax_amount", 0)
                .put("entity_type", "plan_item_price").put("entity_id", PLAN);
        invoices.add(invoice);
        transactions.add(JSON.createObjectNode().put("id", "txn_1").put("customer_id", "cust_1").put("type", "payment")
                .put("status", "success").put("amount", 1000).put("amount_unused", 0).put("currency_code", "USD"));
        event("ev1", "customer_created", "customer", customers.get(0));
        event("ev2", "invoice_generated", "invoice", invoice);
        event("ev3", "payment_succeeded", "transaction", transactions.get(0));
        acuCustomers.add(value(JSON.createObjectNode(), "CustomerID", "C000001").set("AccountRef",
                JSON.createObjectNode().put("value", "cust_1")));
        value((ObjectNode) acuCustomers.get(0), "CustomerName", "Acme Inc.");
        acuDocuments.add(acuInvoice("INV-1", "10", "0"));
        acuPayments.add(acuPayment("txn_1", "Closed"));
    }

    private void givenADeclinedPayment(String eventId) {
        ObjectNode declined = JSON.createObjectNode().put("id", "txn_2").put("customer_id", "cust_1")
                .put("type", "payment").put("status", "failure").put("amount", 1000).put("currency_code", "USD");
        transactions.add(declined);
        event(eventId, "payment_failed", "transaction", declined);
    }

    private void event(String id, String type, String key, JsonNode resource) {
        ObjectNode event = JSON.createObjectNode().put("id", id).put("event_type", type);
        event.putObject("content").set(key, resource);
        events.add(event);
        audit.put(id, List.of(AuditRecord.of(id, type, "POSTED", null, Instant.EPOCH)));
    }

    private static JsonNode acuInvoice(String externalRef, String amount, String balance) {
        ObjectNode document = JSON.createObjectNode();
        value(document, "Type", "Invoice");
        value(document, "ExternalRef", externalRef);
        value(document, "CustomerID", "C000001");
        value(document, "Currency", "USD");
        document.putObject("Amount").put("value", new java.math.BigDecimal(amount));
        document.putObject("Balance").put("value", new java.math.BigDecimal(balance));
        ObjectNode line = document.putArray("Details").addObject();
        value(line, "Account", MappingFixtures.defaultMapping().itemFor("plan_item_price", PLAN).salesAccount());
        line.putObject("Amount").put("value", new java.math.BigDecimal(amount));
        return document;
    }

    private static JsonNode acuPayment(String externalRef, String status) {
        ObjectNode payment = JSON.createObjectNode();
        value(payment, "Type", "Payment");
        value(payment, "ExternalRef", externalRef);
        value(payment, "Status", status);
        value(payment, "CustomerID", "C000001");
        value(payment, "CurrencyID", "USD");
        payment.putObject("AvailableBalance").put("value", java.math.BigDecimal.ZERO);
        return payment;
    }

    private static ObjectNode value(ObjectNode node, String field, String value) {
        node.putObject(field).put("value", value);
        return node;
    }
}
