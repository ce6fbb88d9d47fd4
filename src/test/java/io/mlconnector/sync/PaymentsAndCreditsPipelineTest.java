package io.mlconnector.sync;

import static io.mlconnector.testing.JournalLines.net;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.lambda.HandlerProfiles;
import io.mlconnector.lambda.IngestHandler;
import io.mlconnector.sandbox.acumatica.AcumaticaSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.testing.ApiGatewayEmulator;
import io.mlconnector.testing.LambdaInvoker;
import io.mlconnector.testing.Sandboxes;
import io.mlconnector.testing.SqsEventSource;
import io.mlconnector.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payments reach Acumatica applied to the invoices Chargebee says they paid, whatever order the events arrive in. */
@QuarkusTest
@TestProfile(HandlerProfiles.Worker.class)
class PaymentsAndCreditsPipelineTest {
    @Inject
    IngestHandler ingest;

    @Inject
    io.mlconnector.store.AuditLog audit;

    private ChargebeeSandbox chargebee;
    private AcumaticaSandbox acumatica;
    private SqsEventSource worker;

    @BeforeEach
    void setUp() {
        StandIns.shared().reset();
        Sandboxes.shared().reset();
        chargebee = Sandboxes.shared().chargebee();
        acumatica = Sandboxes.shared().acumatica();
        chargebee.loadDirectory(Path.of("src/test/resources/chargebee/minimal"));
        worker = new SqsEventSource(StandIns.shared().sqs().client(), StandIns.shared().sqs().queueUrl(),
                new LambdaInvoker()::invoke);
    }

    @Test
    void payments_shouldBeAppliedToTheirInvoices_soPaidInvoicesHaveNoBalance() {
        deliver(chargebee.events().stream().map(e -> e.path("id").asText()).toList());

        worker.drain(1, 20);

        assertThat(acumatica.payments()).hasSize(2);
        JsonNode usdPayment = payment("txn_min_0001");
        assertThat(usdPayment.at("/Type/value").asText()).isEqualTo("Payment");
        assertThat(usdPayment.at("/PaymentAmount/value").decimalValue()).isEqualByComparingTo("133.92");
        assertThat(usdPayment.at("/CashAccount/value").asText()).isEqualTo("10200");
        assertThat(balanceOf("INV-MIN-0001")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(balanceOf("INV-MIN-0002")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(balanceOf("INV-MIN-0003")).as("posted, unpaid in Chargebee").isPositive();
    }

    @Test
    void payment_shouldPostItsInvoiceFirst_whenThePaymentEventArrivesBeforeTheInvoiceEvent() {
        List<String> paymentsFirst = chargebee.events().stream()
                .sorted((a, b) -> Boolean.compare(!a.path("event_type").asText().startsWith("payment"),
                        !b.path("event_type").asText().startsWith("payment")))
                .map(e -> e.path("id").asText()).toList();
        deliver(paymentsFirst.subList(0, 1));
        worker.drain(1, 10);

        assertThat(acumatica.salesInvoices()).as("the invoice the payment applies to came first").isNotEmpty();
        assertThat(acumatica.payments()).hasSize(1);

        deliver(paymentsFirst);
        worker.drain(1, 20);

        assertThat(acumatica.payments()).hasSize(2);
        assertThat(acumatica.salesInvoices()).hasSize(3);
        assertThat(balanceOf("INV-MIN-0001")).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void invoiceVoidedAfterItPosted_shouldBeReversedByAnAppliedCreditMemo_neverLeftOpen() {
        deliver(chargebee.events().stream().map(e -> e.path("id").asText()).toList());
        worker.drain(1, 20);
        assertThat(balanceOf("INV-MIN-0003")).isPositive();

        com.fasterxml.jackson.databind.node.ObjectNode voided = chargebee.invoice("INV-MIN-0003").orElseThrow().deepCopy();
        voided.put("status", "voided").put("voided_at", voided.path("date").asLong() + 86_400);
        chargebee.putInvoice(voided);
        com.fasterxml.jackson.databind.node.ObjectNode content = voided.objectNode();
        content.set("invoice", voided);
        deliver(List.of(chargebee.addEvent("invoice_updated", content).path("id").asText()));
        worker.drain(1, 10);

        assertThat(balanceOf("INV-MIN-0003")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(acumatica.salesInvoices()).filteredOn(d -> "INV-MIN-0003-VOID".equals(d.at("/ExternalRef/value").asText()))
                .singleElement().satisfies(memo -> assertThat(memo.at("/Type/value").asText()).isEqualTo("Credit Memo"));
    }

    @Test
    void creditNoteVoidedAfterItPosted_shouldBeReversedByADebitMemo_soTheCustomerOwesTheInvoiceAgain() {
        deliver(chargebee.events().stream().map(e -> e.path("id").asText()).toList());
        worker.drain(1, 20);
        com.fasterxml.jackson.databind.node.ObjectNode note = creditNote("CN-MIN-0001", "INV-MIN-0003", 17000);
        chargebee.putCreditNote(note);
        deliver(List.of(chargebee.addEvent("credit_note_created", contentWith("credit_note", note)).path("id")
                .asText()));
        worker.drain(1, 10);
        assertThat(balanceOf("INV-MIN-0003")).as("the credit memo applied to it").isEqualByComparingTo("34000");

        com.fasterxml.jackson.databind.node.ObjectNode voided = note.deepCopy();
        voided.put("status", "voided").put("voided_at", note.path("date").asLong() + 86_400).put("amount_allocated", 0);
        voided.putArray("allocations");
        chargebee.putCreditNote(voided);
        String voidEvent = chargebee.addEvent("credit_note_updated", contentWith("credit_note", voided)).path("id")
                .asText();
        deliver(List.of(voidEvent, voidEvent)); // delivered twice: still one reversal
        worker.drain(1, 10);

        assertThat(acumatica.salesInvoices()).filteredOn(d -> "CN-MIN-0001-VOID".equals(d.at("/ExternalRef/value")
                .asText())).singleElement().satisfies(memo -> {
                    assertThat(memo.at("/Type/value").asText()).isEqualTo("Debit Memo");
                    assertThat(memo.at("/Amount/value").decimalValue()).isEqualByComparingTo("17000");
                    assertThat(memo.at("/Balance/value").decimalValue()).isEqualByComparingTo("17000");
                });
        assertThat(balanceOf("INV-MIN-0003").add(balanceOf("CN-MIN-0001-VOID")))
                .as("what the customer owes in Acumatica = Chargebee's 51000 due again").isEqualByComparingTo("51000");

        // Chargebee then takes 51000 for the reopened invoice; in Acumatica 17000 of it is due on the debit memo.
        com.fasterxml.jackson.databind.node.ObjectNode payment = chargebee.transaction("txn_min_0001").orElseThrow()
                .deepCopy();
        long at = voided.path("voided_at").asLong() + 3_600;
        payment.put("id", "txn_min_after_void").put("customer_id", "cust_min_jpy").put("currency_code", "JPY")
                .put("amount", 51_000).put("amount_unused", 0).put("date", at).put("updated_at", at)
                .put("id_at_gateway", "ch_after_void");
        payment.putArray("linked_invoices").addObject().put("invoice_id", "INV-MIN-0003").put("applied_amount", 51_000)
                .put("applied_at", at).put("invoice_status", "paid");
        chargebee.putTransaction(payment);
        String paymentEvent = chargebee.addEvent("payment_succeeded", contentWith("transaction", payment)).path("id")
                .asText();
        deliver(List.of(paymentEvent));
        worker.drain(1, 10);
        String again = chargebee.addEvent("transaction_updated", contentWith("transaction", payment)).path("id")
                .asText();
        deliver(List.of(again)); // the same payment again under another event: splits the same way, applies nothing
        worker.drain(1, 10);

        assertThat(balanceOf("INV-MIN-0003")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(balanceOf("CN-MIN-0001-VOID")).as("the debit memo took its part").isEqualByComparingTo(BigDecimal.ZERO);
        JsonNode posted = payment("txn_min_after_void");
        assertThat(posted.at("/Status/value").asText()).isEqualTo("Closed");
        assertThat(audit.forEvent(again)).extracting(io.mlconnector.store.AuditRecord::outcome).isNotEmpty()
                .doesNotContain("HELD");
    }

    @Test
    void invoiceChargebeeStopsCollecting_shouldGetABadDebtProvision_releasedWhenPaid_andALateStaleEventProvidesNothing() {
        deliver(chargebee.events().stream().map(e -> e.path("id").asText()).toList());
        worker.drain(1, 20);
        com.fasterxml.jackson.databind.node.ObjectNode notPaid = chargebee.invoice("INV-MIN-0003").orElseThrow()
                .deepCopy();
        notPaid.put("status", "not_paid").put("updated_at", notPaid.path("due_date").asLong() + 86_400);
        chargebee.putInvoice(notPaid);
        String notPaidEvent = chargebee.addEvent("invoice_updated", contentWith("invoice", notPaid)).path("id").asText();
        deliver(List.of(notPaidEvent, notPaidEvent));
        worker.drain(1, 10);

        assertThat(acumatica.journalTransactions()).singleElement().satisfies(journal -> {
            assertThat(journal.at("/Description/value").asText()).isEqualTo("Chargebee bad debt provision INV-MIN-0003");
            assertThat(journal.at("/CurrencyID/value").asText()).isEqualTo("JPY");
            assertThat(net(journal, "62000")).isEqualByComparingTo("51000");
            assertThat(net(journal, "11900")).isEqualByComparingTo("-51000");
        });
        assertThat(balanceOf("INV-MIN-0003")).as("the customer still owes it").isEqualByComparingTo("51000");
        JsonNode earlierState = chargebee.events().stream()
                .filter(e -> "INV-MIN-0003".equals(e.at("/content/invoice/id").asText())).findFirst().orElseThrow()
                .at("/content/invoice");
        assertThat(earlierState.path("status").asText()).isEqualTo("posted");
        // An event carrying its earlier (posted, payment due) state, delivered late: Chargebee still says not_paid.
        deliver(List.of(chargebee.addEvent("invoice_updated", contentWith("invoice", earlierState)).path("id")
                .asText()));
        worker.drain(1, 10);
        assertThat(acumatica.journalTransactions()).as("a stale event releases nothing").hasSize(1);

        com.fasterxml.jackson.databind.node.ObjectNode paid = notPaid.deepCopy();
        paid.put("status", "paid").put("amount_due", 0).put("amount_paid", 51000)
                .put("updated_at", notPaid.path("updated_at").asLong() + 86_400);
        chargebee.putInvoice(paid);
        deliver(List.of(chargebee.addEvent("invoice_updated", contentWith("invoice", paid)).path("id").asText()));
        worker.drain(1, 10);
        deliver(List.of(chargebee.addEvent("invoice_updated", contentWith("invoice", notPaid)).path("id").asText()));
        worker.drain(1, 10); // the not_paid state again, delivered late: Chargebee now says paid

        assertThat(acumatica.journalTransactions()).hasSize(2).anySatisfy(journal -> {
            assertThat(journal.at("/Description/value").asText())
                    .isEqualTo("Chargebee bad debt provision release INV-MIN-0003");
            assertThat(net(journal, "11900")).isEqualByComparingTo("51000");
        });
        BigDecimal expense = acumatica.journalTransactions().stream().map(j -> net(j, "62000"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(expense).as("provided, then released").isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void refundOfAnExcessPayment_shouldPayOutThePayment_postingThePaymentAndItsInvoiceFirst() {
        JsonNode invoice = chargebee.invoice("INV-MIN-0003").orElseThrow();
        com.fasterxml.jackson.databind.node.ObjectNode payment = chargebee.transaction("txn_min_0001").orElseThrow()
                .deepCopy();
        long at = invoice.path("date").asLong() + 3_600;
        payment.put("id", "txn_min_excess").put("customer_id", "cust_min_jpy").put("currency_code", "JPY")
                .put("amount", 60_000).put("amount_unused", 9_000).put("date", at).put("updated_at", at)
                .put("id_at_gateway", "ch_excess");
        payment.putArray("linked_invoices").addObject().put("invoice_id", "INV-MIN-0003").put("applied_amount", 51_000)
                .put("applied_at", at).put("invoice_status", "paid");
        chargebee.putTransaction(payment);
        com.fasterxml.jackson.databind.node.ObjectNode refund = payment.deepCopy();
        refund.put("id", "txn_min_excess_refund").put("type", "refund").put("amount", 9_000).put("amount_unused", 0)
                .put("refunded_txn_id", "txn_min_excess").put("id_at_gateway", "re_excess")
                .put("date", at + 3_600).put("updated_at", at + 3_600);
        refund.putArray("linked_invoices");
        refund.putArray("linked_credit_notes");
        chargebee.putTransaction(refund);

        deliver(List.of(chargebee.addEvent("payment_refunded", contentWith("transaction", refund)).path("id").asText()));
        worker.drain(1, 10);

        assertThat(balanceOf("INV-MIN-0003")).as("posted first and paid").isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(payment("txn_min_excess").at("/AvailableBalance/value").decimalValue())
                .as("its excess was paid out").isEqualByComparingTo(BigDecimal.ZERO);
        JsonNode posted = payment("txn_min_excess_refund");
        assertThat(posted.at("/Type/value").asText()).isEqualTo("Customer Refund");
        assertThat(posted.at("/PaymentAmount/value").decimalValue()).isEqualByComparingTo("9000");
        assertThat(posted.at("/Status/value").asText()).isEqualTo("Closed");
    }

    @Test
    void invoicePaidLaterFromAPaymentsExcess_shouldApplyThatPostedPayment_once() {
        ExcessScenario scenario = excessPaymentScenario();
        com.fasterxml.jackson.databind.node.ObjectNode now = chargebee.transaction("txn_min_excess").orElseThrow();
        // The payment's event is worked on while Chargebee's record is still as the event carries it.
        chargebee.putTransaction((com.fasterxml.jackson.databind.node.ObjectNode) chargebee
                .event(scenario.paymentEvent()).orElseThrow().at("/content/transaction"));
        deliver(List.of(scenario.paymentEvent()));
        worker.drain(1, 10);
        assertThat(payment("txn_min_excess").at("/AvailableBalance/value").decimalValue()).isEqualByComparingTo("9000");

        chargebee.putTransaction(now); // since then, Chargebee paid INV-MIN-0004 from the payment's excess
        deliver(List.of(scenario.laterInvoiceEvent(), scenario.laterInvoiceEvent()));
        worker.drain(1, 10);

        assertExcessAppliedOnce();
    }

    @Test
    void invoicePaidFromAPaymentsExcess_shouldPostThatPaymentFromChargebeesCurrentRecord_whenItsEventComesLater() {
        ExcessScenario scenario = excessPaymentScenario();

        deliver(List.of(scenario.laterInvoiceEvent()));
        worker.drain(1, 10);
        deliver(List.of(scenario.paymentEvent())); // its snapshot predates the later invoice
        worker.drain(1, 10);

        assertExcessAppliedOnce();
        assertThat(balanceOf("INV-MIN-0003")).isEqualByComparingTo(BigDecimal.ZERO);
    }

    private void assertExcessAppliedOnce() {
        assertThat(balanceOf("INV-MIN-0004")).as("paid from the excess").isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(payment("txn_min_excess").at("/AvailableBalance/value").decimalValue())
                .as("9000 unapplied less the 5000 applied once").isEqualByComparingTo("4000");
        assertThat(acumatica.payments()).filteredOn(p -> "txn_min_excess".equals(p.at("/ExternalRef/value").asText()))
                .hasSize(1);
    }

    /** The payment's event (as taken: 51000 of 60000 applied) and the event of an invoice later paid from its excess. */
    private record ExcessScenario(String paymentEvent, String laterInvoiceEvent) {}

    /**
     * A JPY payment of 60000 applied 51000 to INV-MIN-0003; 30 days later Chargebee pays the new INV-MIN-0004 (5000)
     * from the 9000 excess, so the payment's current record applies to both and leaves 4000 unused.
     */
    private ExcessScenario excessPaymentScenario() {
        JsonNode invoice = chargebee.invoice("INV-MIN-0003").orElseThrow();
        long at = invoice.path("date").asLong() + 3_600;
        com.fasterxml.jackson.databind.node.ObjectNode payment = chargebee.transaction("txn_min_0001").orElseThrow()
                .deepCopy();
        payment.put("id", "txn_min_excess").put("customer_id", "cust_min_jpy").put("currency_code", "JPY")
                .put("amount", 60_000).put("amount_unused", 9_000).put("date", at).put("updated_at", at)
                .put("id_at_gateway", "ch_excess");
        payment.putArray("linked_invoices").addObject().put("invoice_id", "INV-MIN-0003").put("applied_amount", 51_000)
                .put("applied_at", at).put("invoice_status", "paid");
        String paymentEvent = chargebee.addEvent("payment_succeeded", contentWith("transaction", payment)).path("id")
                .asText();

        long later = at + 30 * 86_400;
        com.fasterxml.jackson.databind.node.ObjectNode next = paidUntaxedInvoice(invoice, "INV-MIN-0004", later);
        next.put("amount_paid", 5_000);
        next.putArray("linked_payments").addObject().put("txn_id", "txn_min_excess").put("applied_amount", 5_000)
                .put("applied_at", later).put("txn_status", "success").put("txn_date", at).put("txn_amount", 60_000);
        chargebee.putInvoice(next);
        com.fasterxml.jackson.databind.node.ObjectNode current = payment.deepCopy();
        current.put("amount_unused", 4_000).put("updated_at", later);
        ((com.fasterxml.jackson.databind.node.ArrayNode) current.get("linked_invoices")).addObject()
                .put("invoice_id", "INV-MIN-0004").put("applied_amount", 5_000).put("applied_at", later)
                .put("invoice_status", "paid");
        chargebee.putTransaction(current);
        return new ExcessScenario(paymentEvent,
                chargebee.addEvent("invoice_generated", contentWith("invoice", next)).path("id").asText());
    }

    @Test
    void refundableCreditsUsedForALaterInvoice_shouldApplyThePostedCreditMemoToIt_once() {
        deliver(chargebee.events().stream().map(e -> e.path("id").asText()).toList());
        worker.drain(1, 20);
        com.fasterxml.jackson.databind.node.ObjectNode note = creditNote("CN-MIN-0002", "INV-MIN-0003", 11_000);
        note.put("type", "refundable").put("status", "refund_due").put("amount_allocated", 0)
                .put("amount_available", 11_000);
        note.putArray("allocations");
        chargebee.putCreditNote(note);
        deliver(List.of(chargebee.addEvent("credit_note_created", contentWith("credit_note", note)).path("id")
                .asText()));
        worker.drain(1, 10);
        assertThat(balanceOf("CN-MIN-0002")).as("an open credit").isEqualByComparingTo("11000");

        JsonNode invoice = chargebee.invoice("INV-MIN-0003").orElseThrow();
        long later = invoice.path("date").asLong() + 30 * 86_400;
        com.fasterxml.jackson.databind.node.ObjectNode next = paidUntaxedInvoice(invoice, "INV-MIN-0005", later);
        next.put("credits_applied", 5_000);
        next.putArray("applied_credits").addObject().put("cn_id", "CN-MIN-0002").put("applied_amount", 5_000)
                .put("applied_at", later).put("cn_status", "refund_due");
        chargebee.putInvoice(next);
        String nextEvent = chargebee.addEvent("invoice_generated", contentWith("invoice", next)).path("id").asText();

        deliver(List.of(nextEvent, nextEvent));
        worker.drain(1, 10);

        assertThat(balanceOf("INV-MIN-0005")).as("paid by the earlier credit").isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(balanceOf("CN-MIN-0002")).as("11000 less the 5000 used, once").isEqualByComparingTo("6000");
    }

    /** A later JPY invoice of 5000 (one untaxed consulting line) for the same customer as {@code like}, paid in full. */
    private static com.fasterxml.jackson.databind.node.ObjectNode paidUntaxedInvoice(JsonNode like, String id,
                                                                                    long date) {
        com.fasterxml.jackson.databind.node.ObjectNode invoice = like.deepCopy();
        invoice.put("id", id).put("status", "paid").put("date", date).put("due_date", date).put("updated_at", date)
                .put("sub_total", 5_000).put("tax", 0).put("total", 5_000).put("amount_due", 0);
        invoice.putArray("line_items").addObject().put("id", "li_" + id).put("unit_amount", 5_000).put("quantity", 1)
                .put("amount", 5_000).put("tax_amount", 0).put("is_taxed", false).put("discount_amount", 0)
                .put("description", "Consulting Hours").put("entity_type", "charge_item_price")
                .put("entity_id", "consulting-hours-JPY").put("date_from", date).put("date_to", date);
        invoice.putArray("taxes");
        invoice.putArray("line_item_taxes");
        return invoice;
    }

    /** An adjustment credit note of {@code amount} yen (tax included) on the one line of a minimal JPY invoice. */
    private com.fasterxml.jackson.databind.node.ObjectNode creditNote(String id, String invoiceId, long amount) {
        JsonNode invoice = chargebee.invoice(invoiceId).orElseThrow();
        long tax = amount * 10 / 110;
        com.fasterxml.jackson.databind.node.ObjectNode note = invoice.deepCopy();
        note.retain("customer_id", "subscription_id", "currency_code", "exchange_rate", "price_type", "date",
                "billing_address");
        note.put("id", id).put("object", "credit_note").put("reference_invoice_id", invoiceId).put("type", "adjustment")
                .put("reason_code", "product_unsatisfactory").put("create_reason_code", "Product Unsatisfactory")
                .put("status", "adjusted").put("date", invoice.path("date").asLong() + 3_600)
                .put("updated_at", invoice.path("date").asLong() + 3_600).put("sub_total", amount).put("tax", tax)
                .put("total", amount).put("amount_allocated", amount).put("amount_refunded", 0)
                .put("amount_available", 0).put("round_off_amount", 0).put("deleted", false);
        com.fasterxml.jackson.databind.node.ObjectNode line = invoice.path("line_items").get(0).deepCopy();
        line.put("id", "cnli_" + id).put("quantity", 1).put("amount", amount).put("tax_amount", tax);
        note.putArray("line_items").add(line);
        note.putArray("taxes").addObject().put("name", "JP Consumption Tax").put("amount", tax);
        note.putArray("allocations").addObject().put("invoice_id", invoiceId).put("allocated_amount", amount)
                .put("allocated_at", invoice.path("date").asLong() + 3_600);
        return note;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode contentWith(String resource, JsonNode record) {
        com.fasterxml.jackson.databind.node.ObjectNode content =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        content.set(resource, record);
        return content;
    }

    @Test
    void paymentThatFailsLate_shouldBeVoided_reopeningItsInvoice_andAStaleSuccessEventPostsNothing() {
        List<String> everything = chargebee.events().stream().map(e -> e.path("id").asText()).toList();
        deliver(everything);
        worker.drain(1, 20);
        assertThat(balanceOf("INV-MIN-0001")).isEqualByComparingTo(BigDecimal.ZERO);

        com.fasterxml.jackson.databind.node.ObjectNode failed = chargebee.transaction("txn_min_0001").orElseThrow().deepCopy();
        failed.put("status", "late_failure");
        chargebee.putTransaction(failed);
        com.fasterxml.jackson.databind.node.ObjectNode content = failed.objectNode();
        content.set("transaction", failed);
        deliver(List.of(chargebee.addEvent("transaction_updated", content).path("id").asText()));
        worker.drain(1, 10);

        assertThat(payment("txn_min_0001").at("/Status/value").asText()).isEqualTo("Voided");
        assertThat(balanceOf("INV-MIN-0001")).isEqualByComparingTo("133.92");

        com.fasterxml.jackson.databind.node.ObjectNode stale = content.objectNode();
        stale.set("transaction", chargebee.events().stream()
                .filter(e -> "txn_min_0001".equals(e.at("/content/transaction/id").asText())).findFirst().orElseThrow()
                .at("/content/transaction"));
        deliver(List.of(chargebee.addEvent("payment_succeeded", stale).path("id").asText())); // delivered late
        worker.drain(1, 10);

        assertThat(acumatica.payments()).filteredOn(p -> "Payment".equals(p.at("/Type/value").asText())).hasSize(2);
        assertThat(balanceOf("INV-MIN-0001")).isEqualByComparingTo("133.92");
    }

    @Test
    void customerDeletedInChargebee_shouldBecomeInactiveInAcumatica_notDeleted() {
        deliver(chargebee.events().stream().map(e -> e.path("id").asText()).toList());
        worker.drain(1, 20);
        com.fasterxml.jackson.databind.node.ObjectNode customer = chargebee.customer("cust_min_usd").orElseThrow().deepCopy();
        customer.put("deleted", true);
        chargebee.putCustomer(customer);
        com.fasterxml.jackson.databind.node.ObjectNode content = customer.objectNode();
        content.set("customer", customer);

        deliver(List.of(chargebee.addEvent("customer_deleted", content).path("id").asText()));
        worker.drain(1, 10);

        assertThat(acumatica.customers()).filteredOn(c -> "cust_min_usd".equals(c.at("/AccountRef/value").asText()))
                .singleElement().satisfies(c -> assertThat(c.at("/Status/value").asText()).isEqualTo("Inactive"));
    }

    private void deliver(List<String> eventIds) {
        try (ApiGatewayEmulator apiGateway = ApiGatewayEmulator.start(ingest)) {
            for (String eventId : eventIds) {
                chargebee.deliver(eventId, apiGateway.webhookUrl(), Sandboxes.WEBHOOK_USER, Sandboxes.WEBHOOK_PASSWORD);
            }
        }
    }

    private JsonNode payment(String transactionId) {
        return acumatica.payments().stream().filter(p -> transactionId.equals(p.at("/ExternalRef/value").asText()))
                .findFirst().orElseThrow();
    }

    private BigDecimal balanceOf(String invoiceId) {
        return acumatica.salesInvoices().stream().filter(i -> invoiceId.equals(i.at("/ExternalRef/value").asText()))
                .findFirst().orElseThrow().at("/Balance/value").decimalValue();
    }
}
