package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static io.mlconnector.sandbox.acumatica.SandboxTestClient.JSON;
import static io.mlconnector.sandbox.acumatica.SandboxTestClient.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Payment} and applications: creating payments, prepayments and refunds, their validation, ReleasePayment and
 * VoidPayment moving invoice and credit memo balances, and applying credit memos (from SalesInvoice and from
 * Payment). Every body checked is also validated against the contract.
 */
class AcumaticaPaymentTest {

    private static final AcumaticaContract CONTRACT = AcumaticaContract.load();
    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    private AcumaticaSandbox sandbox;
    private SandboxTestClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = AcumaticaSandbox.start(AcumaticaSandboxOptions.builder().contract(CONTRACT)
                .clock(SandboxClock.frozenAt(T0)).randomSeed(7).build());
        client = new SandboxTestClient(sandbox);
        client.signInWithOAuth("api offline_access");
        givenCustomer("CUS_1", "USD");
        givenCustomer("CUS_2", "USD");
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    // ------------------------------------------------------------------ create, read, defaults

    @Test
    void paymentPut_shouldCreateANumberedBalancedPayment_applyingAnInvoice() throws Exception {
        givenReleasedInvoice("CUS_1", "cb_inv_1");

        HttpResponse<String> response = client.put("Payment?$expand=DocumentsToApply", paymentBody("txn_1",
                "118.79", line("Invoice", "INV000001", "100")));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode payment = JSON.readTree(response.body());
        assertEquals("000001", text(payment, "ReferenceNbr"));
        assertEquals("Payment", text(payment, "Type"));
        assertEquals("Balanced", text(payment, "Status"));
        assertEquals("USD", text(payment, "CurrencyID"));
        assertAmount("100.00", payment, "AppliedToDocuments");
        assertAmount("18.79", payment, "AvailableBalance");
        assertEquals("Invoice", text(payment.path("DocumentsToApply").get(0), "DocType"));
        assertEquals("2024-05-01T00:00:00+00:00", text(payment, "ApplicationDate"));
        assertEquals(List.of(), CONTRACT.validate("Payment", payment));
        assertAmount("118.79", sandbox.salesInvoice("Invoice", "INV000001").orElseThrow(), "Balance");
    }

    @Test
    void paymentGet_shouldFindByKeysAndById_andListByExternalRef() throws Exception {
        String id = client.putOk("Payment", paymentBody("txn_1", "10")).path("id").asText();
        client.putOk("Payment", paymentBody("txn_2", "20"));

        HttpResponse<String> byKeys = client.get("Payment/Payment/000001");
        HttpResponse<String> byId = client.get("Payment/" + id);
        JsonNode filtered = JSON.readTree(client.get("Payment?$filter=" + encode("ExternalRef eq 'txn_2'")).body());

        assertEquals(200, byKeys.statusCode());
        assertEquals(id, JSON.readTree(byId.body()).path("id").asText());
        assertEquals(1, filtered.size());
        assertEquals("000002", text(filtered.get(0), "ReferenceNbr"));
        assertEquals(List.of(), CONTRACT.validate("Payment", filtered.get(0)));
        assertEquals(500, client.get("Payment/Payment/009999").statusCode());
    }

    @Test
    void paymentPut_shouldDefaultMethodCashAccountAndCurrency_fromTheCustomerClassAndMethod() throws Exception {
        JsonNode payment = client.putOk("Payment", """
                {"CustomerID": {"value": "CUS_1"}, "PaymentAmount": {"value": 5}}""");
        givenCustomer("CUS_EU", "EUR");
        JsonNode euro = client.putOk("Payment", """
                {"CustomerID": {"value": "CUS_EU"}, "CurrencyID": {"value": "EUR"}, "PaymentAmount": {"value": 5}}""");

        assertEquals("CARD", text(payment, "PaymentMethod"));
        assertEquals("10200", text(payment, "CashAccount"));
        assertEquals("USD", text(payment, "CurrencyID"));
        assertEquals(false, payment.path("Hold").path("value").asBoolean());
        assertEquals("10250", text(euro, "CashAccount"), "the method's cash account in the payment's currency");
    }

    @Test
    void paymentTypes_shouldShareOneNumberingSequence_andRefuseUnknownTypes() throws Exception {
        client.putOk("Payment", paymentBody("txn_1", "10"));
        JsonNode prepayment = client.putOk("Payment", paymentBody("txn_2", "10")
                .replace("\"Type\": {\"value\": \"Payment\"}", "\"Type\": {\"value\": \"Prepayment\"}"));

        HttpResponse<String> refund = client.put("Payment", paymentBody("txn_3", "10")
                .replace("\"Type\": {\"value\": \"Payment\"}", "\"Type\": {\"value\": \"Refund\"}"));
        HttpResponse<String> voided = client.put("Payment", paymentBody("txn_4", "10")
                .replace("\"Type\": {\"value\": \"Payment\"}", "\"Type\": {\"value\": \"Voided Payment\"}"));

        assertEquals("000002", text(prepayment, "ReferenceNbr"));
        assertEquals(422, refund.statusCode());
        assertTrue(JSON.readTree(refund.body()).path("Type").path("error").asText().contains("Customer Refund"));
        assertEquals(422, voided.statusCode());
    }

    // ------------------------------------------------------------------ validation

    @Test
    void paymentPut_shouldAnswer422OnTheHeader_forUnknownCustomerMethodCashAccountAndCurrency() throws Exception {
        HttpResponse<String> response = client.put("Payment", """
                {"CustomerID": {"value": "GHOST"}, "PaymentMethod": {"value": "BITCOIN"},
                 "CashAccount": {"value": "10200"}, "PaymentAmount": {"value": 10}}""");
        HttpResponse<String> notAllowed = client.put("Payment", """
                {"CustomerID": {"value": "CUS_1"}, "PaymentMethod": {"value": "PAYPAL"},
                 "CashAccount": {"value": "10250"}, "PaymentAmount": {"value": 10}}""");
        HttpResponse<String> currency = client.put("Payment", """
                {"CustomerID": {"value": "CUS_1"}, "PaymentMethod": {"value": "CARD"},
                 "CashAccount": {"value": "10200"}, "CurrencyID": {"value": "XXX"}, "PaymentAmount": {"value": 10}}""");
        HttpResponse<String> mismatch = client.put("Payment", """
                {"CustomerID": {"value": "CUS_1"}, "PaymentMethod": {"value": "CARD"},
                 "CashAccount": {"value": "10200"}, "CurrencyID": {"value": "EUR"}, "PaymentAmount": {"value": 10}}""");

        JsonNode body = assertUnprocessable(response);
        assertEquals("'Customer' cannot be found in the system.", body.path("CustomerID").path("error").asText());
        assertEquals("'Payment Method' cannot be found in the system.",
                body.path("PaymentMethod").path("error").asText());
        assertEquals("'Cash Account' cannot be found in the system.",
                assertUnprocessable(notAllowed).path("CashAccount").path("error").asText());
        assertEquals("'Currency' cannot be found in the system.",
                assertUnprocessable(currency).path("CurrencyID").path("error").asText());
        assertFalse(assertUnprocessable(mismatch).path("CurrencyID").path("error").asText().isEmpty());
        assertEquals(0, sandbox.payments().size());
        assertEquals("000001", text(client.putOk("Payment", paymentBody("txn_1", "10")), "ReferenceNbr"),
                "rejected creates take no number");
    }

    @Test
    void paymentPut_shouldAnswer422OnTheLines_forDocumentsThatCannotBeApplied() throws Exception {
        givenReleasedInvoice("CUS_1", "cb_inv_1");
        client.putOk("SalesInvoice", invoiceBody("CUS_1", "cb_inv_2"));
        givenReleasedInvoice("CUS_2", "cb_inv_3");

        JsonNode body = assertUnprocessable(client.put("Payment", paymentBody("txn_1", "500",
                line("Invoice", "INV000001", "200"), line("Invoice", "INV000002", "10"),
                line("Invoice", "INV000003", "10"), line("Invoice", "INV000404", "10"),
                line("Credit Memo", "CRM000001", "10"))));

        JsonNode lines = body.path("DocumentsToApply");
        assertEquals("Entry must be less or equal to 118.79", lines.get(0).path("AmountPaid").path("error").asText());
        assertTrue(lines.get(1).path("ReferenceNbr").path("error").asText().contains("not released"));
        assertTrue(lines.get(2).path("ReferenceNbr").path("error").asText().contains("another customer"));
        assertEquals("'Reference Nbr.' cannot be found in the system.",
                lines.get(3).path("ReferenceNbr").path("error").asText());
        assertFalse(lines.get(4).path("DocType").path("error").asText().isEmpty(), "a payment cannot pay a memo");
        assertEquals(0, sandbox.payments().size());
    }

    @Test
    void paymentPut_shouldAnswer422_whenTheApplicationsExceedThePaymentAmount() throws Exception {
        givenReleasedInvoice("CUS_1", "cb_inv_1");
        givenReleasedInvoice("CUS_1", "cb_inv_2");

        JsonNode body = assertUnprocessable(client.put("Payment", paymentBody("txn_1", "150",
                line("Invoice", "INV000001", "100"), line("Invoice", "INV000002", "100"))));

        assertEquals("Total application amount cannot exceed document amount.",
                body.path("AppliedToDocuments").path("error").asText());
    }

    // ------------------------------------------------------------------ release

    @Test
    void releasePayment_shouldReduceTheInvoiceBalance_andLeaveThePaymentOpenOrClosed() throws Exception {
        givenReleasedInvoice("CUS_1", "cb_inv_1");
        client.putOk("Payment", paymentBody("txn_1", "118.79", line("Invoice", "INV000001", "100")));

        HttpResponse<String> accepted = client.post("Payment/ReleasePayment", keys("Payment", "000001"));

        assertEquals(202, accepted.statusCode());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/Payment/ReleasePayment/status/"), location);
        String statusUrl = URI.create(sandbox.baseUrl()).resolve(location).toString();
        assertEquals(202, client.send("GET", statusUrl, null).statusCode());
        assertEquals(204, client.send("GET", statusUrl, null).statusCode());
        JsonNode payment = sandbox.payment("Payment", "000001").orElseThrow();
        assertEquals("Open", text(payment, "Status"));
        assertAmount("18.79", payment, "AvailableBalance");
        assertEquals(1, payment.path("ApplicationHistory").size());
        JsonNode invoice = sandbox.salesInvoice("Invoice", "INV000001").orElseThrow();
        assertAmount("18.79", invoice, "Balance");
        assertEquals("Open", text(invoice, "Status"));

        sandbox.setReleasePollsBeforeCompletion(0);
        client.putOk("Payment", paymentBody("txn_2", "18.79", line("INV", "INV000001", null)));
        assertEquals(204, client.post("Payment/ReleasePayment", keys("Payment", "000002")).statusCode());

        JsonNode paid = sandbox.salesInvoice("Invoice", "INV000001").orElseThrow();
        assertAmount("0.00", paid, "Balance");
        assertEquals("Closed", text(paid, "Status"));
        assertEquals(2, paid.path("ApplicationsInvoice").size());
        assertEquals("Closed", text(sandbox.payment("Payment", "000002").orElseThrow(), "Status"));
        assertEquals(List.of(), CONTRACT.validate("SalesInvoice", paid));
        assertEquals(List.of(), CONTRACT.validate("Payment", sandbox.payment("Payment", "000001").orElseThrow()));
    }

    @Test
    void releasePayment_shouldRecheckBalances_andRefuseHoldAndClosedDocuments() throws Exception {
        givenReleasedInvoice("CUS_1", "cb_inv_1");
        sandbox.setReleasePollsBeforeCompletion(0);
        client.putOk("Payment", paymentBody("txn_1", "118.79", line("Invoice", "INV000001", "118.79")));
        client.putOk("Payment", paymentBody("txn_2", "118.79", line("Invoice", "INV000001", "118.79")));
        client.putOk("Payment", paymentBody("txn_3", "5").replace("\"Hold\": {\"value\": false}",
                "\"Hold\": {\"value\": true}"));
        assertEquals(204, client.post("Payment/ReleasePayment", keys("Payment", "000001")).statusCode());

        HttpResponse<String> secondOnSameInvoice = client.post("Payment/ReleasePayment", keys("Payment", "000002"));
        HttpResponse<String> onHold = client.post("Payment/ReleasePayment", keys("Payment", "000003"));
        HttpResponse<String> again = client.post("Payment/ReleasePayment", keys("Payment", "000001"));

        assertEquals("Entry must be less or equal to 0", assertUnprocessable(secondOnSameInvoice)
                .path("DocumentsToApply").get(0).path("AmountPaid").path("error").asText());
        assertEquals("Document is On Hold and cannot be released.", assertUnprocessable(onHold).path("error").asText());
        assertEquals("Document Status is invalid for processing.", assertUnprocessable(again).path("error").asText());
        assertEquals("Balanced", text(sandbox.payment("Payment", "000002").orElseThrow(), "Status"));
    }

    @Test
    void openPayment_shouldAcceptNewApplications_andReleaseThemAgain_butRefuseOtherChanges() throws Exception {
        givenReleasedInvoice("CUS_1", "cb_inv_1");
        givenReleasedInvoice("CUS_1", "cb_inv_2");
        sandbox.setReleasePollsBeforeCompletion(0);
        client.putOk("Payment", paymentBody("txn_1", "200", line("Invoice", "INV000001", "118.79")));
        client.post("Payment/ReleasePayment", keys("Payment", "000001"));
        JsonNode released = sandbox.payment("Payment", "000001").orElseThrow();
        assertEquals(0, released.path("DocumentsToApply").size(), "released applications move to the history");
        assertEquals(1, released.path("ApplicationHistory").size());

        HttpResponse<String> headerReplay = client.put("Payment", """
                {"Type": {"value": "Payment"}, "ReferenceNbr": {"value": "000001"},
                 "ExternalRef": {"value": "txn_1"}, "PaymentAmount": {"value": 200}}""");
        HttpResponse<String> fullReplay = client.put("Payment", paymentBody("txn_1", "200",
                line("Invoice", "INV000001", "118.79")).replace("\"CustomerID\"",
                "\"ReferenceNbr\": {\"value\": \"000001\"}, \"CustomerID\""));
        HttpResponse<String> changed = client.put("Payment", """
                {"Type": {"value": "Payment"}, "ReferenceNbr": {"value": "000001"},
                 "Description": {"value": "changed"}}""");
        HttpResponse<String> added = client.put("Payment", """
                {"Type": {"value": "Payment"}, "ReferenceNbr": {"value": "000001"},
                 "DocumentsToApply": [{"DocType": {"value": "Invoice"}, "ReferenceNbr": {"value": "INV000002"}}]}""");

        assertEquals(200, headerReplay.statusCode(), headerReplay.body());
        assertEquals("Entry must be less or equal to 0", assertUnprocessable(fullReplay).path("DocumentsToApply")
                .get(0).path("AmountPaid").path("error").asText(), "a replayed application is a new application");
        assertEquals("The document has been released and cannot be changed.",
                assertUnprocessable(changed).path("error").asText());
        assertEquals(200, added.statusCode(), added.body());
        assertAmount("0.00", JSON.readTree(added.body()), "AvailableBalance");
        assertAmount("81.21", JSON.readTree(added.body()), "AppliedToDocuments");
        assertEquals(204, client.post("Payment/ReleasePayment", keys("Payment", "000001")).statusCode());
        assertAmount("37.58", sandbox.salesInvoice("Invoice", "INV000002").orElseThrow(), "Balance");
        JsonNode closed = sandbox.payment("Payment", "000001").orElseThrow();
        assertEquals("Closed", text(closed, "Status"));
        assertEquals(2, closed.path("ApplicationHistory").size());
        assertEquals(List.of(), CONTRACT.validate("Payment", closed));
    }

    // ------------------------------------------------------------------ refunds, voids, credit memos

    @Test
    void customerRefund_shouldPayOutACreditMemo_andCloseIt() throws Exception {
        givenReleasedCreditMemo("CUS_1", "cb_cn_1");
        sandbox.setReleasePollsBeforeCompletion(0);

        JsonNode refund = client.putOk("Payment", paymentBody("re_1", "118.79",
                line("Credit Memo", "CRM000001", "118.79"))
                .replace("\"Type\": {\"value\": \"Payment\"}", "\"Type\": {\"value\": \"Customer Refund\"}"));
        assertEquals(204, client.post("Payment/ReleasePayment",
                keys("Customer Refund", text(refund, "ReferenceNbr"))).statusCode());

        JsonNode memo = sandbox.salesInvoice("Credit Memo", "CRM000001").orElseThrow();
        assertAmount("0.00", memo, "Balance");
        assertEquals("Closed", text(memo, "Status"));
        assertEquals("Closed", text(sandbox.payment("Customer Refund", "000001").orElseThrow(), "Status"));
    }

    @Test
    void customerRefund_shouldPayOutAnOverpayment_andBlockVoidingThePaymentUntilTheRefundIsVoided() throws Exception {
        givenReleasedInvoice("CUS_1", "cb_inv_1");
        sandbox.setReleasePollsBeforeCompletion(0);
        client.putOk("Payment", paymentBody("txn_1", "150", line("Invoice", "INV000001", "118.79")));
        client.post("Payment/ReleasePayment", keys("Payment", "000001"));
        client.putOk("Payment", paymentBody("re_1", "31.21", line("Payment", "000001", "31.21"))
                .replace("\"Type\": {\"value\": \"Payment\"}", "\"Type\": {\"value\": \"Customer Refund\"}"));
        client.post("Payment/ReleasePayment", keys("Customer Refund", "000002"));
        assertEquals("Closed", text(sandbox.payment("Payment", "000001").orElseThrow(), "Status"));

        HttpResponse<String> blocked = client.post("Payment/VoidPayment", keys("Payment", "000001"));
        assertEquals(422, blocked.statusCode());
        assertEquals(204, client.post("Payment/VoidPayment", keys("Customer Refund", "000002")).statusCode());
        assertEquals(204, client.post("Payment/VoidPayment", keys("Payment", "000001")).statusCode());

        assertTrue(sandbox.payment("Voided Refund", "000002").isPresent());
        assertAmount("118.79", sandbox.salesInvoice("Invoice", "INV000001").orElseThrow(), "Balance");
    }

    @Test
    void voidPayment_shouldRestoreTheInvoiceBalances_andCreateAVoidedPaymentWithTheSameNumber() throws Exception {
        givenReleasedInvoice("CUS_1", "cb_inv_1");
        sandbox.setReleasePollsBeforeCompletion(0);
        client.putOk("Payment", paymentBody("txn_1", "118.79", line("Invoice", "INV000001", "118.79")));
        client.post("Payment/ReleasePayment", keys("Payment", "000001"));
        assertEquals("Closed", text(sandbox.salesInvoice("Invoice", "INV000001").orElseThrow(), "Status"));

        HttpResponse<String> voided = client.post("Payment/VoidPayment", keys("Payment", "000001"));

        assertEquals(204, voided.statusCode());
        JsonNode invoice = sandbox.salesInvoice("Invoice", "INV000001").orElseThrow();
        assertAmount("118.79", invoice, "Balance");
        assertEquals("Open", text(invoice, "Status"));
        assertEquals("Voided", text(sandbox.payment("Payment", "000001").orElseThrow(), "Status"));
        JsonNode voidDocument = JSON.readTree(client.get("Payment/Voided%20Payment/000001?$expand=ApplicationHistory")
                .body());
        assertEquals("Closed", text(voidDocument, "Status"));
        assertAmount("-118.79", voidDocument.path("ApplicationHistory").get(0), "AmountPaid");
        assertEquals(List.of(), CONTRACT.validate("Payment", voidDocument));
        assertEquals(422, client.post("Payment/VoidPayment", keys("Payment", "000001")).statusCode());
    }

    @Test
    void creditMemoApplications_shouldApplyTheMemoToAnInvoice_whenTheMemoIsReleased() throws Exception {
        givenReleasedInvoice("CUS_1", "cb_inv_1");
        sandbox.setReleasePollsBeforeCompletion(0);
        JsonNode memo = client.putOk("SalesInvoice?$expand=ApplicationsCreditMemo", creditMemoBody("CUS_1", "cb_cn_1")
                .replace("\"Details\"", """
                        "ApplicationsCreditMemo": [{"DocType": {"value": "Invoice"},
                          "ReferenceNbr": {"value": "INV000001"}, "AmountPaid": {"value": 50}}],
                        "Details\""""));
        assertEquals(1, memo.path("ApplicationsCreditMemo").size());

        assertEquals(204, client.post("SalesInvoice/ReleaseSalesInvoice", keys("Credit Memo", "CRM000001"))
                .statusCode());

        assertAmount("68.79", sandbox.salesInvoice("Invoice", "INV000001").orElseThrow(), "Balance");
        JsonNode released = sandbox.salesInvoice("Credit Memo", "CRM000001").orElseThrow();
        assertAmount("68.79", released, "Balance");
        assertEquals("Open", text(released, "Status"));
        assertEquals(List.of(), CONTRACT.validate("SalesInvoice", released));
    }

    @Test
    void creditMemoApplications_shouldBeCheckedAtPut() throws Exception {
        client.putOk("SalesInvoice", invoiceBody("CUS_1", "cb_inv_1"));

        JsonNode body = assertUnprocessable(client.put("SalesInvoice", creditMemoBody("CUS_1", "cb_cn_1")
                .replace("\"Details\"", """
                        "ApplicationsCreditMemo": [{"DocType": {"value": "Invoice"},
                          "ReferenceNbr": {"value": "INV000001"}, "AmountPaid": {"value": 50}}],
                        "Details\"""")));

        assertTrue(body.path("ApplicationsCreditMemo").get(0).path("ReferenceNbr").path("error").asText()
                .contains("not released"), body.toString());
        assertEquals(List.of(), CONTRACT.validate("SalesInvoice", body));
    }

    @Test
    void creditMemoPayment_shouldApplyAReleasedMemoToInvoices_throughThePaymentsScreen() throws Exception {
        givenReleasedInvoice("CUS_1", "cb_inv_1");
        JsonNode memo = givenReleasedCreditMemo("CUS_1", "cb_cn_1");
        sandbox.setReleasePollsBeforeCompletion(0);

        JsonNode opened = client.putOk("Payment", """
                {"Type": {"value": "Credit Memo"}, "ReferenceNbr": {"value": "CRM000001"},
                 "DocumentsToApply": [{"DocType": {"value": "Invoice"}, "ReferenceNbr": {"value": "INV000001"},
                                       "AmountPaid": {"value": 100}}]}""");
        assertEquals(memo.path("id").asText(), opened.path("id").asText(), "one AR document, one NoteID");
        assertAmount("18.79", opened, "AvailableBalance");
        assertEquals(204, client.post("Payment/ReleasePayment", keys("Credit Memo", "CRM000001")).statusCode());

        assertAmount("18.79", sandbox.salesInvoice("Invoice", "INV000001").orElseThrow(), "Balance");
        assertAmount("18.79", sandbox.salesInvoice("Credit Memo", "CRM000001").orElseThrow(), "Balance");
        JsonNode mirror = sandbox.payment("Credit Memo", "CRM000001").orElseThrow();
        assertEquals("Open", text(mirror, "Status"));
        assertAmount("18.79", mirror, "AvailableBalance");
        assertEquals(List.of(), CONTRACT.validate("Payment", mirror));
        assertUnprocessable(client.put("Payment", """
                {"Type": {"value": "Credit Memo"}, "ReferenceNbr": {"value": "CRM000404"}}"""));
    }

    @Test
    void creditMemoPayment_shouldCountAsAnExistingDocumentForIfMatch() throws Exception {
        givenReleasedInvoice("CUS_1", "cb_inv_1");
        givenReleasedCreditMemo("CUS_1", "cb_cn_1");

        HttpResponse<String> opened = client.putIfMatch("Payment", """
                {"Type": {"value": "Credit Memo"}, "ReferenceNbr": {"value": "CRM000001"},
                 "DocumentsToApply": [{"DocType": {"value": "Invoice"}, "ReferenceNbr": {"value": "INV000001"},
                                       "AmountPaid": {"value": 10}}]}""");
        HttpResponse<String> missing = client.putIfMatch("Payment", """
                {"Type": {"value": "Credit Memo"}, "ReferenceNbr": {"value": "CRM000404"}}""");

        assertEquals(200, opened.statusCode(), opened.body());
        assertEquals(412, missing.statusCode(), missing.body());
    }

    // ------------------------------------------------------------------ helpers

    private void givenCustomer(String customerId, String currency) throws Exception {
        client.putOk("Customer", """
                {"CustomerID": {"value": "%s"}, "CustomerName": {"value": "Customer %s"},
                 "CurrencyID": {"value": "%s"}}""".formatted(customerId, customerId, currency));
    }

    private JsonNode givenReleasedInvoice(String customerId, String externalRef) throws Exception {
        return release(client.putOk("SalesInvoice", invoiceBody(customerId, externalRef)));
    }

    private JsonNode givenReleasedCreditMemo(String customerId, String externalRef) throws Exception {
        return release(client.putOk("SalesInvoice", creditMemoBody(customerId, externalRef)));
    }

    private JsonNode release(JsonNode document) throws Exception {
        HttpResponse<String> released = client.post("SalesInvoice/ReleaseSalesInvoice",
                "{\"entity\": {\"id\": \"" + document.path("id").asText() + "\"}}");
        assertTrue(released.statusCode() == 202 || released.statusCode() == 204, released.body());
        return document;
    }

    /** 118.79 in total, like the main test's invoice. */
    private static String invoiceBody(String customerId, String externalRef) {
        return """
                {"CustomerID": {"value": "%s"}, "Date": {"value": "2024-05-01"},
                 "ExternalRef": {"value": "%s"},
                 "Details": [
                   {"InventoryID": {"value": "SUBSCRIPTION"}, "Qty": {"value": 2}, "UnitPrice": {"value": 49.995}},
                   {"InventoryID": {"value": "SETUP-FEE"}, "Amount": {"value": 10}}],
                 "TaxDetails": [{"TaxID": {"value": "SALESTAX"}, "TaxableAmount": {"value": 109.99},
                                 "TaxAmount": {"value": 8.8}}]}""".formatted(customerId, externalRef);
    }

    private static String creditMemoBody(String customerId, String externalRef) {
        return invoiceBody(customerId, externalRef).replace("\"CustomerID\"",
                "\"Type\": {\"value\": \"Credit Memo\"}, \"CustomerID\"");
    }

    private static String paymentBody(String externalRef, String amount, String... lines) {
        return """
                {"Type": {"value": "Payment"}, "CustomerID": {"value": "CUS_1"}, "PaymentMethod": {"value": "CARD"},
                 "CashAccount": {"value": "10200"}, "PaymentAmount": {"value": %s}, "Hold": {"value": false},
                 "ExternalRef": {"value": "%s"}, "PaymentRef": {"value": "ch_%s"},
                 "Description": {"value": "Chargebee transaction %s"},
                 "DocumentsToApply": [%s]}""".formatted(amount, externalRef, externalRef, externalRef,
                String.join(", ", lines));
    }

    private static String line(String docType, String referenceNbr, String amountPaid) {
        return "{\"DocType\": {\"value\": \"" + docType + "\"}, \"ReferenceNbr\": {\"value\": \"" + referenceNbr
                + "\"}" + (amountPaid == null ? "" : ", \"AmountPaid\": {\"value\": " + amountPaid + "}") + "}";
    }

    private static String keys(String type, String referenceNbr) {
        return "{\"entity\": {\"Type\": {\"value\": \"" + type + "\"}, \"ReferenceNbr\": {\"value\": \""
                + referenceNbr + "\"}}}";
    }

    private static JsonNode assertUnprocessable(HttpResponse<String> response) throws Exception {
        assertEquals(422, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertFalse(body.path("error").asText().isEmpty(), response.body());
        String schema = response.request().uri().getPath().contains("/SalesInvoice") ? "SalesInvoice" : "Payment";
        assertEquals(List.of(), CONTRACT.validate(schema, body));
        return body;
    }

    private static String text(JsonNode record, String field) {
        return record.path(field).path("value").asText();
    }

    private static void assertAmount(String expected, JsonNode record, String field) {
        BigDecimal actual = record.path(field).path("value").decimalValue();
        assertEquals(0, new BigDecimal(expected).compareTo(actual), field + " was " + actual + " in " + record);
    }
}
