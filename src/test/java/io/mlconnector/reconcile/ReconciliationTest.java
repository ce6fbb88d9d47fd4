package io.mlconnector.reconcile;

import static io.mlconnector.reconcile.Books.acuInvoice;
import static io.mlconnector.reconcile.Books.acuPayment;
import static io.mlconnector.reconcile.Books.acuSales;
import static io.mlconnector.reconcile.Books.creditNote;
import static io.mlconnector.reconcile.Books.customer;
import static io.mlconnector.reconcile.Books.invoice;
import static io.mlconnector.reconcile.Books.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.acumatica.dto.CustomerRow;
import io.mlconnector.acumatica.dto.PaymentRow;
import io.mlconnector.acumatica.dto.SalesDocumentRow;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.MappingFixtures;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pure comparison: each document status from the smallest books that produce it, and the figures exact to the
 * currency's decimals (USD cents, JPY none).
 */
class ReconciliationTest {
    private static final Mapping MAPPING = MappingFixtures.defaultMapping();
    private static final Period MAY = Period.month(YearMonth.of(2026, 5), MAPPING.siteCalendar());
    private static final String PLAN = "pro-monthly-usd";
    private static final String ACCOUNT = MAPPING.itemFor("plan_item_price", PLAN).salesAccount();
    private static final List<CustomerRow> CUSTOMERS = List.of(customer("C000001", "cust_1"));

    private static ReconciliationResult compare(List<ChargebeeInvoice> invoices, List<SalesDocumentRow> sales,
                                                List<NotPosted> notPosted) {
        return compare(invoices, List.of(), List.of(), sales, List.of(), notPosted);
    }

    private static ReconciliationResult compare(List<ChargebeeInvoice> invoices, List<ChargebeeCreditNote> notes,
                                                List<ChargebeeTransaction> transactions, List<SalesDocumentRow> sales,
                                                List<PaymentRow> payments, List<NotPosted> notPosted) {
        return Reconciliation.compare(MAY, new ChargebeeBooks(invoices, notes, transactions),
                new AcumaticaBooks(sales, payments, CUSTOMERS), MAPPING, notPosted);
    }

    private static DocumentCheck only(ReconciliationResult result) {
        assertThat(result.documents()).hasSize(1);
        return result.documents().get(0);
    }

    @Test
    void compare_shouldMatchAndAgreeToTheCent_whenAcumaticaHoldsTheSameInvoice() {
        ReconciliationResult result = compare(
                List.of(invoice("inv_1", "cust_1", "USD", "payment_due", 2999, PLAN, 1999, 1000)),
                List.of(acuInvoice("000001", "inv_1", "C000001", "USD", "29.99", "29.99", "Open", ACCOUNT, "19.99",
                        "10.00")), List.of());

        assertThat(only(result).status()).isEqualTo(CheckStatus.MATCHED);
        assertThat(result.differences()).isZero();
        assertThat(result.openAr()).containsExactly(new Comparison("cust_1", "USD", new BigDecimal("29.99"),
                new BigDecimal("29.99")));
        assertThat(result.revenue()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(ACCOUNT);
            assertThat(c.chargebee().toPlainString()).isEqualTo("29.99");
            assertThat(c.differs()).isFalse();
        });
        assertThat(result.totals()).singleElement().satisfies(c -> assertThat(c.chargebee().toPlainString())
                .isEqualTo("29.99"));
    }

    @Test
    void compare_shouldFlagAmountByOneCent_whenAcumaticaHasOneCentMore() {
        ReconciliationResult result = compare(List.of(invoice("inv_1", "cust_1", "USD", "paid", 0, PLAN, 1999)),
                List.of(acuInvoice("000001", "inv_1", "C000001", "USD", "20.00", "0", "Closed", ACCOUNT, "20.00")),
                List.of());

        DocumentCheck check = only(result);
        assertThat(check.status()).isEqualTo(CheckStatus.AMOUNT);
        assertThat(check.chargebeeAmount().toPlainString()).isEqualTo("19.99");
        assertThat(check.acumaticaAmount().toPlainString()).isEqualTo("20.00");
        assertThat(result.totals()).singleElement().satisfies(c -> assertThat(c.differs()).isTrue());
        assertThat(result.differences()).isEqualTo(3); // the document, the account's revenue, the USD total
    }

    @Test
    void compare_shouldKeepYenWhole_andFlagAOneYenDifference() {
        ReconciliationResult agree = compare(List.of(invoice("inv_j", "cust_1", "JPY", "paid", 0, PLAN, 1200)),
                List.of(acuInvoice("000002", "inv_j", "C000001", "JPY", "1200", "0", "Closed", ACCOUNT, "1200")),
                List.of());
        ReconciliationResult differ = compare(List.of(invoice("inv_j", "cust_1", "JPY", "paid", 0, PLAN, 1200)),
                List.of(acuInvoice("000002", "inv_j", "C000001", "JPY", "1201", "0", "Closed", ACCOUNT, "1201")),
                List.of());

        assertThat(only(agree).status()).isEqualTo(CheckStatus.MATCHED);
        assertThat(only(agree).chargebeeAmount().toPlainString()).as("1200 JPY, not 12.00").isEqualTo("1200");
        assertThat(agree.differences()).isZero();
        assertThat(only(differ).status()).isEqualTo(CheckStatus.AMOUNT);
        assertThat(differ.revenue()).singleElement().satisfies(c -> {
            assertThat(c.chargebee().toPlainString()).isEqualTo("1200");
            assertThat(c.acumatica().toPlainString()).isEqualTo("1201");
        });
    }

    @Test
    void compare_shouldReportMissing_whenNoAcumaticaDocumentCarriesTheId() {
        ReconciliationResult result = compare(List.of(invoice("inv_1", "cust_1", "USD", "paid", 0, PLAN, 500)),
                List.of(), List.of());

        assertThat(only(result).status()).isEqualTo(CheckStatus.MISSING);
        assertThat(result.differences()).isPositive();
    }

    @Test
    void compare_shouldReportHeldWithItsReason_notMissing_whenTheConnectorHoldsIt() {
        ReconciliationResult result = compare(List.of(invoice("inv_1", "cust_1", "USD", "paid", 0, PLAN, 500)),
                List.of(), List.of(NotPosted.held("invoice", "inv_1", "no account for item price gold-usd")));

        assertThat(only(result).status()).isEqualTo(CheckStatus.HELD);
        assertThat(only(result).detail()).isEqualTo("no account for item price gold-usd");
        assertThat(result.countsByStatus()).containsEntry(CheckStatus.HELD, 1L).containsEntry(CheckStatus.MISSING, 0L);
    }

    @Test
    void compare_shouldReportSkippedWithItsReason_andNoDocumentDifference_whenAnOperatorSkippedIt() {
        ReconciliationResult result = compare(List.of(invoice("inv_1", "cust_1", "USD", "paid", 0, PLAN, 500)),
                List.of(), List.of(NotPosted.skipped("invoice", "inv_1", "test invoice, skipped by ana")));

        assertThat(only(result).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(only(result).detail()).contains("skipped by ana");
        assertThat(result.documents()).noneMatch(DocumentCheck::isDifference);
    }

    @Test
    void compare_shouldReportNotPostable_forAPendingInvoiceAndAFailedPayment() {
        ReconciliationResult result = compare(List.of(invoice("inv_p", "cust_1", "USD", "pending", 500, PLAN, 500)),
                List.of(), List.of(payment("txn_f", "cust_1", "USD", "failure", 500, 0)), List.of(), List.of(),
                List.of());

        assertThat(result.documents()).extracting(DocumentCheck::status)
                .containsExactly(CheckStatus.NOT_POSTABLE, CheckStatus.NOT_POSTABLE);
        assertThat(result.differences()).isZero();
    }

    @Test
    void compare_shouldReportExtra_forOurAcumaticaDocumentOfThePeriodThatNoChargebeeDocumentHas() {
        ReconciliationResult result = compare(List.of(), List.of(
                acuInvoice("000009", "inv_ghost", "C000001", "USD", "5.00", "5.00", "Open", ACCOUNT, "5.00"),
                acuInvoice("000010", "", "C000001", "USD", "7.00", "7.00", "Open", ACCOUNT, "7.00")), List.of());

        assertThat(only(result).status()).as("a document without ExternalRef is not ours").isEqualTo(CheckStatus.EXTRA);
        assertThat(only(result).chargebeeId()).isEqualTo("inv_ghost");
    }

    @Test
    void compare_shouldReportDuplicate_whenTwoAcumaticaInvoicesCarryTheId() {
        ReconciliationResult result = compare(List.of(invoice("inv_1", "cust_1", "USD", "paid", 0, PLAN, 500)),
                List.of(acuInvoice("000001", "inv_1", "C000001", "USD", "5.00", "0", "Closed", ACCOUNT, "5.00"),
                        acuInvoice("000002", "inv_1", "C000001", "USD", "5.00", "0", "Closed", ACCOUNT, "5.00")),
                List.of());

        assertThat(only(result).status()).isEqualTo(CheckStatus.DUPLICATE);
        assertThat(only(result).acumaticaRef()).isEqualTo("Invoice 000001, Invoice 000002");
    }

    @Test
    void compare_shouldReportBalance_whenChargebeeSaysPaidAndAcumaticaStillOpen() {
        ReconciliationResult result = compare(List.of(invoice("inv_1", "cust_1", "USD", "paid", 0, PLAN, 500)),
                List.of(acuInvoice("000001", "inv_1", "C000001", "USD", "5.00", "5.00", "Open", ACCOUNT, "5.00")),
                List.of());

        assertThat(only(result).status()).isEqualTo(CheckStatus.BALANCE);
        assertThat(result.openAr()).singleElement().satisfies(c -> {
            assertThat(c.chargebee().toPlainString()).isEqualTo("0.00");
            assertThat(c.acumatica().toPlainString()).isEqualTo("5.00");
        });
    }

    @Test
    void compare_shouldReportStatus_whenTheAcumaticaInvoiceIsNotReleased() {
        ReconciliationResult result = compare(List.of(invoice("inv_1", "cust_1", "USD", "payment_due", 500, PLAN,
                500)), List.of(acuInvoice("000001", "inv_1", "C000001", "USD", "5.00", "5.00", "Balanced", ACCOUNT,
                "5.00")), List.of());

        assertThat(only(result).status()).isEqualTo(CheckStatus.STATUS);
        assertThat(only(result).detail()).contains("Balanced");
    }

    @Test
    void compare_shouldMatchAVoidedInvoiceReversedByItsCreditMemo_andCountItInNoTotal() {
        ReconciliationResult result = compare(List.of(invoice("inv_v", "cust_1", "USD", "voided", 0, PLAN, 500)),
                List.of(acuInvoice("000001", "inv_v", "C000001", "USD", "5.00", "0", "Closed", ACCOUNT, "5.00"),
                        acuSales("Credit Memo", "000002", "inv_v-VOID", "C000001", "USD", "5.00", "0", "Closed",
                                ACCOUNT, "5.00")), List.of());

        assertThat(only(result).status()).isEqualTo(CheckStatus.MATCHED);
        assertThat(only(result).acumaticaRef()).contains("reversed by Credit Memo 000002");
        assertThat(result.differences()).isZero();
    }

    @Test
    void compare_shouldMatchPaymentsAndCreditNotes_andNetOpenArPerCustomer() {
        ReconciliationResult result = compare(
                List.of(invoice("inv_1", "cust_1", "USD", "payment_due", 1000, PLAN, 3000)),
                List.of(creditNote("cn_1", "cust_1", "USD", "refund_due", 250, 250, PLAN)),
                List.of(payment("txn_1", "cust_1", "USD", "success", 2500, 500)),
                List.of(acuInvoice("000001", "inv_1", "C000001", "USD", "30.00", "10.00", "Open", ACCOUNT, "30.00"),
                        acuSales("Credit Memo", "000002", "cn_1", "C000001", "USD", "2.50", "2.50", "Open", ACCOUNT,
                                "2.50")),
                List.of(acuPayment("000003", "txn_1", "C000001", "USD", "25.00", "5.00", "Open")), List.of());

        assertThat(result.documents()).extracting(DocumentCheck::status).containsOnly(CheckStatus.MATCHED);
        // 10.00 due − 2.50 credit available − 5.00 unused payment
        assertThat(result.openAr()).containsExactly(new Comparison("cust_1", "USD", new BigDecimal("2.50"),
                new BigDecimal("2.50")));
        assertThat(result.revenue()).singleElement().satisfies(c -> assertThat(c.chargebee().toPlainString())
                .isEqualTo("27.50"));
        assertThat(result.differences()).isZero();
    }

    @Test
    void compare_shouldFlagPaymentBalance_whenAcumaticaLeftADifferentAmountUnapplied() {
        ReconciliationResult result = compare(List.of(), List.of(),
                List.of(payment("txn_1", "cust_1", "USD", "success", 2500, 0)), List.of(),
                List.of(acuPayment("000003", "txn_1", "C000001", "USD", "25.00", "0.01", "Open")), List.of());

        assertThat(only(result).status()).isEqualTo(CheckStatus.BALANCE);
        assertThat(result.openAr()).singleElement().satisfies(c -> assertThat(c.acumatica().toPlainString())
                .isEqualTo("-0.01"));
    }

    @Test
    void compare_shouldOweNothingOnAVoidedInvoice_whenChargebeeStillShowsItsAmountDue() {
        ReconciliationResult result = compare(List.of(invoice("inv_v", "cust_1", "USD", "voided", 29000, PLAN,
                29000)), List.of(), List.of());

        assertThat(only(result).status()).isEqualTo(CheckStatus.NOT_POSTABLE);
        assertThat(result.openAr()).as("nothing open on either side").isEmpty();
        assertThat(result.differences()).isZero();
    }

    @Test
    void compare_shouldReportStatus_whenChargebeeVoidedACreditNoteThatAcumaticaNeverReversed() {
        ReconciliationResult result = compare(List.of(), List.of(creditNote("cn_v", "cust_1", "USD", "voided", 250, 0,
                PLAN)), List.of(), List.of(acuSales("Credit Memo", "000002", "cn_v", "C000001", "USD", "2.50", "0",
                "Closed", ACCOUNT, "2.50")), List.of(), List.of());

        assertThat(only(result).status()).isEqualTo(CheckStatus.STATUS);
        assertThat(only(result).detail()).isEqualTo("voided in Chargebee, not reversed in Acumatica");
    }

    @Test
    void compare_shouldMatchALateFailedPaymentVoidedInAcumatica_andFlagOneStillStanding() {
        ChargebeeTransaction lateFailure = payment("txn_l", "cust_1", "USD", "late_failure", 2500, 0);

        ReconciliationResult voided = compare(List.of(), List.of(), List.of(lateFailure), List.of(),
                List.of(acuPayment("000003", "txn_l", "C000001", "USD", "25.00", "0", "Voided")), List.of());
        ReconciliationResult standing = compare(List.of(), List.of(), List.of(lateFailure), List.of(),
                List.of(acuPayment("000003", "txn_l", "C000001", "USD", "25.00", "0", "Closed")), List.of());

        assertThat(only(voided).status()).isEqualTo(CheckStatus.MATCHED);
        assertThat(voided.differences()).as("a voided payment counts in no total").isZero();
        assertThat(only(standing).status()).isEqualTo(CheckStatus.STATUS);
    }

    @Test
    void compare_shouldReportHeldForATransaction_listedUnderTransaction() {
        ReconciliationResult result = compare(List.of(), List.of(),
                List.of(payment("txn_h", "cust_1", "USD", "success", 2500, 0)), List.of(), List.of(),
                List.of(NotPosted.held("transaction", "txn_h", "no cash account for gateway gw_1 in USD")));

        assertThat(only(result).status()).isEqualTo(CheckStatus.HELD);
        assertThat(only(result).kind()).isEqualTo("payment");
    }

    @Test
    void compare_shouldLeaveOutAnAcumaticaDocumentDatedOutsideThePeriod_whenNoChargebeeDocumentClaimsIt() {
        SalesDocumentRow april = new SalesDocumentRow("guid-9", "Invoice", "000009", "inv_april", "C000001", "USD",
                new BigDecimal("5.00"), new BigDecimal("5.00"), "Open", "2026-04-30T00:00:00+00:00", List.of());

        ReconciliationResult result = compare(List.of(), List.of(april), List.of());

        assertThat(result.documents()).isEmpty();
        assertThat(result.openAr()).isEmpty();
        assertThat(result.totals()).isEmpty();
    }
}
