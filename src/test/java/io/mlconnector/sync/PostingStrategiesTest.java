package io.mlconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mlconnector.chargebee.dto.ChargebeeCreditNote;
import io.mlconnector.chargebee.dto.ChargebeeInvoice;
import io.mlconnector.chargebee.dto.ChargebeeTransaction;
import io.mlconnector.mapping.file.Mapping;
import io.mlconnector.mapping.file.MappingFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a document needs first and what it brings up to date after it are pure functions of Chargebee's record: the
 * strategies are built here with no Chargebee, Acumatica, ledger or mapping source at all (any I/O would fail), and
 * answer from the golden inputs in milliseconds.
 */
class PostingStrategiesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Mapping MAPPING = MappingFixtures.defaultMapping();

    private final TransactionPosting transactions = new TransactionPosting(null, null, null, null);
    private final CreditNotePosting creditNotes = new CreditNotePosting(null, null, null, null);
    private final InvoicePosting invoices = new InvoicePosting(null, null, null, null, null);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"payment-two-invoices", "payment-overpayment", "payment-jpy", "refund",
            "refund-of-excess-payment"})
    void paymentOrRefund_shouldNeedItsCustomerFirst_thenExactlyTheDocumentsItIsAppliedTo(String golden)
            throws IOException {
        JsonNode input = input(golden);
        ChargebeeTransaction transaction = JSON.treeToValue(input.path("chargebee"), ChargebeeTransaction.class);

        List<Dependency> dependencies = transactions.dependencies(transaction, MAPPING);

        assertThat(dependencies.get(0)).isEqualTo(Dependency.customer(transaction.customerId(),
                transaction.currencyCode()));
        assertThat(dependencies.subList(1, dependencies.size())).containsExactlyInAnyOrderElementsOf(
                documentsNamedIn(input));
    }

    @Test
    void creditNote_shouldNeedItsCustomerFirst_thenTheInvoicesItIsAllocatedTo() throws IOException {
        JsonNode input = input("credit-note-of-discounted-tax-inclusive-invoice");
        ChargebeeCreditNote note = JSON.treeToValue(input.path("chargebee"), ChargebeeCreditNote.class);

        assertThat(creditNotes.dependencies(note, MAPPING)).containsExactly(
                Dependency.customer("cust_min_eur", "EUR"), Dependency.of(DocumentKind.INVOICE, "INV-MIN-0003"));
    }

    @Test
    void paymentReversal_shouldNeedOnlyThePaymentItReverses() throws IOException {
        ChargebeeTransaction reversal = JSON.treeToValue(input("payment-reversal").path("chargebee"),
                ChargebeeTransaction.class);

        assertThat(transactions.dependencies(reversal, MAPPING))
                .containsExactly(Dependency.of(DocumentKind.TRANSACTION, "txn_min_0001"));
    }

    @Test
    void paymentThatFailedLate_shouldNeedNothingFirst() throws IOException {
        ChargebeeTransaction failed = JSON.treeToValue(input("payment-late-failure").path("chargebee"),
                ChargebeeTransaction.class);

        assertThat(transactions.dependencies(failed, MAPPING)).isEmpty();
    }

    @Test
    void invoice_shouldBringUpToDateAPaymentWhoseExcessPaidItLater_andPostTheCreditNotesWhoseCreditsItUsed()
            throws IOException {
        ObjectNode invoice = (ObjectNode) input("invoice-usd-tax-exclusive").path("chargebee").deepCopy();
        long date = invoice.path("date").asLong();
        invoice.putArray("linked_payments")
                .add(JSON.createObjectNode().put("txn_id", "txn_at_once").put("applied_amount", 100)
                        .put("applied_at", date).put("txn_date", date).put("txn_status", "success"))
                .add(JSON.createObjectNode().put("txn_id", "txn_excess").put("applied_amount", 100)
                        .put("applied_at", date + 86_400).put("txn_date", date).put("txn_status", "success"))
                .add(JSON.createObjectNode().put("txn_id", "txn_failed").put("applied_amount", 100)
                        .put("applied_at", date + 86_400).put("txn_date", date).put("txn_status", "failure"));
        invoice.putArray("applied_credits")
                .add(JSON.createObjectNode().put("cn_id", "CN-USED").put("applied_amount", 500))
                .add(JSON.createObjectNode().put("cn_id", "CN-NOTHING").put("applied_amount", 0));

        List<FollowUp> followUps = invoices.followUps(JSON.treeToValue(invoice, ChargebeeInvoice.class));

        assertThat(followUps).containsExactly(FollowUp.bringUpToDate(DocumentKind.TRANSACTION, "txn_excess"),
                FollowUp.postIfMissing(DocumentKind.CREDIT_NOTE, "CN-USED"));
    }

    @Test
    void invoice_shouldNeedOnlyItsCustomer_inItsCurrency() throws IOException {
        ChargebeeInvoice invoice = JSON.treeToValue(input("invoice-jpy-tax-inclusive").path("chargebee"),
                ChargebeeInvoice.class);

        assertThat(invoices.dependencies(invoice, MAPPING))
                .containsExactly(Dependency.customer(invoice.customerId(), "JPY"));
    }

    private static JsonNode input(String golden) throws IOException {
        return JSON.readTree(GOLDEN.resolve(golden).resolve("input.json").toFile());
    }

    /** The documents a golden input says the mapping asks Acumatica reference numbers for. */
    private static List<Dependency> documentsNamedIn(JsonNode input) {
        List<Dependency> named = new ArrayList<>();
        input.path("acumatica_reference_nbrs").fieldNames().forEachRemaining(id -> named.add(Dependency.of(
                id.startsWith("INV") ? DocumentKind.INVOICE : id.startsWith("CN") ? DocumentKind.CREDIT_NOTE
                        : DocumentKind.TRANSACTION, id)));
        return named;
    }
}
